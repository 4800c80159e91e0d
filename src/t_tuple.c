/* t_tuple: the tuple type, and seq_getslice (slices of lists, tuples and
 * strings, built through each type's public constructor).
 *
 * A tuple is allocated at its final size (sys.getsizeof: 40 + 8 per item,
 * GC head included); item i is owned by OWNER(OWN_SLOT, tuple, i). The
 * empty tuple is the shared empty_tuple, and as in CPython a tuple is
 * returned unchanged where a copy could not be told apart: tuple(t),
 * t[:], t * 1, t + (). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "ops.h"
#include "types.h"
#include "xmem.h"

enum { TUPLE_BASIC = 40 };
#define SLOT(t, i) OWNER(OWN_SLOT, (t)->h.addr, (i), NULL)
#define MAX_TUPLE_ITEMS ((UINT32_MAX - TUPLE_BASIC) / sizeof(Obj *))

static bool is_int(const Obj *o) { return IS(o, K_INT) || IS(o, K_BOOL); }

/* The empty tuple lives in static storage with a valid header from the
 * start; it gets its simulated address with the first tuple made (the
 * runtime's first dict makes one while starting, see t_dict.c). Like
 * CPython's it is a GC type but never tracked. */
static TupleObj empty_storage = {
    .h = {.refcnt = 1, .type = &type_tuple, .kind = K_TUPLE, .flags = OF_IMMORTAL},
};
TupleObj *empty_tuple = &empty_storage;

static Obj *empty(void)
{
    if (empty_storage.h.addr == 0)
        heap_alloc_static(&empty_storage.h, TUPLE_BASIC, true);
    return ref_new(&empty_storage.h);
}

typedef struct { char *p; size_t len, cap; } Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    xgrow((void **)&b->p, &b->cap, b->len + n + 1, 1);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* ---------- construction ---------- */

/* A tuple of type `type` with len NULL items (len > 0). */
static TupleObj *tuple_alloc(TypeObj *type, size_t len)
{
    if (len > MAX_TUPLE_ITEMS) {
        rt_no_memory();
        return NULL;
    }
    /* the items live right after the struct, as in CPython's tuple */
    TupleObj *t = (TupleObj *)obj_alloc(K_TUPLE, type, sizeof(TupleObj) + len * sizeof(Obj *),
                                        (uint32_t)(TUPLE_BASIC + len * sizeof(Obj *)));
    if (!t)
        return NULL;
    t->items = (Obj **)(t + 1);
    t->len = len;
    obj_gc_track(&t->h);
    return t;
}

Obj *tuple_new(size_t len)
{
    if (len == 0)
        return empty();
    TupleObj *t = tuple_alloc(&type_tuple, len);
    return t ? &t->h : NULL;
}

Obj *tuple_pack(int n, ...)
{
    Obj *o = tuple_new((size_t)n);
    if (!o || n == 0)
        return o;
    TupleObj *t = AS_TUPLE(o);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        t->items[i] = va_arg(ap, Obj *);
        ref_inc(t->items[i], SLOT(t, i));
    }
    va_end(ap);
    return o;
}

/* A tuple of `type` holding copies of items[0..n) (new references). */
static Obj *tuple_from_array(TypeObj *type, Obj **items, size_t n)
{
    if (n == 0 && type == &type_tuple)
        return empty();
    TupleObj *t = tuple_alloc(type, n);
    if (!t)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        t->items[i] = items[i];
        ref_inc(items[i], SLOT(t, i));
    }
    return &t->h;
}

/* PySequence_Tuple. A tuple is itself; a list is copied; other iterables
 * are drained first and the tuple allocated at the exact final size
 * (CPython allocates by the length hint and resizes, which only moves
 * where the block lands). */
static Obj *tuple_of(TypeObj *type, Obj *v)
{
    if (IS(v, K_TUPLE) && TYPE(v) == &type_tuple && type == &type_tuple)
        return ref_new(v);
    if (IS(v, K_LIST) || IS(v, K_TUPLE)) {
        bool list = IS(v, K_LIST);
        return tuple_from_array(type, list ? AS_LIST(v)->items : AS_TUPLE(v)->items,
                                list ? AS_LIST(v)->len : AS_TUPLE(v)->len);
    }
    Obj *it = obj_iter(v);
    if (!it)
        return NULL;
    Obj **items = NULL;
    size_t n = 0, cap = 0;
    Obj *x;
    while ((x = iter_next(it))) {
        xgrow((void **)&items, &cap, n + 1, sizeof(Obj *));
        items[n++] = x;
    }
    DECREF(it);
    Obj *res = NULL;
    if (!rt_error_occurred()) {
        if (n == 0 && type == &type_tuple) {
            res = empty();
        } else {
            TupleObj *t = tuple_alloc(type, n);
            if (t) {
                for (size_t i = 0; i < n; i++) {
                    t->items[i] = items[i];
                    ref_move(items[i], OWN_TEMP, SLOT(t, i));
                }
                n = 0;
                res = &t->h;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        DECREF(items[i]);
    free(items);
    return res;
}

Obj *tuple_from_iter(Obj *iterable) { return tuple_of(&type_tuple, iterable); }

Obj *tuple_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    if (!t)
        t = &type_tuple;
    if (kwnames && kwnames->len)
        return rt_raise(EXC(TypeError), "tuple() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise(EXC(TypeError), "tuple expected at most 1 argument, got %d", nargs);
    if (nargs == 0) {
        if (t == &type_tuple)
            return empty();
        return tuple_from_array(t, NULL, 0);
    }
    return tuple_of(t, args[0]);
}

/* ---------- kind operations ---------- */

void tuple_traverse(Obj *o, VisitFn visit, void *arg)
{
    TupleObj *t = AS_TUPLE(o);
    for (size_t i = 0; i < t->len; i++)
        if (t->items[i])
            visit(&t->items[i], SLOT(t, i), arg);
}

/* tupledealloc's order: from the last item to the first. CPython tuples
 * have no tp_clear; this one also serves deallocation and leaves NULLs. */
void tuple_clear(Obj *o)
{
    TupleObj *t = AS_TUPLE(o);
    for (size_t i = t->len; i-- > 0;) {
        Obj *x = t->items[i];
        t->items[i] = NULL;
        ref_xdec(x, SLOT(t, i));
    }
}

void tuple_finish(Obj *o)
{
    AS_TUPLE(o)->items = NULL; /* inline storage: freed with the object */
}

size_t tuple_size(Obj *o) { return TUPLE_BASIC + AS_TUPLE(o)->len * sizeof(Obj *); }

int64_t tuple_len(Obj *o) { return (int64_t)AS_TUPLE(o)->len; }

Obj *tuple_iter(Obj *o) { return iter_new(&type_tuple_iterator, IT_SEQ, o); }

Obj *tuple_repr(Obj *o)
{
    TupleObj *t = AS_TUPLE(o);
    if (t->len == 0)
        return str_from_c("()");
    int r = rt_repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_c("(...)") : NULL;
    Buf b = {0};
    buf_add(&b, "(", 1);
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0)
            buf_add(&b, ", ", 2);
        Obj *s = obj_repr(t->items[i] ? t->items[i] : Py_None);
        if (!s) {
            rt_repr_leave(o);
            free(b.p);
            return NULL;
        }
        buf_add(&b, AS_STR(s)->s, AS_STR(s)->len);
        DECREF(s);
    }
    buf_add(&b, t->len == 1 ? ",)" : ")", t->len == 1 ? 2 : 1);
    rt_repr_leave(o);
    Obj *res = str_new(b.p, b.len);
    free(b.p);
    return res;
}

Obj *tuple_getitem(Obj *o, Obj *key)
{
    TupleObj *t = AS_TUPLE(o);
    if (obj_index_like(key)) {
        int64_t i;
        if (!int_as_subscript(key, &i))
            return NULL;
        if (i < 0)
            i += (int64_t)t->len;
        if (i < 0 || (uint64_t)i >= t->len)
            return rt_raise(EXC(IndexError), "tuple index out of range");
        return ref_new(t->items[i] ? t->items[i] : Py_None);
    }
    if (IS(key, K_SLICE))
        return seq_getslice(o, key);
    return rt_raise(EXC(TypeError), "tuple indices must be integers or slices, not %s", type_name(key));
}

int tuple_contains(Obj *o, Obj *x)
{
    TupleObj *t = AS_TUPLE(o);
    for (size_t i = 0; i < t->len; i++) {
        int r = obj_eq(t->items[i], x);
        if (r != 0)
            return r;
    }
    return 0;
}

/* The xxHash-based tuplehash of CPython 3.8+. */
bool tuple_hash(Obj *o, int64_t *out)
{
    const uint64_t prime1 = 11400714785074694791ull, prime2 = 14029467366897019727ull,
                   prime5 = 2870177450012600261ull;
    TupleObj *t = AS_TUPLE(o);
    uint64_t acc = prime5;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h;
        if (!obj_hash(t->items[i], &h))
            return false;
        acc += (uint64_t)h * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += (uint64_t)t->len ^ (prime5 ^ 3527539ull);
    *out = acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
    return true;
}

/* ---------- operators ---------- */

static bool defines(Obj *o, const char *name)
{
    return IS(o, K_INSTANCE) && type_lookup(TYPE(o), str_intern(name)) != NULL;
}

static Obj *tuple_concat(TupleObj *a, TupleObj *b)
{
    if (b->len == 0 && TYPE(&a->h) == &type_tuple)
        return ref_new(&a->h);
    if (a->len == 0 && TYPE(&b->h) == &type_tuple)
        return ref_new(&b->h);
    size_t n = a->len + b->len;
    Obj *o = tuple_new(n);
    if (!o || n == 0)
        return o;
    TupleObj *t = AS_TUPLE(o);
    for (size_t i = 0; i < n; i++) {
        t->items[i] = i < a->len ? a->items[i] : b->items[i - a->len];
        ref_inc(t->items[i], SLOT(t, i));
    }
    return o;
}

static Obj *tuple_repeat(TupleObj *a, int64_t n)
{
    if ((a->len == 0 || n == 1) && TYPE(&a->h) == &type_tuple)
        return ref_new(&a->h);
    if (a->len == 0 || n <= 0)
        return empty();
    if (a->len > MAX_TUPLE_ITEMS / (uint64_t)n)
        return rt_no_memory();
    size_t size = a->len * (size_t)n;
    Obj *o = tuple_new(size);
    if (!o)
        return NULL;
    TupleObj *t = AS_TUPLE(o);
    for (size_t i = 0; i < size; i++) {
        t->items[i] = a->items[i % a->len];
        ref_inc(t->items[i], SLOT(t, i));
    }
    return o;
}

/* Tuples have no in-place operators: += and *= build new tuples. */
Obj *tuple_binop(Obj *a, Obj *b, int op, bool inplace)
{
    (void)inplace;
    if (op == OP_ADD) {
        if (!IS(a, K_TUPLE))
            return ref_new(Py_NotImplemented);
        if (IS(b, K_TUPLE))
            return tuple_concat(AS_TUPLE(a), AS_TUPLE(b));
        if (defines(b, "__radd__"))
            return ref_new(Py_NotImplemented);
        return rt_raise(EXC(TypeError), "can only concatenate tuple (not \"%s\") to tuple", type_name(b));
    }
    if (op == OP_MUL) {
        Obj *seq = IS(a, K_TUPLE) ? a : b;
        Obj *count = seq == a ? b : a;
        if (!is_int(count)) {
            if (IS(count, K_INSTANCE))
                return ref_new(Py_NotImplemented);
            return rt_raise(EXC(TypeError), "can't multiply sequence by non-int of type '%s'", type_name(count));
        }
        int64_t n;
        if (!int_as_index(count, &n))
            return NULL;
        return tuple_repeat(AS_TUPLE(seq), n);
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

/* tuplerichcompare: equal prefixes are skipped, the first differing items
 * decide (no length shortcut, unlike lists). */
Obj *tuple_compare(Obj *a, Obj *b, int op)
{
    if (!IS(a, K_TUPLE) || !IS(b, K_TUPLE) || op > CMP_GE)
        return ref_new(Py_NotImplemented);
    TupleObj *v = AS_TUPLE(a), *w = AS_TUPLE(b);
    size_t i;
    for (i = 0; i < v->len && i < w->len; i++) {
        int k = obj_eq(v->items[i], w->items[i]);
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

/* ---------- slicing (lists, tuples, strings) ---------- */

static size_t utf8_put(char *p, uint32_t cp)
{
    if (cp < 0x80) {
        p[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        p[0] = (char)(0xC0 | (cp >> 6));
        p[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        p[0] = (char)(0xE0 | (cp >> 12));
        p[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        p[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    p[0] = (char)(0xF0 | (cp >> 18));
    p[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    p[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    p[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* unicode_subscript: "" shared, s itself for a full slice, one-character
 * results shared as str_char makes them. */
static Obj *str_slice(StrObj *s, int64_t start, int64_t step, int64_t n)
{
    if (n <= 0)
        return ref_new(&empty_str->h);
    if (start == 0 && step == 1 && (size_t)n == s->nchars)
        return ref_new(&s->h);
    if (n == 1)
        return str_char(str_char_at(s, (size_t)start));
    bool ascii = s->len == s->nchars;
    char *buf = xmalloc((size_t)n * (ascii ? 1 : 4));
    size_t len = 0;
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        if (ascii)
            buf[len++] = s->s[i];
        else
            len += utf8_put(buf + len, str_char_at(s, (size_t)i));
    }
    Obj *r = str_new(buf, len);
    free(buf);
    return r;
}

/* list_subscript / tuplesubscript / unicode_subscript for a slice key.
 * List slices get exactly as many slots as items. */
Obj *seq_getslice(Obj *o, Obj *slice)
{
    int64_t len;
    switch (o->kind) {
    case K_RANGE: return range_getitem(o, slice);
    case K_LIST: len = (int64_t)AS_LIST(o)->len; break;
    case K_TUPLE: len = (int64_t)AS_TUPLE(o)->len; break;
    case K_STR: len = (int64_t)AS_STR(o)->nchars; break;
    default:
        return rt_raise(EXC(TypeError), "'%s' object is not subscriptable", type_name(o));
    }
    int64_t start, stop, step, n;
    if (slice_indices(slice, len, &start, &stop, &step, &n) < 0)
        return NULL;
    if (IS(o, K_STR))
        return str_slice(AS_STR(o), start, step, n);
    if (IS(o, K_LIST)) {
        if (n <= 0)
            return list_new(0);
        ListObj *l = AS_LIST(o);
        ListObj *r = (ListObj *)list_new_capacity(0, (size_t)n);
        if (!r)
            return NULL;
        for (int64_t k = 0, i = start; k < n; k++, i += step) {
            r->items[k] = l->items[i];
            ref_inc(r->items[k], OWNER(OWN_SLOT, r->h.addr, k, NULL));
        }
        r->len = (size_t)n;
        return &r->h;
    }
    TupleObj *t = AS_TUPLE(o);
    if (n <= 0)
        return empty();
    if (start == 0 && step == 1 && n == len && TYPE(o) == &type_tuple)
        return ref_new(o);
    TupleObj *r = AS_TUPLE(tuple_new((size_t)n));
    if (!r)
        return NULL;
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        r->items[k] = t->items[i];
        ref_inc(r->items[k], SLOT(r, k));
    }
    return &r->h;
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

static bool slice_index_arg(Obj *o, int64_t *out)
{
    if (!is_int(o)) {
        rt_raise(EXC(TypeError), "slice indices must be integers or have an __index__ method");
        return false;
    }
    return int_as_clamped(o, out);
}

static bool is_tuple(Obj *self, const char *name)
{
    if (self && IS(self, K_TUPLE))
        return true;
    rt_raise(EXC(TypeError), "descriptor '%s' for 'tuple' objects doesn't apply to a '%s' object",
             name, self ? type_name(self) : "NoneType");
    return false;
}

/* index(value, start=0, stop=sys.maxsize, /) */
static Obj *m_index(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_tuple(self, "index") || !no_kw("tuple.index", kw))
        return NULL;
    if (nargs < 1)
        return rt_raise(EXC(TypeError), "index expected at least 1 argument, got %d", nargs);
    if (nargs > 3)
        return rt_raise(EXC(TypeError), "index expected at most 3 arguments, got %d", nargs);
    TupleObj *t = AS_TUPLE(self);
    int64_t start = 0, stop = INT64_MAX, n = (int64_t)t->len;
    if (nargs > 1 && !slice_index_arg(args[1], &start))
        return NULL;
    if (nargs > 2 && !slice_index_arg(args[2], &stop))
        return NULL;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += n;
    } else if (stop > n) {
        stop = n;
    }
    for (int64_t i = start; i < stop; i++) {
        int r = obj_eq(t->items[i], args[0]);
        if (r < 0)
            return NULL;
        if (r > 0)
            return int_new(i);
    }
    return rt_raise(EXC(ValueError), "tuple.index(x): x not in tuple");
}

static Obj *m_count(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!is_tuple(self, "count") || !no_kw("tuple.count", kw))
        return NULL;
    if (nargs != 1)
        return rt_raise(EXC(TypeError), "tuple.count() takes exactly one argument (%d given)", nargs);
    TupleObj *t = AS_TUPLE(self);
    int64_t count = 0;
    for (size_t i = 0; i < t->len; i++) {
        int r = obj_eq(t->items[i], args[0]);
        if (r < 0)
            return NULL;
        count += r;
    }
    return int_new(count);
}

/* The functions check their own arguments with CPython's wording. */
#define METHOD(n, f, d) {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = true, .doc = d}
const BuiltinDef tuple_methods[] = {
    METHOD("index", m_index, "index(value, start=0, stop=sys.maxsize, /)"),
    METHOD("count", m_count, "count(value, /)"),
    {0},
};
