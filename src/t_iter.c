/* t_iter: range and slice objects, every iterator, and the dict views.
 *
 * All iterators and views share the IterObj layout (K_ITER); ikind says
 * which one it is and how its fields are used:
 *   IT_SEQ        seq: list/tuple/str, index: next position
 *   IT_RANGE      index: next value, step, count: values left (holds no
 *                 reference: CPython's range_iterator copies the numbers)
 *   IT_DICT_*     seq: dict, index: entry position, dict_used: size guard,
 *                 count: items left, step: +1, or -1 for reversed(dict),
 *                 func: the reusable (key, value) pair of items()
 *   IT_SET        seq: set, index: table position, dict_used, count
 *   IT_REVERSED   seq, index: next position going down (list_reverseiterator
 *                 for lists, the generic `reversed` otherwise)
 *   IT_ENUMERATE  seq: the underlying iterator, index: next count,
 *                 func: the reusable (index, item) pair
 *   IT_ZIP        its: the iterators, func: the reusable result tuple,
 *                 stop: 1 for strict=True
 *   IT_MAP        func, its
 *   IT_FILTER     func (None: truth), seq: the underlying iterator
 *   IT_CALLABLE   func: the callable, seq: the sentinel
 *   IT_DICTVIEW_* seq: the dict
 * References are owned by OWNER(OWN_ITER, it, n): n 0 for seq, 1 for func,
 * 2 for its. An exhausted list, tuple, str, dict, set or reversed
 * iterator drops its sequence at once, as CPython's do (sys.getrefcount
 * shows it). Result tuples are reused while nobody else holds them, as in
 * CPython's zip, enumerate and dict.items() iterators. */
#include <stdlib.h>
#include <string.h>

#include "ops.h"
#include "types.h"
#include "xmem.h"

enum { RANGE_BASIC = 48, SLICE_BASIC = 56 };

/* sys.getsizeof of each iterator kind (GC head included where CPython has
 * one). ORDER IterKind */
static const uint32_t iter_sizes[IT_COUNT] = {
    [IT_SEQ] = 48, [IT_RANGE] = 48, [IT_DICT_KEYS] = 72, [IT_DICT_VALUES] = 72,
    [IT_DICT_ITEMS] = 72, [IT_SET] = 64, [IT_REVERSED] = 48, [IT_ENUMERATE] = 72,
    [IT_ZIP] = 64, [IT_MAP] = 48, [IT_FILTER] = 48, [IT_CALLABLE] = 48,
    [IT_DICTVIEW_KEYS] = 40, [IT_DICTVIEW_VALUES] = 40, [IT_DICTVIEW_ITEMS] = 40,
};

#define OWN_SEQ(it) OWNER(OWN_ITER, (it)->h.addr, 0, NULL)
#define OWN_FUNC(it) OWNER(OWN_ITER, (it)->h.addr, 1, NULL)
#define OWN_ITS(it) OWNER(OWN_ITER, (it)->h.addr, 2, NULL)
#define TSLOT(t, i) OWNER(OWN_SLOT, (t)->addr, (i), NULL)

static bool is_int(const Obj *o) { return IS(o, K_INT) || IS(o, K_BOOL); }

static bool is_view(const Obj *o)
{
    return IS(o, K_ITER) && ((const IterObj *)o)->ikind >= IT_DICTVIEW_KEYS;
}

static bool index_arg(Obj *o, int64_t *out)
{
    if (!is_int(o)) {
        rt_raise(EXC(TypeError), "'%s' object cannot be interpreted as an integer", type_name(o));
        return false;
    }
    return int_as_index(o, out);
}

/* ---------- range ---------- */

/* The number of values, or false when it does not fit an int64. */
static bool range_length(int64_t start, int64_t stop, int64_t step, int64_t *len)
{
    uint64_t n = 0;
    if (step > 0 && start < stop)
        n = ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    else if (step < 0 && start > stop)
        n = ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    if (n > INT64_MAX)
        return false;
    *len = (int64_t)n;
    return true;
}

static int64_t range_item(const RangeObj *r, int64_t i)
{
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

Obj *range_new(int64_t start, int64_t stop, int64_t step)
{
    int64_t len;
    if (!range_length(start, stop, step, &len))
        return rt_raise(EXC(OverflowError), "Python int too large to convert to C ssize_t");
    RangeObj *r = (RangeObj *)obj_alloc(K_RANGE, &type_range, sizeof(RangeObj), RANGE_BASIC);
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = len;
    return &r->h;
}

Obj *range_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    if (kwnames && kwnames->len)
        return rt_raise(EXC(TypeError), "range() takes no keyword arguments");
    if (nargs < 1)
        return rt_raise(EXC(TypeError), "range expected at least 1 argument, got %d", nargs);
    if (nargs > 3)
        return rt_raise(EXC(TypeError), "range expected at most 3 arguments, got %d", nargs);
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!index_arg(args[i], &v[i]))
            return NULL;
    if (nargs == 1)
        return range_new(0, v[0], 1);
    if (v[2] == 0)
        return rt_raise(EXC(ValueError), "range() arg 3 must not be zero");
    return range_new(v[0], v[1], v[2]);
}

void range_traverse(Obj *o, VisitFn visit, void *arg) { (void)o, (void)visit, (void)arg; }
void range_clear(Obj *o) { (void)o; }
void range_finish(Obj *o) { (void)o; }
size_t range_size(Obj *o) { (void)o; return RANGE_BASIC; }
int64_t range_len(Obj *o) { return ((RangeObj *)o)->len; }
Obj *range_iter(Obj *o) { return iter_new(&type_range_iterator, IT_RANGE, o); }

Obj *range_repr(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    if (r->step == 1)
        return str_printf("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return str_printf("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
}

/* r[i] and r[a:b:c] (another range, computed from the indices). */
Obj *range_getitem(Obj *o, Obj *key)
{
    RangeObj *r = (RangeObj *)o;
    if (obj_index_like(key)) {
        int64_t i;
        /* a big index is out of every range here (saturated, it says so) */
        if (!int_as_clamped(key, &i))
            return NULL;
        if (i < 0)
            i += r->len;
        if (i < 0 || i >= r->len)
            return rt_raise(EXC(IndexError), "range object index out of range");
        return int_new(range_item(r, i));
    }
    if (IS(key, K_SLICE)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, r->len, &start, &stop, &step, &n) < 0)
            return NULL;
        return range_new(range_item(r, start), range_item(r, stop),
                         (int64_t)((uint64_t)r->step * (uint64_t)step));
    }
    return rt_raise(EXC(TypeError), "range indices must be integers or slices, not %s", type_name(key));
}

/* An int is tested arithmetically; anything else by iterating. */
int range_contains(Obj *o, Obj *item)
{
    RangeObj *r = (RangeObj *)o;
    if (is_int(item)) {
        int64_t v;
        if (!int_as_index(item, &v)) {
            rt_clear_error();   /* beyond int64: outside every range here */
            return 0;
        }
        bool in = r->step > 0 ? r->start <= v && v < r->stop : r->stop < v && v <= r->start;
        if (!in)
            return 0;
        uint64_t diff = r->step > 0 ? (uint64_t)v - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)v;
        uint64_t step = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
        return diff % step == 0;
    }
    for (int64_t i = 0; i < r->len; i++) {
        Obj *x = int_new(range_item(r, i));
        if (!x)
            return -1;
        int eq = obj_eq(x, item);
        DECREF(x);
        if (eq != 0)
            return eq;
    }
    return 0;
}

/* range_equals: the same sequence of values. */
Obj *range_compare(Obj *a, Obj *b, int op)
{
    if (!IS(a, K_RANGE) || !IS(b, K_RANGE) || (op != CMP_EQ && op != CMP_NE))
        return ref_new(Py_NotImplemented);
    RangeObj *x = (RangeObj *)a, *y = (RangeObj *)b;
    bool eq = x == y || (x->len == y->len &&
                         (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step))));
    return bool_new(eq == (op == CMP_EQ));
}

/* ---------- slice ---------- */

static const char *const slice_fields[3] = {"start", "stop", "step"};

static Owner slice_owner(Obj *s, int i)
{
    return OWNER(OWN_ATTR, s->addr, 0, ev_intern(slice_fields[i]));
}

static Obj **slice_field(SliceObj *s, int i) { return i == 0 ? &s->start : i == 1 ? &s->stop : &s->step; }

Obj *slice_new(Obj *start, Obj *stop, Obj *step)
{
    SliceObj *s = (SliceObj *)obj_alloc(K_SLICE, &type_slice, sizeof(SliceObj), SLICE_BASIC);
    if (!s)
        return NULL;
    Obj *v[3] = {start, stop, step};
    for (int i = 0; i < 3; i++) {
        *slice_field(s, i) = v[i] ? v[i] : Py_None;
        ref_inc(*slice_field(s, i), slice_owner(&s->h, i));
    }
    return &s->h;
}

void slice_traverse(Obj *o, VisitFn visit, void *arg)
{
    for (int i = 0; i < 3; i++)
        if (*slice_field((SliceObj *)o, i))
            visit(slice_field((SliceObj *)o, i), slice_owner(o, i), arg);
}

/* slice_dealloc's order: step, start, stop. */
void slice_clear(Obj *o)
{
    static const int order[3] = {2, 0, 1};
    for (int k = 0; k < 3; k++) {
        Obj **f = slice_field((SliceObj *)o, order[k]);
        Obj *x = *f;
        *f = NULL;
        ref_xdec(x, slice_owner(o, order[k]));
    }
}

void slice_finish(Obj *o) { (void)o; }
size_t slice_size(Obj *o) { (void)o; return SLICE_BASIC; }

Obj *slice_repr(Obj *o)
{
    Obj *r[3] = {NULL, NULL, NULL};
    Obj *res = NULL;
    for (int i = 0; i < 3; i++) {
        Obj *f = *slice_field((SliceObj *)o, i);
        if (!(r[i] = obj_repr(f ? f : Py_None)))
            goto done;
    }
    res = str_printf("slice(%s, %s, %s)", AS_STR(r[0])->s, AS_STR(r[1])->s, AS_STR(r[2])->s);
done:
    for (int i = 0; i < 3; i++)
        XDECREF(r[i]);
    return res;
}

/* _PyEval_SliceIndex: None keeps the default. */
static bool slice_index(Obj *v, int64_t *out)
{
    if (v == Py_None)
        return true;
    if (!is_int(v)) {
        rt_raise(EXC(TypeError), "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    return int_as_clamped(v, out);
}

/* PySlice_Unpack + PySlice_AdjustIndices. */
int slice_indices(Obj *slice, int64_t length, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen)
{
    SliceObj *s = (SliceObj *)slice;
    *step = 1;
    if (!slice_index(s->step, step))
        return -1;
    if (*step == 0)
        return rt_raise_int(EXC(ValueError), "slice step cannot be zero");
    if (*step < -INT64_MAX)
        *step = -INT64_MAX;
    *start = *step < 0 ? INT64_MAX : 0;
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    if (!slice_index(s->start, start) || !slice_index(s->stop, stop))
        return -1;
    int64_t *ends[2] = {start, stop};
    for (int k = 0; k < 2; k++) {
        int64_t *p = ends[k];
        if (*p < 0) {
            *p += length;
            if (*p < 0)
                *p = *step < 0 ? -1 : 0;
        } else if (*p >= length) {
            *p = *step < 0 ? length - 1 : length;
        }
    }
    *slicelen = 0;
    if (*step < 0 && *stop < *start)
        *slicelen = (*start - *stop - 1) / (-*step) + 1;
    else if (*step > 0 && *start < *stop)
        *slicelen = (*stop - *start - 1) / *step + 1;
    return 0;
}

/* ---------- iterator objects ---------- */

static TypeObj *default_type(IterKind k, Obj *seq)
{
    switch (k) {
    case IT_SEQ:
        return seq && IS(seq, K_LIST) ? &type_list_iterator
             : seq && IS(seq, K_TUPLE) ? &type_tuple_iterator : &type_str_iterator;
    case IT_RANGE: return &type_range_iterator;
    case IT_DICT_KEYS: return &type_dict_keyiterator;
    case IT_DICT_VALUES: return &type_dict_valueiterator;
    case IT_DICT_ITEMS: return &type_dict_itemiterator;
    case IT_SET: return &type_set_iterator;
    case IT_REVERSED: return seq && IS(seq, K_LIST) ? &type_list_reverseiterator : &type_reversed;
    case IT_ENUMERATE: return &type_enumerate;
    case IT_ZIP: return &type_zip;
    case IT_MAP: return &type_map;
    case IT_FILTER: return &type_filter;
    case IT_CALLABLE: return &type_callable_iterator;
    case IT_DICTVIEW_KEYS: return &type_dict_keys;
    case IT_DICTVIEW_VALUES: return &type_dict_values;
    default: return &type_dict_items;
    }
}

/* A reference to the temporary x (stolen) now owned by *field. */
static void put(Obj **field, Obj *x, Owner w)
{
    *field = x;
    ref_move(x, OWN_TEMP, w);
}

/* A new iterator or view of kind k over seq (a new reference is taken,
 * except for ranges); type NULL picks CPython's type for the kind. For a
 * dict iterator, seq may also be one of the dict's views. Zip, map,
 * enumerate, filter and callable iterators get their other fields from
 * their constructors. Tracked by the collector, except range iterators
 * (not a GC type in CPython). */
Obj *iter_new(TypeObj *type, IterKind k, Obj *seq)
{
    if (k >= IT_DICT_KEYS && k <= IT_DICT_ITEMS && seq && is_view(seq))
        seq = ((IterObj *)seq)->seq;
    if (!type)
        type = default_type(k, seq);
    IterObj *it = (IterObj *)obj_alloc(K_ITER, type, sizeof(IterObj), iter_sizes[k]);
    if (!it)
        return NULL;
    it->ikind = (uint8_t)k;
    it->step = 1;
    if (k == IT_RANGE) {
        RangeObj *r = (RangeObj *)seq;
        it->index = r->start;
        it->step = r->step;
        it->count = r->len;
        return &it->h;
    }
    if (seq) {
        it->seq = seq;
        ref_inc(seq, OWN_SEQ(it));
    }
    switch (k) {
    case IT_DICT_KEYS: case IT_DICT_VALUES: case IT_DICT_ITEMS:
        it->dict_used = AS_DICT(seq)->t.used;
        it->count = (int64_t)AS_DICT(seq)->t.used;
        if (k == IT_DICT_ITEMS) {
            Obj *pair = tuple_pack(2, Py_None, Py_None);
            if (!pair) {
                DECREF(it);
                return NULL;
            }
            put(&it->func, pair, OWN_FUNC(it));
        }
        break;
    case IT_SET:
        it->dict_used = AS_SET(seq)->used;
        it->count = (int64_t)AS_SET(seq)->used;
        break;
    case IT_REVERSED:
        if (seq && IS(seq, K_LIST))
            it->index = (int64_t)AS_LIST(seq)->len - 1;
        break;
    default:
        break;
    }
    obj_gc_track(&it->h);
    return &it->h;
}

void iter_traverse(Obj *o, VisitFn visit, void *arg)
{
    IterObj *it = (IterObj *)o;
    if (it->seq)
        visit(&it->seq, OWN_SEQ(it), arg);
    if (it->func)
        visit(&it->func, OWN_FUNC(it), arg);
    if (it->its)
        visit((Obj **)&it->its, OWN_ITS(it), arg);
}

static void drop(Obj **field, Owner w)
{
    Obj *x = *field;
    *field = NULL;
    ref_xdec(x, w);
}

/* The order of each CPython dealloc function. */
void iter_clear(Obj *o)
{
    IterObj *it = (IterObj *)o;
    switch (it->ikind) {
    case IT_FILTER: case IT_CALLABLE:
        drop(&it->func, OWN_FUNC(it));
        drop(&it->seq, OWN_SEQ(it));
        break;
    case IT_ZIP: case IT_MAP:
        drop((Obj **)&it->its, OWN_ITS(it));
        drop(&it->func, OWN_FUNC(it));
        break;
    default:
        drop(&it->seq, OWN_SEQ(it));
        drop(&it->func, OWN_FUNC(it));
        break;
    }
}

void iter_finish(Obj *o) { (void)o; }
size_t iter_size(Obj *o) { return iter_sizes[((IterObj *)o)->ikind]; }

/* Drops the iterated object once exhausted (it_seq = NULL in CPython). */
static Obj *exhausted(IterObj *it)
{
    drop(&it->seq, OWN_SEQ(it));
    return NULL;
}

/* Puts a new item into slot i of a reused result tuple; the old one is
 * released by the caller afterwards. */
static Obj *swap_item(Obj *t, size_t i, Obj *item)
{
    Obj *old = AS_TUPLE(t)->items[i];
    AS_TUPLE(t)->items[i] = item;
    ref_move(item, OWN_TEMP, TSLOT(t, i));
    return old;
}

/* The reusable result tuple, when only its iterator holds it: taken for
 * the caller, and tracked again (the collector may have untracked it). */
static bool reusable(Obj *res)
{
    if (!res || res->refcnt != 1)
        return false;
    ref_inc(res, OWN_TEMP);
    if (!(res->flags & OF_TRACKED))
        obj_gc_track(res);
    return true;
}

/* A (a, b) pair from two stolen temporaries: the reused one or new. */
static Obj *make_pair(Obj *res, Obj *a, Obj *b)
{
    if (reusable(res)) {
        Obj *oa = swap_item(res, 0, a), *ob = swap_item(res, 1, b);
        ref_xdec(oa, TSLOT(res, 0));
        ref_xdec(ob, TSLOT(res, 1));
        return res;
    }
    Obj *t = tuple_new(2);
    if (!t) {
        DECREF(a);
        DECREF(b);
        return NULL;
    }
    put(&AS_TUPLE(t)->items[0], a, TSLOT(t, 0));
    put(&AS_TUPLE(t)->items[1], b, TSLOT(t, 1));
    return t;
}

static Obj *seq_next(IterObj *it)
{
    Obj *s = it->seq;
    if (!s)
        return NULL;
    size_t i = (size_t)it->index;
    if (IS(s, K_LIST) && i < AS_LIST(s)->len) {
        it->index++;
        return ref_new(AS_LIST(s)->items[i]);
    }
    if (IS(s, K_TUPLE) && i < AS_TUPLE(s)->len) {
        it->index++;
        return ref_new(AS_TUPLE(s)->items[i]);
    }
    if (IS(s, K_STR) && i < AS_STR(s)->nchars) {
        it->index++;
        StrObj *str = AS_STR(s);
        return str_char(str->len == str->nchars ? (unsigned char)str->s[i] : str_char_at(str, i));
    }
    return exhausted(it);
}

static Obj *range_next(IterObj *it)
{
    if (it->count <= 0)
        return NULL;
    int64_t v = it->index;
    it->index = (int64_t)((uint64_t)v + (uint64_t)it->step);
    it->count--;
    return int_new(v);
}

static Obj *dict_next(IterObj *it)
{
    Obj *d = it->seq;
    if (!d)
        return NULL;
    DictTable *t = &AS_DICT(d)->t;
    if (it->dict_used != t->used) {
        it->dict_used = (size_t)-1;   /* the error sticks */
        return rt_raise(EXC(RuntimeError), "dictionary changed size during iteration");
    }
    int64_t i = it->index;
    if (it->step > 0) {
        while ((size_t)i < t->nentries && !t->entries[i].value)
            i++;
        if ((size_t)i >= t->nentries)
            return exhausted(it);
        if (it->count == 0) {
            rt_raise(EXC(RuntimeError), "dictionary keys changed during iteration");
            return exhausted(it);
        }
        it->index = i + 1;
    } else {
        if (i < 0)
            return exhausted(it);
        if ((size_t)i >= t->nentries)
            i = (int64_t)t->nentries - 1;
        while (i >= 0 && !t->entries[i].value)
            i--;
        if (i < 0)
            return exhausted(it);
        it->index = i - 1;
    }
    it->count--;
    DictEntry *e = &t->entries[i];
    switch (it->ikind) {
    case IT_DICT_KEYS: return ref_new(e->key);
    case IT_DICT_VALUES: return ref_new(e->value);
    default: return make_pair(it->func, ref_new(e->key), ref_new(e->value));
    }
}

static Obj *set_iter_next(IterObj *it)
{
    Obj *s = it->seq;
    if (!s)
        return NULL;
    if (it->dict_used != AS_SET(s)->used) {
        it->dict_used = (size_t)-1;
        return rt_raise(EXC(RuntimeError), "Set changed size during iteration");
    }
    size_t pos = (size_t)it->index;
    Obj *key;
    bool more = set_next(s, &pos, &key);
    it->index = (int64_t)pos;
    if (!more)
        return exhausted(it);
    it->count--;
    return ref_new(key);
}

/* listreviter_next, or reversed_next over any sequence by index. */
static Obj *reversed_next(IterObj *it)
{
    Obj *s = it->seq;
    if (!s)
        return NULL;
    int64_t i = it->index;
    if (TYPE(&it->h) == &type_list_reverseiterator) {
        if (i >= 0 && (size_t)i < AS_LIST(s)->len) {
            it->index--;
            return ref_new(AS_LIST(s)->items[i]);
        }
    } else if (i >= 0) {
        Obj *item;
        if (IS(s, K_TUPLE) && (size_t)i < AS_TUPLE(s)->len) {
            item = ref_new(AS_TUPLE(s)->items[i]);
        } else if (IS(s, K_STR) && (size_t)i < AS_STR(s)->nchars) {
            item = str_char(str_char_at(AS_STR(s), (size_t)i));
        } else {
            Obj *key = int_new(i);
            item = key ? obj_getitem(s, key) : NULL;
            XDECREF(key);
        }
        if (item) {
            it->index--;
            return item;
        }
        if (rt_error_matches(EXC(IndexError)) || rt_error_matches(EXC(StopIteration)))
            rt_clear_error();
    }
    it->index = -1;
    return exhausted(it);
}

static Obj *enum_next(IterObj *it)
{
    Obj *item = it->seq ? iter_next(it->seq) : NULL;
    if (!item)
        return NULL;
    Obj *index = int_new(it->index);
    if (!index) {
        DECREF(item);
        return NULL;
    }
    it->index++;
    return make_pair(it->func, index, item);
}

/* zip(strict=True): after the first iterator i that is exhausted, the
 * others must be too (CPython's messages). */
static Obj *zip_strict_check(IterObj *it, size_t i)
{
    if (rt_error_occurred())
        return NULL;
    if (i)
        return rt_raise(EXC(ValueError), "zip() argument %zu is shorter than argument%s%zu",
                        i + 1, i == 1 ? " " : "s 1-", i);
    for (i = 1; i < it->its->len; i++) {
        Obj *item = iter_next(it->its->items[i]);
        if (item) {
            DECREF(item);
            return rt_raise(EXC(ValueError), "zip() argument %zu is longer than argument%s%zu",
                            i + 1, i == 1 ? " " : "s 1-", i);
        }
        if (rt_error_occurred())
            return NULL;
    }
    return NULL;
}

static Obj *zip_next(IterObj *it)
{
    size_t n = it->its->len;
    if (n == 0)
        return NULL;
    Obj *res = it->func;
    bool reuse = reusable(res);
    if (!reuse && !(res = tuple_new(n)))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        Obj *item = iter_next(it->its->items[i]);
        if (!item) {
            DECREF(res);
            return it->stop ? zip_strict_check(it, i) : NULL;
        }
        if (reuse)
            ref_xdec(swap_item(res, i, item), TSLOT(res, i));
        else
            put(&AS_TUPLE(res)->items[i], item, TSLOT(res, i));
    }
    return res;
}

static Obj *map_next(IterObj *it)
{
    size_t n = it->its->len, got = 0;
    Obj *small[8];
    Obj **args = n <= 8 ? small : xmalloc(n * sizeof(Obj *));
    Obj *result = NULL;
    for (; got < n; got++)
        if (!(args[got] = iter_next(it->its->items[got])))
            break;
    if (got == n)
        result = obj_call(it->func, args, (int)n, NULL);
    for (size_t i = 0; i < got; i++)
        DECREF(args[i]);
    if (args != small)
        free(args);
    return result;
}

static Obj *filter_next(IterObj *it)
{
    bool truth = it->func == Py_None || it->func == &type_bool.h;
    for (;;) {
        Obj *item = it->seq ? iter_next(it->seq) : NULL;
        if (!item)
            return NULL;
        int ok;
        if (truth) {
            ok = obj_truth(item);
        } else {
            Obj *good = obj_call1(it->func, item);
            if (!good) {
                DECREF(item);
                return NULL;
            }
            ok = obj_truth(good);
            DECREF(good);
        }
        if (ok > 0)
            return item;
        DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

/* iter(callable, sentinel): ends (dropping both) at the sentinel. */
static Obj *callable_next(IterObj *it)
{
    if (!it->func)
        return NULL;
    Obj *r = obj_call0(it->func);
    if (r) {
        int eq = obj_eq(it->seq, r);
        if (eq == 0)
            return r;
        DECREF(r);
        if (eq < 0)
            return NULL;
    } else if (rt_error_matches(EXC(StopIteration))) {
        rt_clear_error();
    } else {
        return NULL;
    }
    drop(&it->func, OWN_FUNC(it));
    drop(&it->seq, OWN_SEQ(it));
    return NULL;
}

Obj *iter_next_impl(Obj *o)
{
    IterObj *it = (IterObj *)o;
    switch (it->ikind) {
    case IT_SEQ: return seq_next(it);
    case IT_RANGE: return range_next(it);
    case IT_DICT_KEYS: case IT_DICT_VALUES: case IT_DICT_ITEMS: return dict_next(it);
    case IT_SET: return set_iter_next(it);
    case IT_REVERSED: return reversed_next(it);
    case IT_ENUMERATE: return enum_next(it);
    case IT_ZIP: return zip_next(it);
    case IT_MAP: return map_next(it);
    case IT_FILTER: return filter_next(it);
    case IT_CALLABLE: return callable_next(it);
    default:
        return rt_raise(EXC(TypeError), "'%s' object is not an iterator", type_name(o));
    }
}

/* ---------- dict views ---------- */

Obj *iter_repr(Obj *o)
{
    if (!is_view(o))
        return str_printf("<%s object at 0x%llx>", type_name(o), (unsigned long long)o->addr);
    int r = rt_repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_c("...") : NULL;
    Obj *res = NULL, *list = list_from_iter(o);
    Obj *lr = list ? list_repr(list) : NULL;
    if (lr)
        res = str_printf("%s(%s)", type_name(o), AS_STR(lr)->s);
    XDECREF(lr);
    XDECREF(list);
    rt_repr_leave(o);
    return res;
}

int64_t iter_len(Obj *o)
{
    if (!is_view(o))
        return rt_raise_int(EXC(TypeError), "object of type '%s' has no len()", type_name(o));
    Obj *d = ((IterObj *)o)->seq;
    return d ? (int64_t)AS_DICT(d)->t.used : 0;
}

/* `x in view`: keys look up, items look up and compare the value, values
 * (and any other iterator) are searched by iterating. */
int iter_contains(Obj *o, Obj *item)
{
    IterObj *v = (IterObj *)o;
    if (v->ikind == IT_DICTVIEW_KEYS)
        return v->seq ? dict_contains(v->seq, item) : 0;
    if (v->ikind == IT_DICTVIEW_ITEMS) {
        if (!v->seq || !IS(item, K_TUPLE) || AS_TUPLE(item)->len != 2)
            return 0;
        Obj *found = dict_get(v->seq, AS_TUPLE(item)->items[0]);
        if (!found)
            return rt_error_occurred() ? -1 : 0;
        ref_inc(found, OWN_TEMP);
        int r = obj_eq(found, AS_TUPLE(item)->items[1]);
        DECREF(found);
        return r;
    }
    Obj *it = obj_iter(o);
    if (!it)
        return -1;
    Obj *x;
    int r = 0;
    while (r == 0 && (x = iter_next(it))) {
        r = obj_eq(x, item);
        DECREF(x);
    }
    DECREF(it);
    return r == 0 && rt_error_occurred() ? -1 : r;
}

/* ---------- constructors of the iterator builtins ---------- */

static bool kw_is(TupleObj *kwnames, size_t i, const char *name)
{
    return strcmp(AS_STR(kwnames->items[i])->s, name) == 0;
}

/* enumerate(iterable, start=0) */
Obj *enumerate_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    int nkw = kwnames ? (int)kwnames->len : 0;
    Obj *iterable = nargs > 0 ? args[0] : NULL, *start = nargs > 1 ? args[1] : NULL;
    if (nargs + nkw > 2)
        return rt_raise(EXC(TypeError), "enumerate() takes at most 2 arguments (%d given)", nargs + nkw);
    for (int i = 0; i < nkw; i++) {
        if (kw_is(kwnames, (size_t)i, "start") && !start)
            start = args[nargs + i];
        else if (kw_is(kwnames, (size_t)i, "iterable") && !iterable)
            iterable = args[nargs + i];
        else
            return rt_raise(EXC(TypeError), "'%s' is an invalid keyword argument for enumerate()",
                            AS_STR(kwnames->items[i])->s);
    }
    if (!iterable)
        return rt_raise(EXC(TypeError), "enumerate() missing required argument 'iterable'");
    IterObj *en = (IterObj *)iter_new(t ? t : &type_enumerate, IT_ENUMERATE, NULL);
    if (!en)
        return NULL;
    Obj *sit = NULL, *pair = NULL;
    if ((start && !index_arg(start, &en->index)) || !(sit = obj_iter(iterable))) {
        DECREF(en);
        return NULL;
    }
    put(&en->seq, sit, OWN_SEQ(en));
    if (!(pair = tuple_pack(2, Py_None, Py_None))) {
        DECREF(en);
        return NULL;
    }
    put(&en->func, pair, OWN_FUNC(en));
    return &en->h;
}

/* A tuple of iter(x) for each x (CPython's ittuple / iters). */
static Obj *iterators_of(Obj **args, int n)
{
    Obj *its = tuple_new((size_t)n);
    for (int i = 0; its && i < n; i++) {
        Obj *it = obj_iter(args[i]);
        if (!it) {
            DECREF(its);
            return NULL;
        }
        put(&AS_TUPLE(its)->items[i], it, TSLOT(its, i));
    }
    return its;
}

/* zip(*iterables, strict=False) */
Obj *zip_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    bool strict = false;
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        if (!kw_is(kwnames, i, "strict"))
            return rt_raise(EXC(TypeError), "'%s' is an invalid keyword argument for zip()",
                            AS_STR(kwnames->items[i])->s);
        int v = obj_truth(args[nargs + (int)i]);
        if (v < 0)
            return NULL;
        strict = v;
    }
    Obj *its = iterators_of(args, nargs);
    if (!its)
        return NULL;
    Obj *result = tuple_new((size_t)nargs);
    for (int i = 0; result && i < nargs; i++) {
        AS_TUPLE(result)->items[i] = Py_None;
        ref_inc(Py_None, TSLOT(result, i));
    }
    IterObj *z = result ? (IterObj *)iter_new(t ? t : &type_zip, IT_ZIP, NULL) : NULL;
    if (!z) {
        XDECREF(result);
        DECREF(its);
        return NULL;
    }
    put((Obj **)&z->its, its, OWN_ITS(z));
    put(&z->func, result, OWN_FUNC(z));
    z->stop = strict;
    return &z->h;
}

/* map(func, *iterables) */
Obj *map_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    if (kwnames && kwnames->len)
        return rt_raise(EXC(TypeError), "map() takes no keyword arguments");
    if (nargs < 2)
        return rt_raise(EXC(TypeError), "map() must have at least two arguments.");
    Obj *its = iterators_of(args + 1, nargs - 1);
    if (!its)
        return NULL;
    IterObj *m = (IterObj *)iter_new(t ? t : &type_map, IT_MAP, NULL);
    if (!m) {
        DECREF(its);
        return NULL;
    }
    put((Obj **)&m->its, its, OWN_ITS(m));
    m->func = args[0];
    ref_inc(args[0], OWN_FUNC(m));
    return &m->h;
}

/* filter(function or None, iterable) */
Obj *filter_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    if (kwnames && kwnames->len)
        return rt_raise(EXC(TypeError), "filter() takes no keyword arguments");
    if (nargs != 2)
        return rt_raise(EXC(TypeError), "filter expected 2 arguments, got %d", nargs);
    Obj *sit = obj_iter(args[1]);
    if (!sit)
        return NULL;
    IterObj *f = (IterObj *)iter_new(t ? t : &type_filter, IT_FILTER, NULL);
    if (!f) {
        DECREF(sit);
        return NULL;
    }
    f->func = args[0];
    ref_inc(args[0], OWN_FUNC(f));
    put(&f->seq, sit, OWN_SEQ(f));
    return &f->h;
}

/* reversed(seq): the sequence's own reverse iterator when it has one
 * (list, range, dict and its views, a class's __reversed__), else the
 * generic one over len() and indexing. */
Obj *reversed_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    if (kwnames && kwnames->len)
        return rt_raise(EXC(TypeError), "reversed() takes no keyword arguments");
    if (nargs != 1)
        return rt_raise(EXC(TypeError), "reversed expected 1 argument, got %d", nargs);
    Obj *seq = args[0];
    switch (seq->kind) {
    case K_LIST:
        return iter_new(&type_list_reverseiterator, IT_REVERSED, seq);
    case K_RANGE: {
        IterObj *it = (IterObj *)iter_new(&type_range_iterator, IT_RANGE, seq);
        RangeObj *r = (RangeObj *)seq;
        if (it) {
            it->index = range_item(r, r->len - 1);
            it->step = (int64_t)(0 - (uint64_t)r->step);
        }
        return it ? &it->h : NULL;
    }
    case K_TUPLE: case K_STR: {
        IterObj *it = (IterObj *)iter_new(&type_reversed, IT_REVERSED, seq);
        if (it)
            it->index = (IS(seq, K_TUPLE) ? (int64_t)AS_TUPLE(seq)->len : (int64_t)AS_STR(seq)->nchars) - 1;
        return it ? &it->h : NULL;
    }
    case K_DICT: case K_ITER: {
        if (IS(seq, K_ITER) && !is_view(seq))
            break;
        IterKind k = IS(seq, K_DICT) ? IT_DICT_KEYS
                   : (IterKind)(IT_DICT_KEYS + (((IterObj *)seq)->ikind - IT_DICTVIEW_KEYS));
        IterObj *it = (IterObj *)iter_new(NULL, k, seq);
        if (it) {
            it->step = -1;
            it->index = (int64_t)AS_DICT(it->seq)->t.nentries - 1;
        }
        return it ? &it->h : NULL;
    }
    case K_INSTANCE: {
        Obj *m = type_lookup(TYPE(seq), str_intern("__reversed__"));
        if (m && m != Py_None)
            return obj_call(m, &seq, 1, NULL);
        if (!m && type_lookup(TYPE(seq), str_intern("__getitem__")) &&
            type_lookup(TYPE(seq), str_intern("__len__"))) {
            int64_t n = obj_len(seq);
            if (n < 0)
                return NULL;
            IterObj *it = (IterObj *)iter_new(&type_reversed, IT_REVERSED, seq);
            if (it)
                it->index = n - 1;
            return it ? &it->h : NULL;
        }
        break;
    }
    default:
        break;
    }
    return rt_raise(EXC(TypeError), "'%s' object is not reversible", type_name(seq));
}
