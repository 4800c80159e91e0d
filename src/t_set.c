/* t_set: set and frozenset, emulating CPython 3.11's setobject table.
 *
 * The table is the same open-addressing scheme: 8 slots to start, a probe
 * that looks at up to 9 neighbouring slots (LINEAR_PROBES) before jumping
 * with the perturbed recurrence, deleted entries left as dummies (hash -1)
 * that count in `fill`, a resize when fill*5 >= mask*3 to the smallest
 * power of two above used*4 (used*2 past 50000), and set.pop's finger. So
 * iteration order, and with it what print() shows, is CPython's for ints,
 * floats and tuples. Set displays of constants and set(set) go through
 * set_merge, which copies a table slot for slot when it can, as CPython.
 *
 * sys.getsizeof: 216 with the 8 inline slots; a larger table is allocated
 * apart (16 bytes a slot) and accounted with heap_reserve. Every element is
 * owned by OWNER(OWN_KEY, set, 0). */
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "ops.h"
#include "types.h"
#include "xmem.h"

enum { SET_BASIC = 216, SET_MINSIZE = 8, LINEAR_PROBES = 9, PERTURB_SHIFT = 5 };
enum { DISCARD_NOTFOUND = 0, DISCARD_FOUND = 1 };

/* The key of a deleted entry: an address no object has (never read). */
static const char dummy_marker;
#define DUMMY ((Obj *)(uintptr_t)&dummy_marker)
#define KEY_OWNER(s) OWNER(OWN_KEY, (s)->h.addr, 0, NULL)

static bool is_atom(const Obj *o)
{
    switch (o->kind) {
    case K_NONE: case K_BOOL: case K_INT: case K_FLOAT: case K_STR:
        return true;
    default:
        return false;
    }
}

static bool key_hash(Obj *key, int64_t *h)
{
    if (IS(key, K_STR)) {
        *h = str_hash(AS_STR(key));
        return true;
    }
    return obj_hash(key, h);
}

/* Simulated bytes of a table kept apart from the object. */
static int64_t table_extra(size_t mask)
{
    return mask + 1 > SET_MINSIZE ? (int64_t)((mask + 1) * sizeof(SetEntry)) : 0;
}

static const char *set_name(SetObj *so) { return so->frozen ? "frozenset" : "set"; }

/* ---------- allocation ---------- */

static SetObj *set_alloc(TypeObj *type, bool frozen)
{
    SetObj *so = (SetObj *)obj_alloc(K_SET, type, sizeof(SetObj), SET_BASIC);
    if (!so)
        return NULL;
    so->table = xcalloc(SET_MINSIZE, sizeof(SetEntry));
    so->mask = SET_MINSIZE - 1;
    so->frozen = frozen;
    obj_gc_track(&so->h);
    return so;
}

Obj *set_new(bool frozen)
{
    SetObj *so = set_alloc(frozen ? &type_frozenset : &type_set, frozen);
    return so ? &so->h : NULL;
}

/* ---------- probing ---------- */

/* set_lookkey: the entry holding key, or the empty entry that ends its
 * probe path; NULL with an exception set when a comparison failed. A
 * comparison that changes the table restarts the search. */
static SetEntry *lookkey(SetObj *so, Obj *key, int64_t hash)
{
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash && entry->key != DUMMY) {
                Obj *start = entry->key;
                if (start == key)
                    return entry;
                if (IS(start, K_STR) && IS(key, K_STR) && str_eq(AS_STR(start), AS_STR(key)))
                    return entry;
                SetEntry *table = so->table;
                bool guard = !is_atom(start) || !is_atom(key);
                if (guard)
                    ref_inc(start, OWN_TEMP);
                int cmp = obj_eq(start, key);
                if (guard)
                    DECREF(start);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != start)
                    goto restart;
                if (cmp > 0)
                    return entry;
                mask = so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_insert_clean: places a key known to be absent, in a table without
 * dummies; no reference changes. */
static void insert_clean(SetEntry *table, size_t mask, Obj *key, int64_t hash)
{
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        SetEntry *entry = &table[i];
        if (entry->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* set_table_resize: the smallest power of two above minused (8 at least);
 * dummies are dropped. -1 with MemoryError, the set unchanged. */
static int table_resize(SetObj *so, size_t minused)
{
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused)
        newsize <<= 1;
    size_t oldmask = so->mask;
    if (newsize == SET_MINSIZE && oldmask + 1 == SET_MINSIZE && so->fill == so->used)
        return 0;
    int64_t delta = table_extra(newsize - 1) - table_extra(oldmask);
    if (delta > 0 && !heap_reserve(delta)) {
        rt_no_memory();
        return -1;
    }
    SetEntry *old = so->table;
    so->table = xcalloc(newsize, sizeof(SetEntry));
    so->mask = newsize - 1;
    bool dummies = so->fill != so->used;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++)
        if (old[i].key && (!dummies || old[i].key != DUMMY))
            insert_clean(so->table, so->mask, old[i].key, old[i].hash);
    free(old);
    if (delta < 0)
        heap_reserve(delta);
    return 0;
}

/* set_add_entry: the key is held while comparisons may run user code; a
 * new key goes to the last dummy seen on its path, else to the empty slot
 * that ended the search (and may trigger a resize). */
static int add_entry(SetObj *so, Obj *key, int64_t hash)
{
    bool guard = !is_atom(key);
    if (guard)
        ref_inc(key, OWN_TEMP);
    SetEntry *entry, *freeslot;
    size_t mask;
restart:
    mask = so->mask;
    freeslot = NULL;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash && entry->key != DUMMY) {
                Obj *start = entry->key;
                if (start == key)
                    goto found_active;
                if (IS(start, K_STR) && IS(key, K_STR) && str_eq(AS_STR(start), AS_STR(key)))
                    goto found_active;
                SetEntry *table = so->table;
                bool g = !is_atom(start);
                if (g)
                    ref_inc(start, OWN_TEMP);
                int cmp = obj_eq(start, key);
                if (g)
                    DECREF(start);
                if (cmp > 0)
                    goto found_active;
                if (cmp < 0)
                    goto comparison_error;
                if (table != so->table || entry->key != start)
                    goto restart;
                mask = so->mask;
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot)
        entry = freeslot;
    else
        so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if (guard)
        ref_move(key, OWN_TEMP, KEY_OWNER(so));
    else
        ref_inc(key, KEY_OWNER(so));
    if (freeslot || so->fill * 5 < mask * 3)
        return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);

found_active:
    if (guard)
        DECREF(key);
    return 0;

comparison_error:
    if (guard)
        DECREF(key);
    return -1;
}

static int contains_entry(SetObj *so, Obj *key, int64_t hash)
{
    SetEntry *e = lookkey(so, key, hash);
    return e ? e->key != NULL : -1;
}

static int discard_entry(SetObj *so, Obj *key, int64_t hash)
{
    SetEntry *e = lookkey(so, key, hash);
    if (!e)
        return -1;
    if (!e->key)
        return DISCARD_NOTFOUND;
    Obj *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    ref_dec(old, KEY_OWNER(so));
    return DISCARD_FOUND;
}

static int add_key(SetObj *so, Obj *key)
{
    int64_t h;
    return key_hash(key, &h) ? add_entry(so, key, h) : -1;
}

static int discard_key(SetObj *so, Obj *key)
{
    int64_t h;
    return key_hash(key, &h) ? discard_entry(so, key, h) : -1;
}

int set_add(Obj *set, Obj *key) { return add_key(AS_SET(set), key); }

int set_contains(Obj *set, Obj *key)
{
    int64_t h;
    return key_hash(key, &h) ? contains_entry(AS_SET(set), key, h) : -1;
}

/* The next live entry from *pos (table order); borrowed. */
static SetEntry *next_entry(SetObj *so, size_t *pos)
{
    size_t i = *pos;
    while (i <= so->mask && (so->table[i].key == NULL || so->table[i].key == DUMMY))
        i++;
    *pos = i + 1;
    return i > so->mask ? NULL : &so->table[i];
}

bool set_next(Obj *set, size_t *pos, Obj **key)
{
    SetEntry *e = next_entry(AS_SET(set), pos);
    if (e)
        *key = e->key;
    return e != NULL;
}

/* ---------- kind operations ---------- */

void set_traverse(Obj *o, VisitFn visit, void *arg)
{
    SetObj *so = AS_SET(o);
    size_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(so, &pos)))
        visit(&e->key, KEY_OWNER(so), arg);
}

/* set_clear_internal: the set is made empty first, then the elements are
 * released in table order. */
void set_clear(Obj *o)
{
    SetObj *so = AS_SET(o);
    SetEntry *table = so->table;
    size_t used = so->used, mask = so->mask;
    if (!table || (so->fill == 0 && mask + 1 == SET_MINSIZE))
        return;
    so->table = xcalloc(SET_MINSIZE, sizeof(SetEntry));
    so->mask = SET_MINSIZE - 1;
    so->fill = so->used = 0;
    for (SetEntry *e = table; used > 0; e++) {
        if (e->key && e->key != DUMMY) {
            used--;
            ref_dec(e->key, KEY_OWNER(so));
        }
    }
    free(table);
    heap_reserve(-table_extra(mask));
}

void set_finish(Obj *o)
{
    SetObj *so = AS_SET(o);
    free(so->table);
    heap_reserve(-table_extra(so->mask));
    so->table = NULL;
    so->mask = SET_MINSIZE - 1;
    so->fill = so->used = 0;
}

size_t set_size(Obj *o) { return SET_BASIC + (size_t)table_extra(AS_SET(o)->mask); }

int64_t set_len(Obj *o) { return (int64_t)AS_SET(o)->used; }

Obj *set_iter(Obj *o) { return iter_new(&type_set_iterator, IT_SET, o); }

/* set_repr: the elements' list repr between braces; "set()" when empty. */
Obj *set_repr(Obj *o)
{
    SetObj *so = AS_SET(o);
    const char *tname = TYPE(o)->name;
    int status = rt_repr_enter(o);
    if (status != 0)
        return status > 0 ? str_printf("%s(...)", tname) : NULL;
    Obj *res = NULL;
    if (!so->used) {
        res = str_printf("%s()", tname);
    } else {
        Obj *keys = list_from_iter(o);
        Obj *lr = keys ? list_repr(keys) : NULL;
        XDECREF(keys);
        if (lr) {
            StrObj *s = AS_STR(lr);
            int n = (int)s->len - 2;
            res = TYPE(o) == &type_set ? str_printf("{%.*s}", n, s->s + 1)
                                       : str_printf("%s({%.*s})", tname, n, s->s + 1);
            DECREF(lr);
        }
    }
    rt_repr_leave(o);
    return res;
}

/* ---------- merging and building ---------- */

/* set_merge: an empty target with a table of the same size and no dummies
 * in the source takes a slot-for-slot copy; an empty target otherwise
 * takes clean insertions in the source's table order. */
static int set_merge(SetObj *so, SetObj *other)
{
    if (other == so || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++) {
            Obj *key = other->table[i].key;
            if (key) {
                so->table[i] = other->table[i];
                ref_inc(key, KEY_OWNER(so));
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (size_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (e->key && e->key != DUMMY) {
                insert_clean(so->table, so->mask, e->key, e->hash);
                ref_inc(e->key, KEY_OWNER(so));
            }
        }
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        SetEntry e = other->table[i];
        if (e.key && e.key != DUMMY && add_entry(so, e.key, e.hash) < 0)
            return -1;
    }
    return 0;
}

/* set_update_internal: a set merges, a dict's keys come with their stored
 * hashes after one resize, anything else is iterated. */
static int update_internal(SetObj *so, Obj *other)
{
    if (IS(other, K_SET))
        return set_merge(so, AS_SET(other));
    if (IS(other, K_DICT)) {
        DictTable *t = &AS_DICT(other)->t;
        if ((so->fill + t->used) * 5 >= so->mask * 3 && table_resize(so, (so->used + t->used) * 2) < 0)
            return -1;
        for (size_t i = 0; i < t->nentries; i++) {
            DictEntry e = t->entries[i];
            if (e.value && add_entry(so, e.key, e.hash) < 0)
                return -1;
        }
        return 0;
    }
    Obj *it = obj_iter(other);
    if (!it)
        return -1;
    Obj *key;
    int status = 0;
    while (status == 0 && (key = iter_next(it))) {
        status = add_key(so, key);
        DECREF(key);
    }
    DECREF(it);
    return status == 0 && rt_error_occurred() ? -1 : status;
}

static SetObj *make_new_set(TypeObj *type, bool frozen, Obj *iterable)
{
    SetObj *so = set_alloc(type, frozen);
    if (so && iterable && update_internal(so, iterable) < 0) {
        DECREF(so);
        return NULL;
    }
    return so;
}

/* make_new_set_basetype: a plain set or frozenset like so. */
static SetObj *new_like(SetObj *so, Obj *iterable)
{
    return make_new_set(so->frozen ? &type_frozenset : &type_set, so->frozen, iterable);
}

static Obj *set_copy(SetObj *so)
{
    SetObj *r = new_like(so, &so->h);
    return r ? &r->h : NULL;
}

Obj *set_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    if (!t)
        t = &type_set;
    bool frozen = t == &type_frozenset || rt_is_subclass(t, &type_frozenset);
    const char *name = frozen ? "frozenset" : "set";
    if (kwnames && kwnames->len)
        return rt_raise(EXC(TypeError), "%s() takes no keyword arguments", name);
    if (nargs > 1)
        return rt_raise(EXC(TypeError), "%s expected at most 1 argument, got %d", name, nargs);
    if (frozen && t == &type_frozenset && nargs == 1 && IS(args[0], K_SET) && TYPE(args[0]) == &type_frozenset)
        return ref_new(args[0]);
    SetObj *so = make_new_set(t, frozen, nargs ? args[0] : NULL);
    return so ? &so->h : NULL;
}

/* ---------- set algebra ---------- */

static SetObj *intersection(SetObj *so, Obj *other)
{
    if (&so->h == other)
        return AS_SET(set_copy(so));
    SetObj *result = new_like(so, NULL);
    if (!result)
        return NULL;
    if (IS(other, K_SET)) {
        SetObj *a = so, *b = AS_SET(other);
        if (b->used > a->used) {
            SetObj *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while ((e = next_entry(b, &pos))) {
            Obj *key = e->key;
            int64_t h = e->hash;
            ref_inc(key, OWN_TEMP);
            int rv = contains_entry(a, key, h);
            if (rv > 0)
                rv = add_entry(result, key, h);
            DECREF(key);
            if (rv < 0) {
                DECREF(result);
                return NULL;
            }
        }
        return result;
    }
    Obj *it = obj_iter(other);
    if (!it) {
        DECREF(result);
        return NULL;
    }
    Obj *key;
    int rv = 0;
    while ((key = iter_next(it))) {
        int64_t h;
        rv = obj_hash(key, &h) ? contains_entry(so, key, h) : -1;
        if (rv > 0)
            rv = add_entry(result, key, h);
        DECREF(key);
        if (rv < 0 || result->used >= so->used)
            break;
    }
    DECREF(it);
    if (rv < 0 || rt_error_occurred()) {
        DECREF(result);
        return NULL;
    }
    return result;
}

/* set_swap_bodies: a and b exchange their tables; every element now
 * belongs to the other set. */
static void swap_bodies(SetObj *a, SetObj *b)
{
    SetObj t = *a;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    a->table = b->table;
    b->fill = t.fill;
    b->used = t.used;
    b->mask = t.mask;
    b->table = t.table;
    if (!ev_on)
        return;
    size_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(a, &pos)))
        ref_move(e->key, KEY_OWNER(b), KEY_OWNER(a));
    pos = 0;
    while ((e = next_entry(b, &pos)))
        ref_move(e->key, KEY_OWNER(a), KEY_OWNER(b));
}

static int intersection_update(SetObj *so, Obj *other)
{
    SetObj *tmp = intersection(so, other);
    if (!tmp)
        return -1;
    swap_bodies(so, tmp);
    DECREF(tmp);
    return 0;
}

/* set_difference_update_internal: then, with more than a quarter of the
 * slots dummies, a resize. */
static int difference_update(SetObj *so, Obj *other)
{
    if (&so->h == other) {
        set_clear(&so->h);
        return 0;
    }
    if (IS(other, K_SET)) {
        SetObj *o = AS_SET(other);
        if ((o->used >> 3) > so->used) {
            o = intersection(so, other);
            if (!o)
                return -1;
        } else {
            ref_inc(other, OWN_TEMP);
        }
        size_t pos = 0;
        SetEntry *e;
        int rv = 0;
        while (rv >= 0 && (e = next_entry(o, &pos))) {
            Obj *key = e->key;
            ref_inc(key, OWN_TEMP);
            rv = discard_entry(so, key, e->hash);
            DECREF(key);
        }
        DECREF(o);
        if (rv < 0)
            return -1;
    } else {
        Obj *it = obj_iter(other);
        if (!it)
            return -1;
        Obj *key;
        int rv = 0;
        while (rv >= 0 && (key = iter_next(it))) {
            rv = discard_key(so, key);
            DECREF(key);
        }
        DECREF(it);
        if (rv < 0 || rt_error_occurred())
            return -1;
    }
    if (so->fill - so->used <= so->mask / 4)
        return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static SetObj *copy_and_difference(SetObj *so, Obj *other)
{
    SetObj *r = AS_SET(set_copy(so));
    if (r && difference_update(r, other) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

static SetObj *difference(SetObj *so, Obj *other)
{
    size_t other_size;
    if (IS(other, K_SET))
        other_size = AS_SET(other)->used;
    else if (IS(other, K_DICT))
        other_size = AS_DICT(other)->t.used;
    else
        return copy_and_difference(so, other);
    if ((so->used >> 2) > other_size)
        return copy_and_difference(so, other);
    SetObj *result = new_like(so, NULL);
    if (!result)
        return NULL;
    size_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(so, &pos))) {
        Obj *key = e->key;
        int64_t h = e->hash;
        ref_inc(key, OWN_TEMP);
        int rv;
        if (IS(other, K_DICT)) {
            rv = table_get(&AS_DICT(other)->t, key, h) != NULL;
            if (!rv && rt_error_occurred())
                rv = -1;
        } else {
            rv = contains_entry(AS_SET(other), key, h);
        }
        if (rv == 0)
            rv = add_entry(result, key, h);
        DECREF(key);
        if (rv < 0) {
            DECREF(result);
            return NULL;
        }
    }
    return result;
}

/* Removes what is in both, adds what only the other has. */
static int toggle(SetObj *so, Obj *key, int64_t hash)
{
    ref_inc(key, OWN_TEMP);
    int rv = discard_entry(so, key, hash);
    if (rv == DISCARD_NOTFOUND)
        rv = add_entry(so, key, hash);
    DECREF(key);
    return rv < 0 ? -1 : 0;
}

static int symmetric_difference_update(SetObj *so, Obj *other)
{
    if (&so->h == other) {
        set_clear(&so->h);
        return 0;
    }
    if (IS(other, K_DICT)) {
        DictTable *t = &AS_DICT(other)->t;
        for (size_t i = 0; i < t->nentries; i++) {
            DictEntry e = t->entries[i];
            if (e.value && toggle(so, e.key, e.hash) < 0)
                return -1;
        }
        return 0;
    }
    SetObj *o = IS(other, K_SET) ? AS_SET(ref_new(other)) : new_like(so, other);
    if (!o)
        return -1;
    size_t pos = 0;
    SetEntry *e;
    int rv = 0;
    while (rv == 0 && (e = next_entry(o, &pos)))
        rv = toggle(so, e->key, e->hash);
    DECREF(o);
    return rv;
}

static SetObj *symmetric_difference(SetObj *so, Obj *other)
{
    SetObj *o = new_like(so, other);
    if (o && symmetric_difference_update(o, &so->h) < 0) {
        DECREF(o);
        return NULL;
    }
    return o;
}

/* 1 when every element of so is in other, 0 if not, -1 on error. */
static int issubset(SetObj *so, Obj *other)
{
    if (!IS(other, K_SET)) {
        SetObj *tmp = intersection(so, other);
        if (!tmp)
            return -1;
        int r = tmp->used == so->used;
        DECREF(tmp);
        return r;
    }
    if (so->used > AS_SET(other)->used)
        return 0;
    size_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(so, &pos))) {
        Obj *key = e->key;
        ref_inc(key, OWN_TEMP);
        int rv = contains_entry(AS_SET(other), key, e->hash);
        DECREF(key);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

static int issuperset(SetObj *so, Obj *other)
{
    if (IS(other, K_SET))
        return issubset(AS_SET(other), &so->h);
    Obj *it = obj_iter(other);
    if (!it)
        return -1;
    Obj *key;
    int rv = 1;
    while (rv == 1 && (key = iter_next(it))) {
        rv = set_contains(&so->h, key);
        DECREF(key);
    }
    DECREF(it);
    return rv == 1 && rt_error_occurred() ? -1 : rv;
}

static Obj *as_result(SetObj *r) { return r ? &r->h : NULL; }

Obj *set_binop(Obj *a, Obj *b, int op, bool inplace)
{
    if (!IS(a, K_SET) || !IS(b, K_SET))
        return ref_new(Py_NotImplemented);
    SetObj *so = AS_SET(a);
    if (inplace && !so->frozen) {
        int r;
        switch (op) {
        case OP_OR_BITS: r = update_internal(so, b); break;
        case OP_AND_BITS: r = intersection_update(so, b); break;
        case OP_SUB: r = difference_update(so, b); break;
        case OP_XOR: r = symmetric_difference_update(so, b); break;
        default: return ref_new(Py_NotImplemented);
        }
        return r < 0 ? NULL : ref_new(a);
    }
    switch (op) {
    case OP_OR_BITS: {
        SetObj *r = AS_SET(set_copy(so));
        if (r && a != b && update_internal(r, b) < 0) {
            DECREF(r);
            return NULL;
        }
        return as_result(r);
    }
    case OP_AND_BITS: return as_result(intersection(so, b));
    case OP_SUB: return as_result(difference(so, b));
    case OP_XOR: return as_result(symmetric_difference(so, b));
    default: return ref_new(Py_NotImplemented);
    }
}

/* set_richcompare: subset tests; ordering by inclusion. */
Obj *set_compare(Obj *a, Obj *b, int op)
{
    if (!IS(a, K_SET) || !IS(b, K_SET) || op > CMP_GE)
        return ref_new(Py_NotImplemented);
    SetObj *v = AS_SET(a), *w = AS_SET(b);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        r = v->used != w->used ? 0 : issubset(v, b);
        if (r >= 0 && op == CMP_NE)
            r = !r;
        break;
    case CMP_LE: r = issubset(v, b); break;
    case CMP_GE: r = issuperset(v, b); break;
    case CMP_LT: r = v->used >= w->used ? 0 : issubset(v, b); break;
    default: r = v->used <= w->used ? 0 : issuperset(v, b); break;
    }
    return r < 0 ? NULL : bool_new(r);
}

/* `x in s`: an unhashable set is looked up as the equal frozenset. */
int set_contains_obj(Obj *o, Obj *key)
{
    int rv = set_contains(o, key);
    if (rv < 0 && IS(key, K_SET) && !AS_SET(key)->frozen && rt_error_matches(EXC(TypeError))) {
        rt_clear_error();
        SetObj *tmp = make_new_set(&type_frozenset, true, key);
        if (!tmp)
            return -1;
        rv = set_contains(o, &tmp->h);
        DECREF(tmp);
    }
    return rv;
}

/* ---------- methods ---------- */

/* Checks a method's receiver and arguments with CPython's wording:
 * kind 'O' one argument, '0' none, '*' any number, never keywords.
 * Mutating methods do not exist on frozensets. */
static SetObj *receiver(Obj *self, const char *name, char kind, int nargs, TupleObj *kw, bool mutates)
{
    if (!self || !IS(self, K_SET)) {
        rt_raise(EXC(TypeError), "descriptor '%s' for 'set' objects doesn't apply to a '%s' object",
                 name, self ? type_name(self) : "NoneType");
        return NULL;
    }
    SetObj *so = AS_SET(self);
    if (mutates && so->frozen) {
        rt_raise(EXC(AttributeError), "'frozenset' object has no attribute '%s'", name);
        return NULL;
    }
    if (kw && kw->len) {
        rt_raise(EXC(TypeError), "%s.%s() takes no keyword arguments", set_name(so), name);
        return NULL;
    }
    if (kind == 'O' && nargs != 1) {
        rt_raise(EXC(TypeError), "%s.%s() takes exactly one argument (%d given)", set_name(so), name, nargs);
        return NULL;
    }
    if (kind == '0' && nargs != 0) {
        rt_raise(EXC(TypeError), "%s.%s() takes no arguments (%d given)", set_name(so), name, nargs);
        return NULL;
    }
    return so;
}

static Obj *none_or_null(int r) { return r < 0 ? NULL : ref_new(Py_None); }

static Obj *m_add(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "add", 'O', nargs, kw, true);
    return so ? none_or_null(add_key(so, args[0])) : NULL;
}

static Obj *m_clear(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    SetObj *so = receiver(self, "clear", '0', nargs, kw, true);
    if (!so)
        return NULL;
    set_clear(self);
    return ref_new(Py_None);
}

static Obj *m_copy(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    SetObj *so = receiver(self, "copy", '0', nargs, kw, false);
    if (!so)
        return NULL;
    if (TYPE(self) == &type_frozenset)
        return ref_new(self);
    return set_copy(so);
}

/* discard/remove: an unhashable set argument is tried as a frozenset. */
static int discard_obj(SetObj *so, Obj *key)
{
    int rv = discard_key(so, key);
    if (rv < 0 && IS(key, K_SET) && !AS_SET(key)->frozen && rt_error_matches(EXC(TypeError))) {
        rt_clear_error();
        SetObj *tmp = make_new_set(&type_frozenset, true, key);
        if (!tmp)
            return -1;
        rv = discard_key(so, &tmp->h);
        DECREF(tmp);
    }
    return rv;
}

static Obj *m_discard(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "discard", 'O', nargs, kw, true);
    return so ? none_or_null(discard_obj(so, args[0])) : NULL;
}

static Obj *m_remove(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "remove", 'O', nargs, kw, true);
    if (!so)
        return NULL;
    int rv = discard_obj(so, args[0]);
    if (rv < 0)
        return NULL;
    if (rv == DISCARD_NOTFOUND) {
        Obj *exc = exc_new(EXC(KeyError), &args[0], 1);
        if (exc)
            rt_raise_obj(exc);
        return NULL;
    }
    return ref_new(Py_None);
}

/* set.pop: from the finger on, the first live entry; its reference goes
 * to the caller. */
static Obj *m_pop(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    SetObj *so = receiver(self, "pop", '0', nargs, kw, true);
    if (!so)
        return NULL;
    if (so->used == 0) {
        Obj *msg = str_from_c("pop from an empty set");
        Obj *exc = msg ? exc_new(EXC(KeyError), &msg, 1) : NULL;
        XDECREF(msg);
        if (exc)
            rt_raise_obj(exc);
        return NULL;
    }
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == DUMMY) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    Obj *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = (size_t)(entry - so->table) + 1;
    ref_move(key, KEY_OWNER(so), OWN_TEMP);
    return key;
}

static Obj *m_union(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "union", '*', nargs, kw, false);
    if (!so)
        return NULL;
    SetObj *r = AS_SET(set_copy(so));
    for (int i = 0; r && i < nargs; i++) {
        if (args[i] != self && update_internal(r, args[i]) < 0) {
            DECREF(r);
            r = NULL;
        }
    }
    return as_result(r);
}

static Obj *m_update(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "update", '*', nargs, kw, true);
    if (!so)
        return NULL;
    for (int i = 0; i < nargs; i++)
        if (update_internal(so, args[i]) < 0)
            return NULL;
    return ref_new(Py_None);
}

static Obj *intersection_multi(SetObj *so, Obj **args, int nargs)
{
    if (nargs == 0)
        return set_copy(so);
    SetObj *result = AS_SET(ref_new(&so->h));
    for (int i = 0; i < nargs; i++) {
        SetObj *next = intersection(result, args[i]);
        DECREF(result);
        if (!next)
            return NULL;
        result = next;
    }
    return &result->h;
}

static Obj *m_intersection(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "intersection", '*', nargs, kw, false);
    return so ? intersection_multi(so, args, nargs) : NULL;
}

static Obj *m_intersection_update(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "intersection_update", '*', nargs, kw, true);
    if (!so)
        return NULL;
    Obj *tmp = intersection_multi(so, args, nargs);
    if (!tmp)
        return NULL;
    swap_bodies(so, AS_SET(tmp));
    DECREF(tmp);
    return ref_new(Py_None);
}

static Obj *m_difference(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "difference", '*', nargs, kw, false);
    if (!so)
        return NULL;
    if (nargs == 0)
        return set_copy(so);
    SetObj *r = difference(so, args[0]);
    for (int i = 1; r && i < nargs; i++) {
        if (difference_update(r, args[i]) < 0) {
            DECREF(r);
            r = NULL;
        }
    }
    return as_result(r);
}

static Obj *m_difference_update(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "difference_update", '*', nargs, kw, true);
    if (!so)
        return NULL;
    for (int i = 0; i < nargs; i++)
        if (difference_update(so, args[i]) < 0)
            return NULL;
    return ref_new(Py_None);
}

static Obj *m_symmetric_difference(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "symmetric_difference", 'O', nargs, kw, false);
    return so ? as_result(symmetric_difference(so, args[0])) : NULL;
}

static Obj *m_symmetric_difference_update(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "symmetric_difference_update", 'O', nargs, kw, true);
    return so ? none_or_null(symmetric_difference_update(so, args[0])) : NULL;
}

static Obj *bool_or_null(int r) { return r < 0 ? NULL : bool_new(r); }

static Obj *m_issubset(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "issubset", 'O', nargs, kw, false);
    return so ? bool_or_null(issubset(so, args[0])) : NULL;
}

static Obj *m_issuperset(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "issuperset", 'O', nargs, kw, false);
    return so ? bool_or_null(issuperset(so, args[0])) : NULL;
}

/* isdisjoint: the smaller set is walked; any other iterable is walked. */
static Obj *m_isdisjoint(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    SetObj *so = receiver(self, "isdisjoint", 'O', nargs, kw, false);
    if (!so)
        return NULL;
    Obj *other = args[0];
    if (other == self)
        return bool_new(so->used == 0);
    if (IS(other, K_SET)) {
        SetObj *a = so, *b = AS_SET(other);
        if (b->used > a->used) {
            SetObj *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while ((e = next_entry(b, &pos))) {
            Obj *key = e->key;
            ref_inc(key, OWN_TEMP);
            int rv = contains_entry(a, key, e->hash);
            DECREF(key);
            if (rv != 0)
                return rv < 0 ? NULL : bool_new(false);
        }
        return bool_new(true);
    }
    Obj *it = obj_iter(other);
    if (!it)
        return NULL;
    Obj *key;
    int rv = 0;
    while (rv == 0 && (key = iter_next(it))) {
        rv = set_contains(self, key);
        DECREF(key);
    }
    DECREF(it);
    if (rv < 0 || (rv == 0 && rt_error_occurred()))
        return NULL;
    return bool_new(rv == 0);
}

#define METHOD(n, f, d) {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = true, .doc = d}
const BuiltinDef set_methods[] = {
    METHOD("add", m_add, "add(elem, /)"),
    METHOD("clear", m_clear, "clear()"),
    METHOD("copy", m_copy, "copy()"),
    METHOD("discard", m_discard, "discard(elem, /)"),
    METHOD("difference", m_difference, "difference(*others)"),
    METHOD("difference_update", m_difference_update, "difference_update(*others)"),
    METHOD("intersection", m_intersection, "intersection(*others)"),
    METHOD("intersection_update", m_intersection_update, "intersection_update(*others)"),
    METHOD("isdisjoint", m_isdisjoint, "isdisjoint(other, /)"),
    METHOD("issubset", m_issubset, "issubset(other, /)"),
    METHOD("issuperset", m_issuperset, "issuperset(other, /)"),
    METHOD("pop", m_pop, "pop()"),
    METHOD("remove", m_remove, "remove(elem, /)"),
    METHOD("symmetric_difference", m_symmetric_difference, "symmetric_difference(other, /)"),
    METHOD("symmetric_difference_update", m_symmetric_difference_update, "symmetric_difference_update(other, /)"),
    METHOD("union", m_union, "union(*others)"),
    METHOD("update", m_update, "update(*others)"),
    {0},
};
