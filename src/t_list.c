/* t_list: the list type.
 *
 * Storage grows and shrinks exactly as CPython 3.11's list_resize does, so
 * sys.getsizeof (56 + 8 per allocated slot) matches; the item array has no
 * address of its own and is accounted with heap_reserve. Item i is owned by
 * OWNER(OWN_SLOT, list, i); when items shift (insert, pop, slice
 * assignment, reverse) every moved reference is reported with ref_move, so
 * the event stream always says which slot holds what.
 */
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "ops.h"
#include "types.h"
#include "xmem.h"

enum { LIST_BASIC = 56 };               /* sys.getsizeof([]) with GC head */
#define SLOT(l, i) OWNER(OWN_SLOT, (l)->h.addr, (i), NULL)
#define MAX_LIST_ITEMS ((size_t)1 << 56) /* beyond: MemoryError, not overflow */

/* ---------- small helpers ---------- */

/* Objects whose comparison or repr can run no user code: no guard needed. */
static bool is_atom(const Obj *o)
{
    switch (o->kind) {
    case K_NONE: case K_BOOL: case K_INT: case K_FLOAT: case K_STR:
        return true;
    default:
        return false;
    }
}

/* item == x with CPython's identity shortcut; a temporary reference keeps
 * item alive while user code (__eq__) may run, as list_contains does. */
static int item_eq(Obj *item, Obj *x)
{
    if (item == x)
        return 1;
    if (is_atom(item) && is_atom(x))
        return obj_eq(item, x);
    ref_inc(item, OWN_TEMP);
    int r = obj_eq(item, x);
    DECREF(item);
    return r;
}

static bool is_int(const Obj *o) { return IS(o, K_INT) || IS(o, K_BOOL); }

/* A Py_ssize_t argument of a method (clinic's converter wording). */
static bool index_arg(Obj *o, int64_t *out)
{
    if (!is_int(o)) {
        rt_raise(EXC(TypeError), "'%s' object cannot be interpreted as an integer", type_name(o));
        return false;
    }
    return int_as_ssize(o, out);
}

typedef struct { char *p; size_t len, cap; } Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    xgrow((void **)&b->p, &b->cap, b->len + n + 1, 1);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* Items now at [lo, hi) came from index j - delta: report the moves. */
static void report_shift(ListObj *l, size_t lo, size_t hi, int64_t delta)
{
    if (!ev_on || delta == 0)
        return;
    for (size_t j = lo; j < hi; j++)
        if (l->items[j])
            ref_move(l->items[j], SLOT(l, (int64_t)j - delta), SLOT(l, j));
}

/* ---------- storage ---------- */

/* Sets the allocated slot count to cap (new slots NULL). Returns -1 with
 * MemoryError, leaving the list unchanged, past the heap limit. */
static int set_capacity(ListObj *l, size_t cap)
{
    if (cap > MAX_LIST_ITEMS) {
        rt_no_memory();
        return -1;
    }
    int64_t delta = ((int64_t)cap - (int64_t)l->cap) * (int64_t)sizeof(Obj *);
    if (!heap_reserve(delta)) {
        rt_no_memory();
        return -1;
    }
    if (cap == 0) {
        free(l->items);
        l->items = NULL;
    } else if (!l->items) {
        l->items = xmalloc(cap * sizeof(Obj *));
        memset(l->items, 0, cap * sizeof(Obj *));
    } else {
        l->items = xrealloc(l->items, cap * sizeof(Obj *));
        if (cap > l->cap)
            memset(l->items + l->cap, 0, (cap - l->cap) * sizeof(Obj *));
    }
    l->cap = cap;
    return 0;
}

/* CPython's list_resize: over-allocates by newsize/8 + 6 rounded to 4,
 * skips the realloc while allocated/2 <= newsize <= allocated, and does not
 * over-allocate a big jump. Slots past the old length are NULL. */
int list_resize(ListObj *l, size_t newsize)
{
    size_t allocated = l->cap;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        for (size_t i = l->len; i < newsize; i++)
            l->items[i] = NULL;
        l->len = newsize;
        return 0;
    }
    size_t new_alloc = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if ((int64_t)newsize - (int64_t)l->len > (int64_t)(new_alloc - newsize))
        new_alloc = (newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_alloc = 0;
    size_t oldlen = l->len;
    if (set_capacity(l, new_alloc) < 0)
        return -1;
    for (size_t i = oldlen; i < newsize; i++)
        l->items[i] = NULL;
    l->len = newsize;
    return 0;
}

/* list_preallocate_exact: room for size items, rounded up to even. */
static int preallocate_exact(ListObj *l, size_t size)
{
    return set_capacity(l, (size + 1) & ~(size_t)1);
}

static ListObj *list_alloc(TypeObj *type)
{
    return (ListObj *)obj_alloc(K_LIST, type, sizeof(ListObj), LIST_BASIC);
}

Obj *list_new_capacity(size_t len, size_t cap)
{
    if (cap < len)
        cap = len;
    ListObj *l = list_alloc(&type_list);
    if (!l)
        return NULL;
    if (cap && set_capacity(l, cap) < 0) {
        DECREF(l);
        return NULL;
    }
    l->len = len;
    obj_gc_track(&l->h);
    return &l->h;
}

Obj *list_new(size_t len) { return list_new_capacity(len, len); }

/* Steals item (a temporary reference): it becomes slot len's. On failure
 * item is released, as _PyList_AppendTakeRef does. */
int list_append_take(Obj *list, Obj *item)
{
    ListObj *l = AS_LIST(list);
    size_t n = l->len;
    if (n >= l->cap && list_resize(l, n + 1) < 0) {
        DECREF(item);
        return -1;
    }
    l->len = n + 1;
    l->items[n] = item;
    ref_move(item, OWN_TEMP, SLOT(l, n));
    return 0;
}

int list_append(Obj *list, Obj *item)
{
    ListObj *l = AS_LIST(list);
    size_t n = l->len;
    if (n >= l->cap && list_resize(l, n + 1) < 0)
        return -1;
    l->len = n + 1;
    l->items[n] = item;
    ref_inc(item, SLOT(l, n));
    return 0;
}

/* ---------- kind operations ---------- */

void list_traverse(Obj *o, VisitFn visit, void *arg)
{
    ListObj *l = AS_LIST(o);
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i])
            visit(&l->items[i], SLOT(l, i), arg);
}

/* _list_clear: the list is made empty first (a __del__ run by a release
 * may use it again), then the items are released from last to first. */
void list_clear(Obj *o)
{
    ListObj *l = AS_LIST(o);
    Obj **items = l->items;
    size_t n = l->len, cap = l->cap;
    if (!items)
        return;
    l->items = NULL;
    l->len = l->cap = 0;
    while (n-- > 0)
        ref_xdec(items[n], SLOT(l, n));
    free(items);
    heap_reserve(-(int64_t)(cap * sizeof(Obj *)));
}

void list_finish(Obj *o)
{
    ListObj *l = AS_LIST(o);
    free(l->items);
    heap_reserve(-(int64_t)(l->cap * sizeof(Obj *)));
    l->items = NULL;
    l->len = l->cap = 0;
}

size_t list_size(Obj *o) { return LIST_BASIC + AS_LIST(o)->cap * sizeof(Obj *); }

int64_t list_len(Obj *o) { return (int64_t)AS_LIST(o)->len; }

Obj *list_iter(Obj *o) { return iter_new(&type_list_iterator, IT_SEQ, o); }

Obj *list_repr(Obj *o)
{
    ListObj *l = AS_LIST(o);
    if (l->len == 0)
        return str_from_c("[]");
    int r = rt_repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_c("[...]") : NULL;
    Buf b = {0};
    buf_add(&b, "[", 1);
    /* The length is read again each time: an item's repr may mutate us. */
    for (size_t i = 0; i < l->len; i++) {
        if (i > 0)
            buf_add(&b, ", ", 2);
        /* CPython 3.11 takes no reference here, which a user __repr__ can
         * see; its frame keeps such an item alive. A nested builtin
         * container gets a guard: its repr is C code that a user __repr__
         * below it could free from under it by mutating this list. */
        Obj *item = l->items[i] ? l->items[i] : Py_None;
        bool guard = !is_atom(item) && !item->type->user;
        if (guard)
            ref_inc(item, OWN_TEMP);
        Obj *s = obj_repr(item);
        if (guard)
            DECREF(item);
        if (!s) {
            rt_repr_leave(o);
            free(b.p);
            return NULL;
        }
        buf_add(&b, AS_STR(s)->s, AS_STR(s)->len);
        DECREF(s);
    }
    buf_add(&b, "]", 1);
    rt_repr_leave(o);
    Obj *res = str_new(b.p, b.len);
    free(b.p);
    return res;
}

int list_contains(Obj *o, Obj *x)
{
    ListObj *l = AS_LIST(o);
    for (size_t i = 0; i < l->len; i++) {
        int r = item_eq(l->items[i], x);
        if (r != 0)
            return r;
    }
    return 0;
}

/* ---------- slices of lists ---------- */

/* list_slice: a new list of exactly hi - lo slots. */
static Obj *list_slice(ListObj *a, size_t lo, size_t hi)
{
    if (hi <= lo)
        return list_new(0);
    size_t n = hi - lo;
    ListObj *np = (ListObj *)list_new_capacity(0, n);
    if (!np)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        np->items[i] = a->items[lo + i];
        ref_inc(np->items[i], SLOT(np, i));
    }
    np->len = n;
    return &np->h;
}

/* The items of a list or tuple (borrowed) and their count. */
static Obj **seq_items(Obj *o, size_t *n)
{
    if (IS(o, K_LIST)) {
        *n = AS_LIST(o)->len;
        return AS_LIST(o)->items;
    }
    *n = AS_TUPLE(o)->len;
    return AS_TUPLE(o)->items;
}

/* PySequence_Fast: o itself when a list or tuple (a new reference), else
 * a new list of its items; TypeError(msg) when o is not iterable. */
static Obj *seq_fast(Obj *o, const char *msg)
{
    if (IS(o, K_LIST) || IS(o, K_TUPLE))
        return ref_new(o);
    Obj *it = obj_iter(o);
    if (!it) {
        if (rt_error_matches(EXC(TypeError))) {
            rt_clear_error();
            rt_raise(EXC(TypeError), "%s", msg);
        }
        return NULL;
    }
    Obj *l = list_from_iter(it);
    DECREF(it);
    return l;
}

/* list_ass_slice: a[ilow:ihigh] = v, or del a[ilow:ihigh] when v is NULL.
 * New items are taken first, the replaced ones released afterwards from
 * last to first, once the list is consistent again. */
static int ass_slice(ListObj *a, int64_t ilow, int64_t ihigh, Obj *v)
{
    if (v == &a->h) {
        Obj *copy = list_slice(a, 0, a->len);
        if (!copy)
            return -1;
        int r = ass_slice(a, ilow, ihigh, copy);
        DECREF(copy);
        return r;
    }
    Obj *seq = NULL;
    Obj **vitems = NULL;
    size_t n = 0;
    if (v) {
        seq = seq_fast(v, "can only assign an iterable");
        if (!seq)
            return -1;
        vitems = seq_items(seq, &n);
    }
    int64_t len = (int64_t)a->len;
    if (ilow < 0)
        ilow = 0;
    else if (ilow > len)
        ilow = len;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > len)
        ihigh = len;
    size_t norig = (size_t)(ihigh - ilow);
    int64_t d = (int64_t)n - (int64_t)norig;
    if (len + d == 0) {
        XDECREF(seq);
        list_clear(&a->h);
        return 0;
    }
    Obj **recycle = NULL;
    if (norig) {
        recycle = xmalloc(norig * sizeof(Obj *));
        memcpy(recycle, a->items + ilow, norig * sizeof(Obj *));
    }
    if (d < 0) {
        memmove(a->items + ihigh + d, a->items + ihigh, (size_t)(len - ihigh) * sizeof(Obj *));
        list_resize(a, (size_t)(len + d));      /* shrinking never fails */
        report_shift(a, (size_t)(ihigh + d), (size_t)(len + d), d);
    } else if (d > 0) {
        if (list_resize(a, (size_t)(len + d)) < 0) {
            free(recycle);
            XDECREF(seq);
            return -1;
        }
        memmove(a->items + ihigh + d, a->items + ihigh, (size_t)(len - ihigh) * sizeof(Obj *));
        report_shift(a, (size_t)(ihigh + d), (size_t)(len + d), d);
    }
    for (size_t k = 0; k < n; k++) {
        a->items[ilow + k] = vitems[k];
        ref_inc(vitems[k], SLOT(a, ilow + k));
    }
    for (size_t k = norig; k-- > 0;)
        ref_xdec(recycle[k], SLOT(a, ilow + k));
    free(recycle);
    XDECREF(seq);
    return 0;
}

/* del a[start:stop:step] for step != 1 (slicelen > 0): the kept items are
 * compacted, the deleted ones released in ascending order. */
static int del_extended(ListObj *a, int64_t start, int64_t step, int64_t slicelen)
{
    if (step < 0) {
        start = start + step * (slicelen - 1);
        step = -step;
    }
    Obj **garbage = xmalloc((size_t)slicelen * sizeof(Obj *));
    size_t *gidx = xmalloc((size_t)slicelen * sizeof(size_t));
    size_t len = a->len, w = 0, g = 0;
    for (size_t i = 0; i < len; i++) {
        bool gone = (int64_t)i >= start && ((int64_t)i - start) % step == 0 &&
                    g < (size_t)slicelen;
        if (gone) {
            garbage[g] = a->items[i];
            gidx[g++] = i;
        } else {
            a->items[w] = a->items[i];
            if (w != i && ev_on)
                ref_move(a->items[w], SLOT(a, i), SLOT(a, w));
            w++;
        }
    }
    a->len = w;
    list_resize(a, w);
    for (size_t k = 0; k < g; k++)
        ref_dec(garbage[k], SLOT(a, gidx[k]));
    free(garbage);
    free(gidx);
    return 0;
}

/* a[start:stop:step] = v for step != 1: sizes must match. */
static int assign_extended(ListObj *a, int64_t start, int64_t step, int64_t slicelen, Obj *v)
{
    Obj *seq = v == &a->h ? list_slice(a, 0, a->len)
                          : seq_fast(v, "must assign iterable to extended slice");
    if (!seq)
        return -1;
    size_t n;
    Obj **vitems = seq_items(seq, &n);
    if ((int64_t)n != slicelen) {
        DECREF(seq);
        rt_raise(EXC(ValueError), "attempt to assign sequence of size %zu to extended slice of size %lld",
                 n, (long long)slicelen);
        return -1;
    }
    if (slicelen == 0) {
        DECREF(seq);
        return 0;
    }
    Obj **garbage = xmalloc(n * sizeof(Obj *));
    int64_t cur = start;
    for (size_t i = 0; i < n; i++, cur += step) {
        garbage[i] = a->items[cur];
        a->items[cur] = vitems[i];
        ref_inc(vitems[i], SLOT(a, cur));
    }
    cur = start;
    for (size_t i = 0; i < n; i++, cur += step)
        ref_dec(garbage[i], SLOT(a, cur));
    free(garbage);
    DECREF(seq);
    return 0;
}

/* ---------- item protocol ---------- */

Obj *list_getitem(Obj *o, Obj *key)
{
    ListObj *l = AS_LIST(o);
    if (obj_index_like(key)) {
        int64_t i;
        if (!int_as_subscript(key, &i))
            return NULL;
        if (i < 0)
            i += (int64_t)l->len;
        if (i < 0 || (uint64_t)i >= l->len)
            return rt_raise(EXC(IndexError), "list index out of range");
        return ref_new(l->items[i]);
    }
    if (IS(key, K_SLICE))
        return seq_getslice(o, key);
    return rt_raise(EXC(TypeError), "list indices must be integers or slices, not %s", type_name(key));
}

int list_setitem(Obj *o, Obj *key, Obj *value)
{
    ListObj *l = AS_LIST(o);
    if (obj_index_like(key)) {
        int64_t i;
        if (!int_as_subscript(key, &i))
            return -1;
        if (i < 0)
            i += (int64_t)l->len;
        if (i < 0 || (uint64_t)i >= l->len)
            return rt_raise_int(EXC(IndexError), "list assignment index out of range");
        if (!value)
            return ass_slice(l, i, i + 1, NULL);
        Obj *old = l->items[i];
        l->items[i] = value;
        ref_inc(value, SLOT(l, i));
        ref_xdec(old, SLOT(l, i));
        return 0;
    }
    if (IS(key, K_SLICE)) {
        int64_t start, stop, step, slicelen;
        if (slice_indices(key, (int64_t)l->len, &start, &stop, &step, &slicelen) < 0)
            return -1;
        if (step == 1)
            return ass_slice(l, start, stop, value);
        if (!value)
            return slicelen <= 0 ? 0 : del_extended(l, start, step, slicelen);
        return assign_extended(l, start, step, slicelen, value);
    }
    return rt_raise_int(EXC(TypeError), "list indices must be integers or slices, not %s", type_name(key));
}

/* ---------- building lists from iterables ---------- */

/* Whether len(o) exists (CPython's _PyObject_HasLen). */
static bool has_len(Obj *o)
{
    switch (o->kind) {
    case K_LIST: case K_TUPLE: case K_STR: case K_DICT: case K_SET: case K_RANGE:
        return true;
    case K_ITER:
        return ((IterObj *)o)->ikind >= IT_DICTVIEW_KEYS;
    case K_INSTANCE:
        return type_lookup(TYPE(o), str_intern("__len__")) != NULL;
    default:
        return false;
    }
}

/* PyObject_LengthHint(o, dflt): len(o), else the iterator's
 * __length_hint__ (kept in step with t_iter.c's use of IterObj), else dflt.
 * -1 with an exception set when len() fails with anything but TypeError. */
static int64_t length_hint(Obj *o, int64_t dflt)
{
    if (has_len(o)) {
        int64_t n = obj_len(o);
        if (n >= 0)
            return n;
        if (!rt_error_matches(EXC(TypeError)))
            return -1;
        rt_clear_error();
    }
    if (!IS(o, K_ITER))
        return dflt;
    IterObj *it = (IterObj *)o;
    switch (it->ikind) {
    case IT_SEQ: {
        if (!it->seq)
            return 0;
        int64_t n = obj_len(it->seq) - it->index;
        return n > 0 ? n : 0;
    }
    case IT_RANGE:
        return it->count > 0 ? it->count : 0;
    case IT_DICT_KEYS: case IT_DICT_VALUES: case IT_DICT_ITEMS:
        return it->seq && it->dict_used == AS_DICT(it->seq)->t.used ? it->count : 0;
    case IT_SET:
        return it->seq && it->dict_used == AS_SET(it->seq)->used ? it->count : 0;
    case IT_REVERSED: {
        if (!it->seq)
            return 0;
        int64_t n = obj_len(it->seq);
        if (n < 0) {
            rt_clear_error();
            return 0;
        }
        return n < it->index + 1 ? 0 : it->index + 1;
    }
    default:
        return dflt;
    }
}

/* list.extend / list += / LIST_EXTEND: CPython's list_extend, including
 * its exact pre-allocation (even-rounded into an empty list, a length
 * hint of 8 for iterators without one, the final cut back). */
int list_extend(Obj *self, Obj *iterable)
{
    ListObj *l = AS_LIST(self);
    if (IS(iterable, K_LIST) || IS(iterable, K_TUPLE)) {
        ref_inc(iterable, OWN_TEMP);
        size_t n;
        seq_items(iterable, &n);
        if (n == 0) {
            DECREF(iterable);
            return 0;
        }
        size_t m = l->len;
        int r = l->items == NULL ? preallocate_exact(l, n) : list_resize(l, m + n);
        if (r < 0) {
            DECREF(iterable);
            return -1;
        }
        l->len = m + n;
        Obj **src = seq_items(iterable, &n);  /* again: self.extend(self) */
        for (size_t i = 0; i < n; i++) {
            l->items[m + i] = src[i];
            ref_inc(src[i], SLOT(l, m + i));
        }
        DECREF(iterable);
        return 0;
    }
    Obj *it = obj_iter(iterable);
    if (!it)
        return -1;
    int64_t n = length_hint(iterable, 8);
    if (n < 0)
        goto error;
    if (l->items == NULL) {
        if (n && preallocate_exact(l, (size_t)n) < 0)
            goto error;
    } else {
        size_t m = l->len;
        if (list_resize(l, m + (size_t)n) < 0)
            goto error;
        l->len = m;
    }
    for (;;) {
        Obj *item = iter_next(it);
        if (!item) {
            if (rt_error_occurred())
                goto error;
            break;
        }
        if (l->len < l->cap) {
            l->items[l->len] = item;
            ref_move(item, OWN_TEMP, SLOT(l, l->len));
            l->len++;
        } else if (list_append_take(self, item) < 0) {
            goto error;
        }
    }
    if (l->len < l->cap && list_resize(l, l->len) < 0)
        goto error;
    DECREF(it);
    return 0;
error:
    DECREF(it);
    return -1;
}

/* PySequence_List: a new list, then list_extend. */
Obj *list_from_iter(Obj *iterable)
{
    Obj *l = list_new(0);
    if (!l)
        return NULL;
    if (list_extend(l, iterable) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

/* list(iterable): list___init__ pre-allocates exactly when len() exists. */
Obj *list_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    if (kwnames && kwnames->len)
        return rt_raise(EXC(TypeError), "list() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise(EXC(TypeError), "list expected at most 1 argument, got %d", nargs);
    ListObj *l = list_alloc(t ? t : &type_list);
    if (!l)
        return NULL;
    obj_gc_track(&l->h);
    if (nargs == 1) {
        Obj *src = args[0];
        if (has_len(src)) {
            int64_t n = obj_len(src);
            if (n < 0) {
                if (!rt_error_matches(EXC(TypeError)))
                    goto fail;
                rt_clear_error();
            } else if (n > 0 && preallocate_exact(l, (size_t)n) < 0) {
                goto fail;
            }
        }
        if (list_extend(&l->h, src) < 0)
            goto fail;
    }
    return &l->h;
fail:
    DECREF(l);
    return NULL;
}

/* ---------- operators ---------- */

/* list_repeat: exactly len*n slots. */
static Obj *list_repeat(ListObj *a, int64_t n)
{
    if (n < 0)
        n = 0;
    if (n > 0 && a->len > MAX_LIST_ITEMS / (uint64_t)n)
        return rt_no_memory();
    size_t size = a->len * (size_t)n;
    if (size == 0)
        return list_new(0);
    ListObj *np = (ListObj *)list_new_capacity(0, size);
    if (!np)
        return NULL;
    for (size_t i = 0; i < size; i++) {
        np->items[i] = a->items[i % a->len];
        ref_inc(np->items[i], SLOT(np, i));
    }
    np->len = size;
    return &np->h;
}

static Obj *list_inplace_repeat(ListObj *a, int64_t n)
{
    size_t size = a->len;
    if (size == 0 || n == 1)
        return ref_new(&a->h);
    if (n < 1) {
        list_clear(&a->h);
        return ref_new(&a->h);
    }
    if (size > MAX_LIST_ITEMS / (uint64_t)n)
        return rt_no_memory();
    if (list_resize(a, size * (size_t)n) < 0)
        return NULL;
    for (size_t p = size; p < size * (size_t)n; p++) {
        a->items[p] = a->items[p % size];
        ref_inc(a->items[p], SLOT(a, p));
    }
    return ref_new(&a->h);
}

static Obj *list_concat(ListObj *a, ListObj *b)
{
    size_t size = a->len + b->len;
    if (size == 0)
        return list_new(0);
    ListObj *np = (ListObj *)list_new_capacity(0, size);
    if (!np)
        return NULL;
    for (size_t i = 0; i < a->len; i++) {
        np->items[i] = a->items[i];
        ref_inc(np->items[i], SLOT(np, i));
    }
    for (size_t i = 0; i < b->len; i++) {
        np->items[a->len + i] = b->items[i];
        ref_inc(b->items[i], SLOT(np, a->len + i));
    }
    np->len = size;
    return &np->h;
}

/* Whether o's class defines the named (reflected) operator, so the
 * protocol must get the chance to call it instead of our TypeError. */
static bool defines(Obj *o, const char *name)
{
    return IS(o, K_INSTANCE) && type_lookup(TYPE(o), str_intern(name)) != NULL;
}

Obj *list_binop(Obj *a, Obj *b, int op, bool inplace)
{
    if (op == OP_ADD) {
        if (!IS(a, K_LIST))
            return ref_new(Py_NotImplemented);
        if (inplace) {
            if (list_extend(a, b) < 0)
                return NULL;
            return ref_new(a);
        }
        if (IS(b, K_LIST))
            return list_concat(AS_LIST(a), AS_LIST(b));
        if (defines(b, "__radd__"))
            return ref_new(Py_NotImplemented);
        return rt_raise(EXC(TypeError), "can only concatenate list (not \"%s\") to list", type_name(b));
    }
    if (op == OP_MUL) {
        Obj *seq = IS(a, K_LIST) ? a : b;
        Obj *count = seq == a ? b : a;
        if (!is_int(count)) {
            if (IS(count, K_INSTANCE))
                return ref_new(Py_NotImplemented);
            return rt_raise(EXC(TypeError), "can't multiply sequence by non-int of type '%s'", type_name(count));
        }
        int64_t n;
        if (!int_as_index(count, &n))
            return NULL;
        if (inplace && seq == a)
            return list_inplace_repeat(AS_LIST(seq), n);
        return list_repeat(AS_LIST(seq), n);
    }
    return ref_new(Py_NotImplemented);
}

static bool cmp_result(int64_t x, int64_t y, int op)
{
    switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
    }
}

/* list_richcompare: the first differing items decide. */
Obj *list_compare(Obj *a, Obj *b, int op)
{
    if (!IS(a, K_LIST) || !IS(b, K_LIST) || op > CMP_GE)
        return ref_new(Py_NotImplemented);
    ListObj *v = AS_LIST(a), *w = AS_LIST(b);
    if (v->len != w->len && (op == CMP_EQ || op == CMP_NE))
        return bool_new(op == CMP_NE);
    size_t i;
    for (i = 0; i < v->len && i < w->len; i++) {
        Obj *x = v->items[i], *y = w->items[i];
        if (x == y)
            continue;
        ref_inc(x, OWN_TEMP);
        ref_inc(y, OWN_TEMP);
        int k = obj_eq(x, y);
        DECREF(x);
        DECREF(y);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= v->len || i >= w->len)
        return bool_new(cmp_result((int64_t)v->len, (int64_t)w->len, op));
    if (op == CMP_EQ)
        return bool_new(false);
    if (op == CMP_NE)
        return bool_new(true);
    return obj_compare(v->items[i], w->items[i], op);
}

/* ---------- methods ---------- */

/* Argument checks worded as CPython's for each calling convention. */
static bool no_kw(const char *qual, TupleObj *kw)
{
    if (kw && kw->len) {
        rt_raise(EXC(TypeError), "%s() takes no keyword arguments", qual);
        return false;
    }
    return true;
}

static bool one_arg(const char *qual, int nargs, TupleObj *kw)
{
    if (!no_kw(qual, kw))
        return false;
    if (nargs != 1) {
        rt_raise(EXC(TypeError), "%s() takes exactly one argument (%d given)", qual, nargs);
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
    if (nargs >= min && nargs <= max)
        return true;
    if (min == max)
        rt_raise(EXC(TypeError), "%s expected %d argument%s, got %d", name, min, min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        rt_raise(EXC(TypeError), "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", nargs);
    else
        rt_raise(EXC(TypeError), "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", nargs);
    return false;
}

static bool is_list(Obj *self, const char *name)
{
    if (self && IS(self, K_LIST))
        return true;
    rt_raise(EXC(TypeError), "descriptor '%s' for 'list' objects doesn't apply to a '%s' object",
             name, self ? type_name(self) : "NoneType");
    return false;
}

static Obj *m_append(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "append") || !one_arg("list.append", nargs, kw))
        return NULL;
    if (list_append(self, args[0]) < 0)
        return NULL;
    return ref_new(Py_None);
}

static Obj *m_extend(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "extend") || !one_arg("list.extend", nargs, kw))
        return NULL;
    if (list_extend(self, args[0]) < 0)
        return NULL;
    return ref_new(Py_None);
}

/* ins1: grow by one, clamp the index, shift the tail up. */
static Obj *m_insert(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "insert") || !nargs_in("list.insert", "insert", nargs, kw, 2, 2))
        return NULL;
    int64_t where;
    if (!index_arg(args[0], &where))
        return NULL;
    ListObj *l = AS_LIST(self);
    int64_t n = (int64_t)l->len;
    if (list_resize(l, (size_t)n + 1) < 0)
        return NULL;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    memmove(l->items + where + 1, l->items + where, (size_t)(n - where) * sizeof(Obj *));
    report_shift(l, (size_t)where + 1, (size_t)n + 1, 1);
    l->items[where] = args[1];
    ref_inc(args[1], SLOT(l, where));
    return ref_new(Py_None);
}

static Obj *m_pop(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "pop") || !nargs_in("list.pop", "pop", nargs, kw, 0, 1))
        return NULL;
    int64_t i = -1;
    if (nargs == 1 && !index_arg(args[0], &i))
        return NULL;
    ListObj *l = AS_LIST(self);
    int64_t n = (int64_t)l->len;
    if (n == 0)
        return rt_raise(EXC(IndexError), "pop from empty list");
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return rt_raise(EXC(IndexError), "pop index out of range");
    Obj *v = l->items[i];
    if (i == n - 1) {
        /* The list's reference becomes the caller's. */
        l->items[i] = NULL;
        l->len = (size_t)i;
        list_resize(l, (size_t)i);
        ref_move(v, SLOT(l, i), OWN_TEMP);
        return v;
    }
    ref_inc(v, OWN_TEMP);
    if (ass_slice(l, i, i + 1, NULL) < 0) {
        DECREF(v);
        return NULL;
    }
    return v;
}

static Obj *m_remove(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "remove") || !one_arg("list.remove", nargs, kw))
        return NULL;
    ListObj *l = AS_LIST(self);
    for (size_t i = 0; i < l->len; i++) {
        int r = item_eq(l->items[i], args[0]);
        if (r < 0)
            return NULL;
        if (r > 0) {
            if (ass_slice(l, (int64_t)i, (int64_t)i + 1, NULL) < 0)
                return NULL;
            return ref_new(Py_None);
        }
    }
    return rt_raise(EXC(ValueError), "list.remove(x): x not in list");
}

/* _PyEval_SliceIndexNotNone: the start/stop of index(). */
static bool slice_index_arg(Obj *o, int64_t *out)
{
    if (!is_int(o)) {
        rt_raise(EXC(TypeError), "slice indices must be integers or have an __index__ method");
        return false;
    }
    return int_as_clamped(o, out);
}

static Obj *m_index(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "index") || !nargs_in("list.index", "index", nargs, kw, 1, 3))
        return NULL;
    ListObj *l = AS_LIST(self);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 1 && !slice_index_arg(args[1], &start))
        return NULL;
    if (nargs > 2 && !slice_index_arg(args[2], &stop))
        return NULL;
    if (start < 0) {
        start += (int64_t)l->len;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += (int64_t)l->len;
        if (stop < 0)
            stop = 0;
    }
    for (int64_t i = start; i < stop && (uint64_t)i < l->len; i++) {
        int r = item_eq(l->items[i], args[0]);
        if (r < 0)
            return NULL;
        if (r > 0)
            return int_new(i);
    }
    Obj *rep = obj_repr(args[0]);
    if (!rep)
        return NULL;
    rt_raise(EXC(ValueError), "%s is not in list", AS_STR(rep)->s);
    DECREF(rep);
    return NULL;
}

static Obj *m_count(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "count") || !one_arg("list.count", nargs, kw))
        return NULL;
    ListObj *l = AS_LIST(self);
    int64_t count = 0;
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == args[0]) {
            count++;
            continue;
        }
        int r = item_eq(l->items[i], args[0]);
        if (r < 0)
            return NULL;
        count += r;
    }
    return int_new(count);
}

static Obj *m_clear(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    if (!is_list(self, "clear") || !no_args("list.clear", nargs, kw))
        return NULL;
    list_clear(self);
    return ref_new(Py_None);
}

static Obj *m_copy(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    if (!is_list(self, "copy") || !no_args("list.copy", nargs, kw))
        return NULL;
    return list_slice(AS_LIST(self), 0, AS_LIST(self)->len);
}

static Obj *m_reverse(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args;
    if (!is_list(self, "reverse") || !no_args("list.reverse", nargs, kw))
        return NULL;
    ListObj *l = AS_LIST(self);
    size_t n = l->len;
    for (size_t i = 0; i < n / 2; i++) {
        Obj *t = l->items[i];
        l->items[i] = l->items[n - 1 - i];
        l->items[n - 1 - i] = t;
    }
    if (ev_on)
        for (size_t j = 0; j < n; j++)
            if (j != n - 1 - j)
                ref_move(l->items[j], SLOT(l, n - 1 - j), SLOT(l, j));
    return ref_new(Py_None);
}

/* sort(*, key=None, reverse=False) */
static Obj *m_sort(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_list(self, "sort"))
        return NULL;
    if (nargs > 0)
        return rt_raise(EXC(TypeError), "sort() takes no positional arguments");
    Obj *key = NULL;
    bool reverse = false;
    for (size_t i = 0; kw && i < kw->len; i++) {
        const char *name = AS_STR(kw->items[i])->s;
        Obj *v = args[nargs + (int)i];
        if (strcmp(name, "key") == 0) {
            key = v;
        } else if (strcmp(name, "reverse") == 0) {
            int64_t r;
            if (!index_arg(v, &r))
                return NULL;
            reverse = r != 0;
        } else {
            return rt_raise(EXC(TypeError), "'%s' is an invalid keyword argument for sort()", name);
        }
    }
    return list_sort(AS_LIST(self), key, reverse);
}

/* Each function checks its own arguments with CPython's wording for its
 * calling convention, so the table accepts any count and keywords. */
#define METHOD(n, f, d) {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = true, .doc = d}
const BuiltinDef list_methods[] = {
    METHOD("append", m_append, "append(object, /)"),
    METHOD("extend", m_extend, "extend(iterable, /)"),
    METHOD("insert", m_insert, "insert(index, object, /)"),
    METHOD("pop", m_pop, "pop(index=-1, /)"),
    METHOD("remove", m_remove, "remove(value, /)"),
    METHOD("index", m_index, "index(value, start=0, stop=sys.maxsize, /)"),
    METHOD("count", m_count, "count(value, /)"),
    METHOD("clear", m_clear, "clear()"),
    METHOD("copy", m_copy, "copy()"),
    METHOD("reverse", m_reverse, "reverse()"),
    METHOD("sort", m_sort, "sort(*, key=None, reverse=False)"),
    {0},
};
