/* t_num: None, bool, int (64-bit) and float, with CPython 3.11's results. */
#include <math.h>
#include <string.h>

#include "fmt.h"
#include "heap.h"
#include "types.h"

Obj *Py_None, *Py_True, *Py_False, *Py_NotImplemented;

enum { SMALL_MIN = -5, SMALL_MAX = 256 };
static Obj *small_ints[SMALL_MAX - SMALL_MIN + 1];

/* sys.getsizeof of an int: 24 + 4 per 30-bit digit (3.11 gives 0 one). */
static uint32_t int_bytes(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint32_t n = 28;
    while (m >>= 30)
        n += 4;
    return n;
}

void num_init(void)
{
    Py_None = obj_alloc_static(K_NONE, &type_none, sizeof(Obj), 16);
    Py_NotImplemented = obj_alloc_static(K_NONE, &type_NotImplemented, sizeof(Obj), 16);
    Py_False = obj_alloc_static(K_BOOL, &type_bool, sizeof(IntObj), 28);
    Py_True = obj_alloc_static(K_BOOL, &type_bool, sizeof(IntObj), 28);
    AS_INT(Py_True) = 1;
    for (int v = SMALL_MIN; v <= SMALL_MAX; v++) {
        Obj *o = obj_alloc_static(K_INT, &type_int, sizeof(IntObj), int_bytes(v));
        AS_INT(o) = v;
        small_ints[v - SMALL_MIN] = o;
    }
}

Obj *int_new(int64_t v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX)
        return ref_new(small_ints[v - SMALL_MIN]);
    Obj *o = obj_alloc(K_INT, &type_int, sizeof(IntObj), int_bytes(v));
    if (o)
        AS_INT(o) = v;
    return o;
}

Obj *bool_new(bool b) { return ref_new(b ? Py_True : Py_False); }

Obj *float_new(double v)
{
    Obj *o = obj_alloc(K_FLOAT, &type_float, sizeof(FloatObj), 24);
    if (o)
        AS_FLOAT(o) = v;
    return o;
}

/* ---------- kind ops ---------- */
void int_traverse(Obj *o, VisitFn visit, void *arg) { (void)o, (void)visit, (void)arg; }
void int_clear(Obj *o) { (void)o; }
void int_finish(Obj *o) { (void)o; }
size_t int_size(Obj *o) { return int_bytes(AS_INT(o)); }
void float_traverse(Obj *o, VisitFn visit, void *arg) { (void)o, (void)visit, (void)arg; }
void float_clear(Obj *o) { (void)o; }
void float_finish(Obj *o) { (void)o; }
size_t float_size(Obj *o) { (void)o; return 24; }

/* ---------- errors from fmt ---------- */
static Obj *raise_status(FmtStatus st, FmtBuf *err)
{
    TypeObj *t = st == FMT_EZERODIV ? EXC(ZeroDivisionError)
               : st == FMT_EOVERFLOW ? EXC(OverflowError)
               : st == FMT_EMEMORY ? EXC(MemoryError)
                                   : EXC(ValueError);
    rt_raise(t, "%s", fmt_buf_cstr(err));
    fmt_buf_free(err);
    return NULL;
}

static Obj *str_from_buf(FmtBuf *b)
{
    Obj *s = str_new(fmt_buf_cstr(b), b->len);
    fmt_buf_free(b);
    return s;
}

Obj *int_repr(Obj *o)
{
    if (IS(o, K_BOOL))
        return str_from_c(AS_INT(o) ? "True" : "False");
    FmtBuf b = FMT_BUF_INIT;
    fmt_int_str(AS_INT(o), &b);
    return str_from_buf(&b);
}

Obj *float_repr(Obj *o)
{
    FmtBuf b = FMT_BUF_INIT;
    fmt_float_repr(AS_FLOAT(o), &b);
    return str_from_buf(&b);
}

/* ---------- arithmetic ---------- */
static bool is_num(Obj *o) { return IS(o, K_INT) || IS(o, K_BOOL) || IS(o, K_FLOAT); }

static Obj *int_overflow(void) { return rt_raise(EXC(OverflowError), "%s", FMT_MSG_INT_RANGE); }

static Obj *float_op(double x, double y, int op)
{
    FmtBuf err = FMT_BUF_INIT;
    FmtStatus st = FMT_OK;
    double r = 0;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_TRUEDIV: st = fmt_float_truediv(x, y, &r, &err); break;
    case OP_FLOORDIV: st = fmt_float_floordiv(x, y, &r, &err); break;
    case OP_MOD: st = fmt_float_mod(x, y, &r, &err); break;
    case OP_POW: st = fmt_float_pow(x, y, &r, &err); break;
    default: return ref_new(Py_NotImplemented);
    }
    if (st != FMT_OK)
        return raise_status(st, &err);
    return float_new(r);
}

static Obj *int_op(int64_t a, int64_t b, int op, bool both_bool)
{
    FmtBuf err = FMT_BUF_INIT;
    FmtStatus st = FMT_OK;
    int64_t r = 0;
    switch (op) {
    case OP_ADD: if (fmt_int_add(a, b, &r)) return int_overflow(); break;
    case OP_SUB: if (fmt_int_sub(a, b, &r)) return int_overflow(); break;
    case OP_MUL: if (fmt_int_mul(a, b, &r)) return int_overflow(); break;
    case OP_FLOORDIV: st = fmt_int_floordiv(a, b, &r, &err); break;
    case OP_MOD: st = fmt_int_mod(a, b, &r, &err); break;
    case OP_TRUEDIV: {
        double d;
        st = fmt_int_truediv(a, b, &d, &err);
        if (st != FMT_OK)
            return raise_status(st, &err);
        return float_new(d);
    }
    case OP_POW: {
        FmtNum n;
        st = fmt_int_pow(a, b, &n, &err);
        if (st != FMT_OK)
            return raise_status(st, &err);
        return n.is_float ? float_new(n.f) : int_new(n.i);
    }
    case OP_LSHIFT: st = fmt_int_lshift(a, b, &r, &err); break;
    case OP_RSHIFT: st = fmt_int_rshift(a, b, &r, &err); break;
    case OP_AND_BITS: r = a & b; if (both_bool) return bool_new(r); break;
    case OP_OR_BITS: r = a | b; if (both_bool) return bool_new(r); break;
    case OP_XOR: r = a ^ b; if (both_bool) return bool_new(r); break;
    default: return ref_new(Py_NotImplemented);
    }
    if (st != FMT_OK)
        return raise_status(st, &err);
    return int_new(r);
}

Obj *num_binop(Obj *a, Obj *b, int op, bool inplace)
{
    (void)inplace;
    if (!is_num(a) || !is_num(b))
        return ref_new(Py_NotImplemented);
    if (IS(a, K_FLOAT) || IS(b, K_FLOAT)) {
        if (op >= OP_LSHIFT && op <= OP_XOR)
            return ref_new(Py_NotImplemented);
        double x = IS(a, K_FLOAT) ? AS_FLOAT(a) : (double)AS_INT(a);
        double y = IS(b, K_FLOAT) ? AS_FLOAT(b) : (double)AS_INT(b);
        return float_op(x, y, op);
    }
    return int_op(AS_INT(a), AS_INT(b), op, IS(a, K_BOOL) && IS(b, K_BOOL));
}

static bool cmp_result(int c, int cmpop)
{
    if (c == 2) /* nan */
        return cmpop == CMP_NE;
    switch (cmpop) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

Obj *num_compare(Obj *a, Obj *b, int cmpop)
{
    if (!is_num(a) || !is_num(b))
        return ref_new(Py_NotImplemented);
    int c;
    if (!IS(a, K_FLOAT) && !IS(b, K_FLOAT)) {
        int64_t x = AS_INT(a), y = AS_INT(b);
        c = x < y ? -1 : x > y;
    } else if (IS(a, K_FLOAT) && IS(b, K_FLOAT)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        c = isnan(x) || isnan(y) ? 2 : x < y ? -1 : x > y;
    } else if (IS(a, K_FLOAT)) {
        c = fmt_int_float_cmp(AS_INT(b), AS_FLOAT(a));
        if (c != 2)
            c = -c;
    } else {
        c = fmt_int_float_cmp(AS_INT(a), AS_FLOAT(b));
    }
    return bool_new(cmp_result(c, cmpop));
}

Obj *num_unary(Obj *a, int op)
{
    if (IS(a, K_FLOAT)) {
        if (op == OP_NEG)
            return float_new(-AS_FLOAT(a));
        if (op == OP_POS)
            return float_new(AS_FLOAT(a));
        return ref_new(Py_NotImplemented);
    }
    if (!IS(a, K_INT) && !IS(a, K_BOOL))
        return ref_new(Py_NotImplemented);
    int64_t v = AS_INT(a), r;
    switch (op) {
    case OP_NEG:
        if (fmt_int_neg(v, &r))
            return int_overflow();
        return int_new(r);
    case OP_POS:
        if (IS(a, K_INT))
            return ref_new(a);
        return int_new(v);
    case OP_INVERT:
        return int_new(~v);
    default:
        return ref_new(Py_NotImplemented);
    }
}

bool num_hash(Obj *o, int64_t *out)
{
    *out = IS(o, K_FLOAT) ? fmt_hash_float(AS_FLOAT(o)) : fmt_hash_int(AS_INT(o));
    return true;
}

/* ---------- constructors ---------- */
Obj *int_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    Obj *base_obj = arg_kw(args, nargs, kwnames, "base");
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (nargs > 2 || nkw > (base_obj ? 1 : 0))
        return rt_raise(EXC(TypeError), "int() takes at most 2 arguments (%d given)", nargs + nkw);
    if (nargs == 2)
        base_obj = args[1];
    if (nargs == 0)
        return base_obj ? rt_raise(EXC(TypeError), "int() missing string argument") : int_new(0);
    Obj *x = args[0];
    FmtBuf err = FMT_BUF_INIT;
    if (base_obj) {
        int64_t base;
        if (!int_as_index(base_obj, &base))
            return NULL;
        if (!IS(x, K_STR))
            return rt_raise(EXC(TypeError), "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            return rt_raise(EXC(ValueError), "int() base must be >= 2 and <= 36, or 0");
        int64_t v;
        FmtStatus st = fmt_parse_int(AS_STR(x)->s, AS_STR(x)->len, (int)base, &v, &err);
        return st == FMT_OK ? int_new(v) : raise_status(st, &err);
    }
    switch (x->kind) {
    case K_INT:
        return ref_new(x);
    case K_BOOL:
        return int_new(AS_INT(x));
    case K_FLOAT: {
        int64_t v;
        FmtStatus st = fmt_float_to_int(AS_FLOAT(x), &v, &err);
        return st == FMT_OK ? int_new(v) : raise_status(st, &err);
    }
    case K_STR: {
        int64_t v;
        FmtStatus st = fmt_parse_int(AS_STR(x)->s, AS_STR(x)->len, 10, &v, &err);
        return st == FMT_OK ? int_new(v) : raise_status(st, &err);
    }
    default:
        return rt_raise(EXC(TypeError),
                        "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        type_name(x));
    }
}

Obj *float_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    if (arg_no_kwargs("float", kwnames) < 0)
        return NULL;
    if (nargs > 1)
        return rt_raise(EXC(TypeError), "float expected at most 1 argument, got %d", nargs);
    if (nargs == 0)
        return float_new(0.0);
    Obj *x = args[0];
    switch (x->kind) {
    case K_FLOAT:
        return ref_new(x);
    case K_INT:
    case K_BOOL:
        return float_new((double)AS_INT(x));
    case K_STR: {
        FmtBuf err = FMT_BUF_INIT;
        double d;
        FmtStatus st = fmt_parse_float(AS_STR(x)->s, AS_STR(x)->len, &d, &err);
        return st == FMT_OK ? float_new(d) : raise_status(st, &err);
    }
    default:
        return rt_raise(EXC(TypeError), "float() argument must be a string or a real number, not '%s'",
                        type_name(x));
    }
}

Obj *bool_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    if (arg_no_kwargs("bool", kwnames) < 0)
        return NULL;
    if (nargs > 1)
        return rt_raise(EXC(TypeError), "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0)
        return bool_new(false);
    int v = obj_truth(args[0]);
    return v < 0 ? NULL : bool_new(v);
}

bool int_as_index(Obj *o, int64_t *out)
{
    if (IS(o, K_INT) || IS(o, K_BOOL)) {
        *out = AS_INT(o);
        return true;
    }
    rt_raise(EXC(TypeError), "'%s' object cannot be interpreted as an integer", type_name(o));
    return false;
}

static Obj *int_bit_length(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args, (void)nargs, (void)kw;
    int64_t v = AS_INT(self);
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = 0;
    while (m) {
        n++;
        m >>= 1;
    }
    return int_new(n);
}

static Obj *float_is_integer(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args, (void)nargs, (void)kw;
    double d = AS_FLOAT(self);
    return bool_new(isfinite(d) && floor(d) == d);
}

const BuiltinDef int_methods[] = {
    {"bit_length", int_bit_length, 0, 0, false, NULL, false},
    {0},
};

const BuiltinDef float_methods[] = {
    {"is_integer", float_is_integer, 0, 0, false, NULL, false},
    {0},
};
