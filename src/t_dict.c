/* t_dict: DictTable, the hash table behind dicts, namespaces and instance
 * attributes, and the dict type.
 *
 * The table is CPython 3.11's compact dict: entries in insertion order
 * (deleted ones stay as holes until a resize compacts them) and an
 * open-addressing index probed with perturbation. Sizes follow CPython
 * exactly: the first insertion makes an 8-slot table, a full table grows to
 * calculate_log2_keysize(used * 3) (with CPython's bit trick, which turns
 * 1..7 into 16), a table of str keys has 16-byte entries until a key of
 * another type arrives, and sys.getsizeof adds the keys object's bytes
 * (32 + index + entries) to the dict's 64.
 *
 * DictTable fields as used here: `used` live entries, `nentries` entries
 * taken (holes included), `usable` entries that may still be taken before
 * a resize (CPython's dk_usable; popitem does not give one back),
 * `log2size` 0 while there is no table (CPython's shared empty keys).
 *
 * Owners: a key is owned by OWNER(OWN_KEY, container, 0); a value by slot
 * <entry index> of the container, or for ROLE_NAMES / ROLE_ATTRS tables by
 * the name (OWN_NAME / OWN_ATTR). Compaction reports moved slots. */
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "ops.h"
#include "types.h"
#include "xmem.h"

enum { DKIX_EMPTY = -1, DKIX_DUMMY = -2, DKIX_ERROR = -3 };
enum { DICT_BASIC = 64, LOG_MINSIZE = 3, KEYS_HEADER = 32, PERTURB_SHIFT = 5, LOG_MAX_PRESIZE = 17 };

static bool is_atom(const Obj *o)
{
    switch (o->kind) {
    case K_NONE: case K_BOOL: case K_INT: case K_FLOAT: case K_STR:
        return true;
    default:
        return false;
    }
}

/* ---------- sizes ---------- */

static size_t usable_fraction(size_t n) { return (n << 1) / 3; }

static unsigned bit_length(uint64_t x)
{
    unsigned n = 0;
    for (; x; x >>= 1)
        n++;
    return n;
}

/* calculate_log2_keysize as CPython 3.11 computes it on 64-bit Linux:
 * ((minsize | 8) - 1) | 7, then its bit length. It gives 4 (not 3) for
 * 1..7 and one more than needed for powers of two from 16 on; both show in
 * sys.getsizeof, so they are kept. */
static uint8_t calc_log2(uint64_t minsize)
{
    return (uint8_t)bit_length(((minsize | 8) - 1) | 7);
}

/* Enough slots to insert n entries without a resize. */
static uint8_t estimate_log2(uint64_t n) { return calc_log2((n * 3 + 1) / 2); }

static size_t keys_bytes(uint8_t log2, bool unicode)
{
    size_t size = (size_t)1 << log2;
    size_t index = log2 < 8 ? size : log2 < 16 ? 2 * size : log2 < 32 ? 4 * size : 8 * size;
    return KEYS_HEADER + index + usable_fraction(size) * (unicode ? 16 : 24);
}

size_t table_size_bytes(const DictTable *t)
{
    return t->log2size ? keys_bytes(t->log2size, t->unicode_keys) : 0;
}

/* ---------- owners ---------- */

static Owner key_owner(uint64_t addr) { return OWNER(OWN_KEY, addr, 0, NULL); }

/* The owner of entry ix's value. Names are interned only when someone
 * reads them (events on, or a traversal). */
static Owner value_owner(const DictTable *t, uint64_t addr, size_t ix, const Obj *key, bool named)
{
    if (t->role != ROLE_DICT && key && IS(key, K_STR)) {
        const char *name = named || ev_on ? ev_intern(AS_STR(key)->s) : NULL;
        return OWNER(t->role == ROLE_NAMES ? OWN_NAME : OWN_ATTR, addr, 0, name);
    }
    return OWNER(OWN_SLOT, addr, ix, NULL);
}

/* ---------- table storage ---------- */

/* Versions are never reused, so a cache made for a dead table cannot match
 * a new one. */
static uint64_t table_versions;
static void touch(DictTable *t) { t->version = ++table_versions; }

void table_init(DictTable *t)
{
    memset(t, 0, sizeof *t);
    touch(t);
}

/* Gives t (whose arrays are not kept) an empty table of 2**log2 slots;
 * false with MemoryError and t unchanged past the heap limit. */
static bool alloc_table(DictTable *t, uint8_t log2, bool unicode)
{
    if (log2 >= 40 || !heap_reserve((int64_t)keys_bytes(log2, unicode))) {
        rt_no_memory();
        return false;
    }
    size_t size = (size_t)1 << log2;
    t->log2size = log2;
    t->unicode_keys = unicode;
    t->index = xmalloc(size * sizeof(int64_t));
    for (size_t i = 0; i < size; i++)
        t->index[i] = DKIX_EMPTY;
    t->entries = xcalloc(usable_fraction(size), sizeof(DictEntry));
    t->usable = usable_fraction(size);
    t->used = t->nentries = 0;
    touch(t);
    return true;
}

static void release_arrays(DictTable *t)
{
    free(t->index);
    free(t->entries);
    if (t->log2size)
        heap_reserve(-(int64_t)keys_bytes(t->log2size, t->unicode_keys));
}

/* Frees the table's memory; its references must have been dropped. */
void table_free(DictTable *t)
{
    uint8_t role = t->role;
    release_arrays(t);
    table_init(t);
    t->role = role;
}

static size_t table_mask(const DictTable *t) { return ((size_t)1 << t->log2size) - 1; }

/* find_empty_slot: the first index slot on hash's probe path that holds no
 * live entry (a dummy is reused). */
static size_t find_empty_slot(const DictTable *t, int64_t hash)
{
    size_t mask = table_mask(t), i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (t->index[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
    return i;
}

/* lookdict_index: the index slot that holds entry ix. */
static size_t slot_of_entry(const DictTable *t, int64_t hash, int64_t ix)
{
    size_t mask = table_mask(t), i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (t->index[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
    return i;
}

/* dictresize: a new table of 2**log2 slots with the live entries in order
 * (unicode only if the old one was). -1 with MemoryError, t unchanged. */
static int resize(DictTable *t, uint64_t owner, uint8_t log2, bool unicode)
{
    if (t->log2size && !t->unicode_keys)
        unicode = false;
    DictTable nt = {.role = t->role};
    if (!alloc_table(&nt, log2, unicode))
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < t->nentries; i++) {
        DictEntry *e = &t->entries[i];
        if (!e->value)
            continue;
        nt.entries[k] = *e;
        if (k != i && t->role == ROLE_DICT && ev_on)
            ref_move(e->value, value_owner(t, owner, i, e->key, false),
                     value_owner(&nt, owner, k, e->key, false));
        k++;
    }
    size_t mask = table_mask(&nt);
    for (size_t ix = 0; ix < k; ix++) {
        int64_t hash = nt.entries[ix].hash;
        size_t i = (size_t)hash & mask;
        for (uint64_t perturb = (uint64_t)hash; nt.index[i] != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        nt.index[i] = (int64_t)ix;
    }
    nt.used = t->used;
    nt.nentries = k;
    nt.usable -= k;
    release_arrays(t);
    *t = nt;
    touch(t);
    return 0;
}

/* GROWTH_RATE: used * 3. */
static int insertion_resize(DictTable *t, uint64_t owner, bool unicode)
{
    return resize(t, owner, calc_log2(t->used * 3), unicode);
}

/* ---------- lookup, insertion, deletion ---------- */

/* The entry index of key, DKIX_EMPTY when absent, DKIX_ERROR with an
 * exception set. A key's __eq__ may change the table: then the search
 * starts again, as CPython's lookups do. */
static int64_t lookup(DictTable *t, Obj *key, int64_t hash)
{
restart:
    if (t->log2size == 0)
        return DKIX_EMPTY;
    size_t mask = table_mask(t), i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int64_t ix = t->index[i];
        if (ix >= 0) {
            Obj *start = t->entries[ix].key;
            if (start == key)
                return ix;
            if (t->entries[ix].hash == hash) {
                if (IS(start, K_STR) && IS(key, K_STR)) {
                    if (str_eq(AS_STR(start), AS_STR(key)))
                        return ix;
                } else {
                    DictEntry *entries = t->entries;
                    bool guard = !is_atom(start) || !is_atom(key);
                    if (guard)
                        ref_inc(start, OWN_TEMP);
                    int cmp = obj_eq(start, key);
                    if (guard)
                        DECREF(start);
                    if (cmp < 0)
                        return DKIX_ERROR;
                    if (t->log2size == 0 || t->entries != entries || (size_t)ix >= t->nentries ||
                        t->entries[ix].key != start)
                        goto restart;
                    if (cmp > 0)
                        return ix;
                    mask = table_mask(t);
                }
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* Appends a new entry for a key known to be absent; the table has room. */
static void add_entry(DictTable *t, uint64_t owner, Obj *key, int64_t hash, Obj *value)
{
    size_t n = t->nentries;
    touch(t);
    t->index[find_empty_slot(t, hash)] = (int64_t)n;
    t->entries[n] = (DictEntry){key, value, hash};
    t->used++;
    t->usable--;
    t->nentries++;
    ref_inc(key, key_owner(owner));
    ref_inc(value, value_owner(t, owner, n, key, false));
}

/* insertdict / insert_to_emptydict. Replacing a value keeps the entry's
 * place; the old value is released last (its __del__ may run). */
int table_set(DictTable *t, uint64_t owner, Obj *key, int64_t hash, Obj *value)
{
    if (t->log2size == 0) {
        if (!alloc_table(t, LOG_MINSIZE, IS(key, K_STR)))
            return -1;
        add_entry(t, owner, key, hash, value);
        return 0;
    }
    if (t->unicode_keys && !IS(key, K_STR) && insertion_resize(t, owner, false) < 0)
        return -1;
    int64_t ix = lookup(t, key, hash);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY) {
        if (t->usable == 0 && insertion_resize(t, owner, true) < 0)
            return -1;
        add_entry(t, owner, key, hash, value);
        return 0;
    }
    DictEntry *e = &t->entries[ix];
    Obj *old = e->value;
    if (old != value) {
        Owner w = value_owner(t, owner, (size_t)ix, e->key, false);
        e->value = value;
        ref_inc(value, w);
        ref_dec(old, w);
    }
    return 0;
}

/* delitem_common: the slot becomes a dummy, the entry a hole; the key is
 * released before the value. */
static void delete_entry(DictTable *t, uint64_t owner, int64_t ix)
{
    DictEntry *e = &t->entries[ix];
    touch(t);
    t->index[slot_of_entry(t, e->hash, ix)] = DKIX_DUMMY;
    Obj *k = e->key, *v = e->value;
    Owner vo = value_owner(t, owner, (size_t)ix, k, false);
    *e = (DictEntry){NULL, NULL, 0};
    t->used--;
    ref_dec(k, key_owner(owner));
    ref_dec(v, vo);
}

int table_del(DictTable *t, uint64_t owner, Obj *key, int64_t hash)
{
    int64_t ix = lookup(t, key, hash);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY)
        return 1;
    delete_entry(t, owner, ix);
    return 0;
}

Obj *table_get(DictTable *t, Obj *key, int64_t hash)
{
    int64_t ix = lookup(t, key, hash);
    return ix >= 0 ? t->entries[ix].value : NULL;
}

Obj *table_get_str(DictTable *t, StrObj *key) { return table_get(t, &key->h, str_hash(key)); }

int64_t table_index_str(DictTable *t, StrObj *key) { return lookup(t, &key->h, str_hash(key)); }

bool table_next(const DictTable *t, size_t *pos, Obj **key, Obj **value)
{
    while (*pos < t->nentries) {
        const DictEntry *e = &t->entries[(*pos)++];
        if (e->value) {
            if (key)
                *key = e->key;
            if (value)
                *value = e->value;
            return true;
        }
    }
    return false;
}

void table_traverse(DictTable *t, uint64_t owner, VisitFn visit, void *arg)
{
    for (size_t i = 0; i < t->nentries; i++) {
        DictEntry *e = &t->entries[i];
        if (!e->value)
            continue;
        visit(&e->value, value_owner(t, owner, i, e->key, true), arg);
        visit(&e->key, key_owner(owner), arg);
    }
}

/* PyDict_Clear: the table is emptied first, then every entry released in
 * order, key before value, as free_keys_object does. */
void table_clear(DictTable *t, uint64_t owner)
{
    if (t->log2size == 0)
        return;
    DictTable old = *t;
    table_init(t);
    t->role = old.role;
    for (size_t i = 0; i < old.nentries; i++) {
        DictEntry *e = &old.entries[i];
        if (!e->value)
            continue;
        Owner vo = value_owner(&old, owner, i, e->key, false);
        ref_dec(e->key, key_owner(owner));
        ref_dec(e->value, vo);
    }
    release_arrays(&old);
}

/* clone_combined_dict_keys: an exact copy of src (holes included), every
 * live key and value taken again by dst's owner. dst has no table. */
static int clone_table(DictTable *dst, uint64_t owner, const DictTable *src)
{
    if (!alloc_table(dst, src->log2size, src->unicode_keys))
        return -1;
    size_t size = (size_t)1 << src->log2size;
    memcpy(dst->index, src->index, size * sizeof(int64_t));
    memcpy(dst->entries, src->entries, src->nentries * sizeof(DictEntry));
    dst->used = src->used;
    dst->nentries = src->nentries;
    dst->usable = src->usable;
    for (size_t i = 0; i < dst->nentries; i++) {
        DictEntry *e = &dst->entries[i];
        if (e->value) {
            ref_inc(e->value, value_owner(dst, owner, i, e->key, false));
            ref_inc(e->key, key_owner(owner));
        }
    }
    return 0;
}

/* ---------- dict objects ---------- */

static DictObj *dict_alloc(TypeObj *type)
{
    /* The runtime's first dict is made while it starts: the shared empty
     * tuple gets its address then, before anyone refers to it. */
    if (empty_tuple->h.addr == 0)
        XDECREF(tuple_new(0));
    DictObj *d = (DictObj *)obj_alloc(K_DICT, type, sizeof(DictObj), DICT_BASIC);
    if (!d)
        return NULL;
    table_init(&d->t);
    obj_gc_track(&d->h);
    return d;
}

Obj *dict_new(void)
{
    DictObj *d = dict_alloc(&type_dict);
    return d ? &d->h : NULL;
}

/* dict_new_presized: BUILD_MAP / BUILD_CONST_KEY_MAP with n pairs. Up to
 * 5 pairs it is a plain empty dict; beyond, a table for n entries, with
 * 16-byte entries when all the keys are str. */
Obj *dict_new_presized(size_t n, bool unicode)
{
    DictObj *d = dict_alloc(&type_dict);
    if (!d || n <= usable_fraction((size_t)1 << LOG_MINSIZE))
        return d ? &d->h : NULL;
    uint8_t log2 = n > usable_fraction((size_t)1 << LOG_MAX_PRESIZE) ? LOG_MAX_PRESIZE : estimate_log2(n);
    if (!alloc_table(&d->t, log2, unicode)) {
        DECREF(d);
        return NULL;
    }
    return &d->h;
}

void dict_traverse(Obj *o, VisitFn visit, void *arg) { table_traverse(&AS_DICT(o)->t, o->addr, visit, arg); }
void dict_clear(Obj *o) { table_clear(&AS_DICT(o)->t, o->addr); }
void dict_finish(Obj *o) { table_free(&AS_DICT(o)->t); }
size_t dict_size(Obj *o) { return DICT_BASIC + table_size_bytes(&AS_DICT(o)->t); }
int64_t dict_len(Obj *o) { return (int64_t)AS_DICT(o)->t.used; }
Obj *dict_iter(Obj *o) { return iter_new(&type_dict_keyiterator, IT_DICT_KEYS, o); }

static bool hash_of(Obj *key, int64_t *h)
{
    if (IS(key, K_STR)) {
        *h = str_hash(AS_STR(key));
        return true;
    }
    return obj_hash(key, h);
}

Obj *dict_get(Obj *dict, Obj *key)
{
    int64_t h;
    if (!hash_of(key, &h))
        return NULL;
    return table_get(&AS_DICT(dict)->t, key, h);
}

int dict_set(Obj *dict, Obj *key, Obj *value)
{
    int64_t h;
    /* CPython's PyDict_SetItem takes its references before hashing the key,
     * which a user __hash__ can see */
    bool user = key->type->user;
    if (user) {
        ref_inc(key, OWN_TEMP);
        ref_inc(value, OWN_TEMP);
    }
    int r = hash_of(key, &h) ? table_set(&AS_DICT(dict)->t, dict->addr, key, h, value) : -1;
    if (user) {
        DECREF(value);
        DECREF(key);
    }
    return r;
}

int dict_del(Obj *dict, Obj *key)
{
    int64_t h;
    if (!hash_of(key, &h))
        return -1;
    return table_del(&AS_DICT(dict)->t, dict->addr, key, h);
}

Obj *dict_get_str(Obj *dict, const char *key) { return table_get_str(&AS_DICT(dict)->t, str_intern(key)); }

int dict_set_str(Obj *dict, const char *key, Obj *value) { return dict_set(dict, &str_intern(key)->h, value); }

/* KeyError(key): str(e) is repr(key). */
static void raise_key_error(Obj *key)
{
    Obj *exc = exc_new(EXC(KeyError), &key, 1);
    if (exc)
        rt_raise_obj(exc);
}

Obj *dict_getitem(Obj *o, Obj *key)
{
    int64_t h;
    if (!hash_of(key, &h))
        return NULL;
    int64_t ix = lookup(&AS_DICT(o)->t, key, h);
    if (ix >= 0)
        return ref_new(AS_DICT(o)->t.entries[ix].value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (TYPE(o) != &type_dict) {
        Obj *missing = type_lookup(TYPE(o), str_intern("__missing__"));
        if (missing) {
            Obj *args[2] = {o, key};
            return obj_call(missing, args, 2, NULL);
        }
    }
    raise_key_error(key);
    return NULL;
}

int dict_setitem(Obj *o, Obj *key, Obj *value)
{
    if (value)
        return dict_set(o, key, value);
    int r = dict_del(o, key);
    if (r == 1) {
        raise_key_error(key);
        return -1;
    }
    return r;
}

int dict_contains(Obj *o, Obj *key)
{
    int64_t h;
    if (!hash_of(key, &h))
        return -1;
    int64_t ix = lookup(&AS_DICT(o)->t, key, h);
    return ix == DKIX_ERROR ? -1 : ix >= 0;
}

typedef struct { char *p; size_t len, cap; } Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    xgrow((void **)&b->p, &b->cap, b->len + n + 1, 1);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static bool buf_repr(Buf *b, Obj *o)
{
    Obj *s = obj_repr(o);
    if (!s)
        return false;
    buf_add(b, AS_STR(s)->s, AS_STR(s)->len);
    DECREF(s);
    return true;
}

/* dict_repr: key and value are held while their reprs run (a repr may
 * change the dict). */
Obj *dict_repr(Obj *o)
{
    int r = rt_repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_c("{...}") : NULL;
    DictTable *t = &AS_DICT(o)->t;
    if (t->used == 0) {
        rt_repr_leave(o);
        return str_from_c("{}");
    }
    Buf b = {0};
    buf_add(&b, "{", 1);
    size_t pos = 0;
    Obj *k, *v;
    bool first = true, ok = true;
    while (ok && table_next(t, &pos, &k, &v)) {
        ref_inc(k, OWN_TEMP);
        ref_inc(v, OWN_TEMP);
        if (!first)
            buf_add(&b, ", ", 2);
        first = false;
        ok = buf_repr(&b, k);
        if (ok) {
            buf_add(&b, ": ", 2);
            ok = buf_repr(&b, v);
        }
        DECREF(k);
        DECREF(v);
    }
    rt_repr_leave(o);
    Obj *res = NULL;
    if (ok) {
        buf_add(&b, "}", 1);
        res = str_new(b.p, b.len);
    }
    free(b.p);
    return res;
}

/* ---------- copying and merging ---------- */

/* dict_merge(a, b, override=1) for a dict b: an empty target takes a
 * clean copy of b's table when b is compact and freshly sized; otherwise a
 * target too small for b is resized once up front. */
static int dict_merge(DictObj *a, DictObj *b)
{
    DictTable *t = &a->t, *o = &b->t;
    if (a == b || o->used == 0)
        return 0;
    if (t->used == 0 && o->used == o->nentries &&
        (o->log2size == LOG_MINSIZE || usable_fraction(((size_t)1 << o->log2size) / 2) < o->used)) {
        table_clear(t, a->h.addr);
        table_free(t);
        return clone_table(t, a->h.addr, o);
    }
    size_t cap = t->log2size ? usable_fraction((size_t)1 << t->log2size) : 0;
    if (cap < o->used && resize(t, a->h.addr, estimate_log2(t->used + o->used), o->unicode_keys) < 0)
        return -1;
    size_t orig = o->nentries;
    for (size_t i = 0; i < o->nentries; i++) {
        DictEntry e = o->entries[i];
        if (!e.value)
            continue;
        bool guard = !is_atom(e.key) || !is_atom(e.value);
        if (guard) {
            ref_inc(e.key, OWN_TEMP);
            ref_inc(e.value, OWN_TEMP);
        }
        int r = table_set(t, a->h.addr, e.key, e.hash, e.value);
        if (guard) {
            DECREF(e.key);
            DECREF(e.value);
        }
        if (r < 0)
            return -1;
        if (orig != o->nentries)
            return rt_raise_int(EXC(RuntimeError), "dict mutated during update");
    }
    return 0;
}

/* PyDict_Copy: a compact enough table is cloned as it is (holes and
 * all); a sparse one is merged into a new dict, which compacts it. */
static Obj *dict_copy(Obj *o)
{
    DictTable *t = &AS_DICT(o)->t;
    DictObj *d = dict_alloc(&type_dict);
    if (!d || t->used == 0)
        return d ? &d->h : NULL;
    int r = t->used >= (t->nentries * 2) / 3 ? clone_table(&d->t, d->h.addr, t) : dict_merge(d, AS_DICT(o));
    if (r < 0) {
        DECREF(d);
        return NULL;
    }
    return &d->h;
}

/* PySequence_Fast for one pair of an update sequence; NULL with the
 * conversion TypeError when item is not iterable. */
static Obj *pair_items(Obj *item, size_t index)
{
    if (IS(item, K_LIST) || IS(item, K_TUPLE))
        return ref_new(item);
    Obj *it = obj_iter(item);
    if (!it) {
        if (rt_error_matches(EXC(TypeError))) {
            rt_clear_error();
            rt_raise(EXC(TypeError), "cannot convert dictionary update sequence element #%zu to a sequence", index);
        }
        return NULL;
    }
    Obj *l = list_from_iter(it);
    DECREF(it);
    return l;
}

/* PyDict_MergeFromSeq2: every item a key/value pair. */
static int merge_pairs(Obj *d, Obj *seq)
{
    Obj *it = obj_iter(seq);
    if (!it)
        return -1;
    int status = 0;
    for (size_t i = 0; status == 0; i++) {
        Obj *item = iter_next(it);
        if (!item) {
            if (rt_error_occurred())
                status = -1;
            break;
        }
        Obj *fast = pair_items(item, i);
        if (!fast) {
            DECREF(item);
            status = -1;
            break;
        }
        size_t n = IS(fast, K_LIST) ? AS_LIST(fast)->len : AS_TUPLE(fast)->len;
        Obj **pair = IS(fast, K_LIST) ? AS_LIST(fast)->items : AS_TUPLE(fast)->items;
        if (n != 2) {
            rt_raise(EXC(ValueError), "dictionary update sequence element #%zu has length %zu; 2 is required", i, n);
            status = -1;
        } else {
            Obj *k = ref_new(pair[0]), *v = ref_new(pair[1]);
            status = dict_set(d, k, v);
            DECREF(k);
            DECREF(v);
        }
        DECREF(fast);
        DECREF(item);
    }
    DECREF(it);
    return status;
}

/* The generic mapping merge: for k in m.keys(): d[k] = m[k]. */
static int merge_mapping(Obj *d, Obj *m, Obj *keys_method)
{
    Obj *keys = obj_call0(keys_method);
    if (!keys)
        return -1;
    Obj *it = obj_iter(keys);
    DECREF(keys);
    if (!it)
        return -1;
    Obj *k;
    int status = 0;
    while (status == 0 && (k = iter_next(it))) {
        Obj *v = obj_getitem(m, k);
        status = v ? dict_set(d, k, v) : -1;
        XDECREF(v);
        DECREF(k);
    }
    DECREF(it);
    return status == 0 && rt_error_occurred() ? -1 : status;
}

/* dict_update_arg: a dict, anything with keys(), or an iterable of pairs. */
int dict_update_from(Obj *d, Obj *other)
{
    if (IS(other, K_DICT))
        return dict_merge(AS_DICT(d), AS_DICT(other));
    if (IS(other, K_INSTANCE)) {
        Obj *keys = obj_getattr_opt(other, str_intern("keys"));
        if (keys) {
            int r = merge_mapping(d, other, keys);
            DECREF(keys);
            return r;
        }
        if (rt_error_occurred())
            return -1;
    }
    return merge_pairs(d, other);
}

/* The keyword arguments of dict(...) / update(...), in order. */
static int merge_kwargs(Obj *d, Obj **values, TupleObj *kwnames)
{
    for (size_t i = 0; kwnames && i < kwnames->len; i++)
        if (dict_set(d, kwnames->items[i], values[i]) < 0)
            return -1;
    return 0;
}

Obj *dict_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    if (nargs > 1)
        return rt_raise(EXC(TypeError), "dict expected at most 1 argument, got %d", nargs);
    DictObj *d = dict_alloc(t ? t : &type_dict);
    if (!d)
        return NULL;
    if ((nargs == 1 && dict_update_from(&d->h, args[0]) < 0) || merge_kwargs(&d->h, args + nargs, kwnames) < 0) {
        DECREF(d);
        return NULL;
    }
    return &d->h;
}

Obj *dict_binop(Obj *a, Obj *b, int op, bool inplace)
{
    if (op != OP_OR_BITS || !IS(a, K_DICT))
        return ref_new(Py_NotImplemented);
    if (inplace) {
        if (dict_update_from(a, b) < 0)
            return NULL;
        return ref_new(a);
    }
    if (!IS(b, K_DICT))
        return ref_new(Py_NotImplemented);
    Obj *r = dict_copy(a);
    if (r && dict_update_from(r, b) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

/* dict_equal: same length, and every key of a maps to an equal value in b. */
static int dict_equal(DictObj *a, DictObj *b)
{
    if (a->t.used != b->t.used)
        return 0;
    for (size_t i = 0; i < a->t.nentries; i++) {
        DictEntry e = a->t.entries[i];
        if (!e.value)
            continue;
        ref_inc(e.key, OWN_TEMP);
        ref_inc(e.value, OWN_TEMP);
        Obj *bval = table_get(&b->t, e.key, e.hash);
        int cmp;
        if (!bval) {
            cmp = rt_error_occurred() ? -1 : 0;
        } else {
            ref_inc(bval, OWN_TEMP);
            cmp = obj_eq(e.value, bval);
            DECREF(bval);
        }
        DECREF(e.key);
        DECREF(e.value);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

Obj *dict_compare(Obj *a, Obj *b, int op)
{
    if (!IS(a, K_DICT) || !IS(b, K_DICT) || (op != CMP_EQ && op != CMP_NE))
        return ref_new(Py_NotImplemented);
    int r = dict_equal(AS_DICT(a), AS_DICT(b));
    if (r < 0)
        return NULL;
    return bool_new((r == 1) == (op == CMP_EQ));
}

/* ---------- methods ---------- */

static bool no_kw(const char *qual, TupleObj *kw)
{
    if (kw && kw->len) {
        rt_raise(EXC(TypeError), "%s() takes no keyword arguments", qual);
        return false;
    }
    return true;
}

static bool no_args(const char *qual, int nargs, TupleObj *kw)
{
    if (!no_kw(qual, kw))
        return false;
    if (nargs != 0) {
        rt_raise(EXC(TypeError), "%s() takes no arguments (%d given)", qual, nargs);
        return false;
    }
    return true;
}

static bool nargs_in(const char *qual, const char *name, int nargs, TupleObj *kw, int min, int max)
{
    if (!no_kw(qual, kw))
        return false;
    if (nargs < min) {
        rt_raise(EXC(TypeError), "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", nargs);
        return false;
    }
    if (nargs > max) {
        rt_raise(EXC(TypeError), "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

static bool is_dict(Obj *self, const char *name)
{
    if (self && IS(self, K_DICT))
        return true;
    rt_raise(EXC(TypeError), "descriptor '%s' for 'dict' objects doesn't apply to a '%s' object",
             name, self ? type_name(self) : "NoneType");
    return false;
}

static Obj *m_get(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_dict(self, "get") || !nargs_in("dict.get", "get", nargs, kw, 1, 2))
        return NULL;
    int64_t h;
    if (!hash_of(args[0], &h))
        return NULL;
    Obj *v = table_get(&AS_DICT(self)->t, args[0], h);
    if (!v && rt_error_occurred())
        return NULL;
    return ref_new(v ? v : nargs > 1 ? args[1] : Py_None);
}

/* PyDict_SetDefault */
static Obj *m_setdefault(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_dict(self, "setdefault") || !nargs_in("dict.setdefault", "setdefault", nargs, kw, 1, 2))
        return NULL;
    Obj *dflt = nargs > 1 ? args[1] : Py_None;
    int64_t h;
    if (!hash_of(args[0], &h))
        return NULL;
    DictTable *t = &AS_DICT(self)->t;
    Obj *v = table_get(t, args[0], h);
    if (v)
        return ref_new(v);
    if (rt_error_occurred() || table_set(t, self->addr, args[0], h, dflt) < 0)
        return NULL;
    return ref_new(dflt);
}

/* _PyDict_Pop: an empty dict answers without hashing the key. */
static Obj *m_pop(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_dict(self, "pop") || !nargs_in("dict.pop", "pop", nargs, kw, 1, 2))
        return NULL;
    DictTable *t = &AS_DICT(self)->t;
    int64_t ix = DKIX_EMPTY;
    if (t->used) {
        int64_t h;
        if (!hash_of(args[0], &h))
            return NULL;
        ix = lookup(t, args[0], h);
        if (ix == DKIX_ERROR)
            return NULL;
    }
    if (ix < 0) {
        if (nargs > 1)
            return ref_new(args[1]);
        raise_key_error(args[0]);
        return NULL;
    }
    Obj *v = ref_new(t->entries[ix].value);
    delete_entry(t, self->addr, ix);
    return v;
}

/* popitem: the last entry, into a pair allocated before the check. The
 * entry count shrinks but no usable slot is given back (as CPython). */
static Obj *m_popitem(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    if (!is_dict(self, "popitem") || !no_args("dict.popitem", nargs, kw))
        return NULL;
    Obj *res = tuple_new(2);
    if (!res)
        return NULL;
    DictTable *t = &AS_DICT(self)->t;
    if (t->used == 0) {
        DECREF(res);
        Obj *msg = str_from_c("popitem(): dictionary is empty");
        if (msg) {
            raise_key_error(msg);
            DECREF(msg);
        }
        return NULL;
    }
    size_t i = t->nentries - 1;
    while (!t->entries[i].value)
        i--;
    DictEntry e = t->entries[i];
    touch(t);
    t->index[slot_of_entry(t, e.hash, (int64_t)i)] = DKIX_DUMMY;
    t->entries[i] = (DictEntry){NULL, NULL, 0};
    t->nentries = i;
    t->used--;
    TupleObj *p = AS_TUPLE(res);
    p->items[0] = e.key;
    p->items[1] = e.value;
    ref_move(e.key, key_owner(self->addr), OWNER(OWN_SLOT, res->addr, 0, NULL));
    ref_move(e.value, value_owner(t, self->addr, i, e.key, false), OWNER(OWN_SLOT, res->addr, 1, NULL));
    return res;
}

static Obj *m_view(Obj *self, int nargs, TupleObj *kw, const char *qual, TypeObj *type, IterKind k)
{
    if (!is_dict(self, qual + 5) || !no_args(qual, nargs, kw))
        return NULL;
    return iter_new(type, k, self);
}

static Obj *m_keys(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    return m_view(self, nargs, kw, "dict.keys", &type_dict_keys, IT_DICTVIEW_KEYS);
}

static Obj *m_values(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    return m_view(self, nargs, kw, "dict.values", &type_dict_values, IT_DICTVIEW_VALUES);
}

static Obj *m_items(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    return m_view(self, nargs, kw, "dict.items", &type_dict_items, IT_DICTVIEW_ITEMS);
}

/* update([E, ]**F): E first, then the keywords. */
static Obj *m_update(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_dict(self, "update"))
        return NULL;
    if (nargs > 1)
        return rt_raise(EXC(TypeError), "update expected at most 1 argument, got %d", nargs);
    if ((nargs == 1 && dict_update_from(self, args[0]) < 0) || merge_kwargs(self, args + nargs, kw) < 0)
        return NULL;
    return ref_new(Py_None);
}

static Obj *m_clear(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    if (!is_dict(self, "clear") || !no_args("dict.clear", nargs, kw))
        return NULL;
    dict_clear(self);
    return ref_new(Py_None);
}

static Obj *m_copy(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    if (!is_dict(self, "copy") || !no_args("dict.copy", nargs, kw))
        return NULL;
    return dict_copy(self);
}

/* dict.fromkeys(iterable, value=None): a dict or set source sizes the new
 * table once up front (unicode entries only when copying a str-keyed
 * dict), other iterables insert one key at a time. */
static Obj *m_fromkeys(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)self;
    if (!nargs_in("dict.fromkeys", "fromkeys", nargs, kw, 1, 2))
        return NULL;
    Obj *src = args[0], *value = nargs > 1 ? args[1] : Py_None;
    Obj *d = dict_new();
    if (!d)
        return NULL;
    DictTable *t = &AS_DICT(d)->t;
    int status = 0;
    if (IS(src, K_DICT) || IS(src, K_SET)) {
        bool isdict = IS(src, K_DICT);
        size_t n = isdict ? AS_DICT(src)->t.used : AS_SET(src)->used;
        status = resize(t, d->addr, estimate_log2(n), isdict && AS_DICT(src)->t.unicode_keys);
        size_t pos = 0;
        Obj *k;
        while (status == 0 && (isdict ? table_next(&AS_DICT(src)->t, &pos, &k, NULL) : set_next(src, &pos, &k)))
            status = dict_set(d, k, value);
    } else {
        Obj *it = obj_iter(src);
        Obj *k;
        if (!it)
            status = -1;
        while (status == 0 && (k = iter_next(it))) {
            status = dict_set(d, k, value);
            DECREF(k);
        }
        XDECREF(it);
        if (status == 0 && rt_error_occurred())
            status = -1;
    }
    if (status < 0) {
        DECREF(d);
        return NULL;
    }
    return d;
}

/* Every function checks its own arguments with CPython's wording. */
#define METHOD(n, f, d) {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = true, .doc = d}
const BuiltinDef dict_methods[] = {
    METHOD("get", m_get, "get(key, default=None, /)"),
    METHOD("setdefault", m_setdefault, "setdefault(key, default=None, /)"),
    METHOD("pop", m_pop, "pop(key[, default])"),
    METHOD("popitem", m_popitem, "popitem()"),
    METHOD("keys", m_keys, "keys()"),
    METHOD("items", m_items, "items()"),
    METHOD("values", m_values, "values()"),
    METHOD("update", m_update, "update([E, ]**F)"),
    METHOD("clear", m_clear, "clear()"),
    METHOD("copy", m_copy, "copy()"),
    {.name = "fromkeys", .fn = m_fromkeys, .minargs = 0, .maxargs = -1, .kwargs = true,
     .doc = "fromkeys(iterable, value=None, /)", .is_class = true},
    {0},
};
