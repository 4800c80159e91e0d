/* t_num: None, bool, int and float, with CPython 3.11's results.
 *
 * An int whose value fits int64_t is computed in C (fmt's checked
 * operations). When such an operation overflows, or an operand is already
 * outside int64, it is redone in arbitrary precision (bigint.h); a result
 * that fits int64 again becomes an ordinary int, so the big form is only
 * ever seen on values that need it (obj.h's IntObj). */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "fmt.h"
#include "heap.h"
#include "types.h"
#include "vm.h"
#include "xmem.h"

Obj *Py_None, *Py_True, *Py_False, *Py_NotImplemented;

enum { SMALL_MIN = -5, SMALL_MAX = 256 };
static Obj *small_ints[SMALL_MAX - SMALL_MIN + 1];

#define MSG_STR_LIMIT                                                             \
    "Exceeds the limit (4300 digits) for integer string conversion; use "         \
    "sys.set_int_max_str_digits() to increase the limit"
#define MSG_TOO_LARGE_FLOAT "int too large to convert to float"

/* sys.getsizeof of an int64 int: 24 + 4 per 30-bit digit (3.11 gives 0 one). */
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

/* The digits live inside the object in CPython, so the object's simulated
 * block is its whole getsizeof (24 + 4 per digit): obj_alloc accounts the
 * digit storage against the heap limit, and a big int's address comes
 * from the size class of its real size. */
Obj *int_from_big(BigInt *b)
{
    int64_t v;
    if (big_to_i64(b, &v)) {
        big_free(b);
        return int_new(v);
    }
    Obj *o = obj_alloc(K_INT, &type_int, sizeof(IntObj), (uint32_t)big_sizeof(b));
    if (!o) {
        big_free(b);
        return NULL;
    }
    BigInt *own = xmalloc(sizeof *own);
    *own = *b;
    big_init(b);
    AS_BIG(o) = own;
    AS_INT(o) = own->sign < 0 ? INT64_MIN : INT64_MAX;
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

void int_finish(Obj *o)
{
    BigInt *b = AS_BIG(o);
    if (b) {
        big_free(b);
        free(b);
        AS_BIG(o) = NULL;
    }
}

size_t int_size(Obj *o) { return AS_BIG(o) ? big_sizeof(AS_BIG(o)) : int_bytes(AS_INT(o)); }
void float_traverse(Obj *o, VisitFn visit, void *arg) { (void)o, (void)visit, (void)arg; }
void float_clear(Obj *o) { (void)o; }
void float_finish(Obj *o) { (void)o; }
size_t float_size(Obj *o) { (void)o; return 24; }

/* ---------- errors ---------- */
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

/* The exception of a failed bigint operation; the messages of division by
 * zero and of float overflow depend on the operation. */
static Obj *raise_big(BigStatus st, const char *zerodiv, const char *overflow)
{
    switch (st) {
    case BIG_EZERODIV: return rt_raise(EXC(ZeroDivisionError), "%s", zerodiv);
    case BIG_EOVERFLOW: return rt_raise(EXC(OverflowError), "%s", overflow);
    case BIG_ELIMIT: return rt_raise(EXC(ValueError), MSG_STR_LIMIT);
    case BIG_ENOINVERSE:
        return rt_raise(EXC(ValueError), "base is not invertible for the given modulus");
    case BIG_EINVALID: return rt_raise(EXC(ValueError), "invalid literal for int()");
    default: return rt_no_memory(); /* BIG_ETOOBIG */
    }
}

static Obj *str_from_buf(FmtBuf *b)
{
    Obj *s = str_new(fmt_buf_cstr(b), b->len);
    fmt_buf_free(b);
    return s;
}

/* A read-only BigInt with the value of the int or bool o: its own, or tmp
 * filled in (the caller frees tmp either way). */
static const BigInt *big_of(Obj *o, BigInt *tmp)
{
    if (AS_BIG(o))
        return AS_BIG(o);
    big_from_i64(tmp, AS_INT(o));
    return tmp;
}

Obj *int_to_base_str(Obj *o, int base, bool prefix, bool upper)
{
    if (!AS_BIG(o)) {
        FmtBuf b = FMT_BUF_INIT;
        fmt_int_to_base(AS_INT(o), base, prefix, upper, &b);
        return str_from_buf(&b);
    }
    size_t n;
    BigStatus st;
    char *s = big_to_str(AS_BIG(o), base, prefix, upper, &n, &st);
    if (!s)
        return raise_big(st, "", "");
    Obj *r = str_new(s, n);
    free(s);
    return r;
}

Obj *int_repr(Obj *o)
{
    if (IS(o, K_BOOL))
        return str_from_c(AS_INT(o) ? "True" : "False");
    return int_to_base_str(o, 10, false, false);
}

Obj *float_repr(Obj *o)
{
    FmtBuf b = FMT_BUF_INIT;
    fmt_float_repr(AS_FLOAT(o), &b);
    return str_from_buf(&b);
}

bool int_as_double(Obj *o, double *out)
{
    if (!AS_BIG(o)) {
        *out = (double)AS_INT(o); /* rounds to nearest, ties to even */
        return true;
    }
    if (big_to_double(AS_BIG(o), out) != BIG_OK) {
        rt_raise(EXC(OverflowError), MSG_TOO_LARGE_FLOAT);
        return false;
    }
    return true;
}

bool int_format_big(Obj *v, const char *spec, size_t len, struct FmtBuf *out)
{
    FmtSpec f;
    FmtBuf err = FMT_BUF_INIT;
    int base = 10;
    FmtStatus st = fmt_spec_parse(spec, len, FMT_KIND_INT, NULL, &f, &err);
    if (st == FMT_OK)
        st = fmt_spec_int_plan(&f, NULL, &base, &err);
    if (st == FMT_OK && base == 0) {
        double x;
        if (!int_as_double(v, &x)) {
            fmt_buf_free(&err);
            return false;
        }
        st = fmt_spec_int_text(false, NULL, 0, x, &f, out, &err);
    } else if (st == FMT_OK) {
        size_t n;
        BigStatus bst;
        char *s = big_to_str(AS_BIG(v), base, false, f.type == 'X', &n, &bst);
        if (!s) {
            fmt_buf_free(&err);
            raise_big(bst, "", "");
            return false;
        }
        bool neg = s[0] == '-';
        st = fmt_spec_int_text(neg, s + neg, n - neg, 0, &f, out, &err);
        free(s);
    }
    if (st != FMT_OK) {
        raise_status(st, &err);
        return false;
    }
    fmt_buf_free(&err);
    return true;
}

/* ---------- arithmetic ---------- */
static bool is_num(Obj *o) { return IS(o, K_INT) || IS(o, K_BOOL) || IS(o, K_FLOAT); }

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

/* a op b in arbitrary precision, for ints of any size. */
static Obj *big_op(Obj *a, Obj *b, int op)
{
    BigInt ta = BIG_INIT, tb = BIG_INIT, r = BIG_INIT;
    const BigInt *x = big_of(a, &ta), *y = big_of(b, &tb);
    BigStatus st = BIG_OK;
    Obj *res = NULL;
    const char *zerodiv = "integer division or modulo by zero";
    const char *overflow = MSG_TOO_LARGE_FLOAT;
    int64_t n = 0;
    switch (op) {
    case OP_ADD: st = big_add(&r, x, y); break;
    case OP_SUB: st = big_sub(&r, x, y); break;
    case OP_MUL: st = big_mul(&r, x, y); break;
    case OP_FLOORDIV: st = big_divmod(&r, NULL, x, y); break;
    case OP_MOD:
        st = big_divmod(NULL, &r, x, y);
        zerodiv = "integer modulo by zero";
        break;
    case OP_TRUEDIV: {
        double d;
        st = big_truediv(x, y, &d);
        if (st == BIG_OK)
            res = float_new(d);
        zerodiv = "division by zero";
        overflow = "integer division result too large for a float";
        goto done;
    }
    case OP_POW:
        if (y->sign < 0) {
            /* CPython hands a negative exponent to float's ** */
            double fx, fy;
            if (int_as_double(a, &fx) && int_as_double(b, &fy))
                res = float_op(fx, fy, OP_POW);
            goto done;
        }
        st = big_pow(&r, x, y);
        break;
    case OP_LSHIFT:
    case OP_RSHIFT:
        if (y->sign < 0) {
            rt_raise(EXC(ValueError), "negative shift count");
            goto done;
        }
        if (!big_to_i64(y, &n)) {
            /* a count past int64: every bit of x shifts out, or the
             * result could not be stored anywhere */
            if (op == OP_RSHIFT)
                big_from_i64(&r, x->sign < 0 ? -1 : 0);
            else if (x->sign != 0) {
                rt_raise(EXC(OverflowError), "too many digits in integer");
                goto done;
            }
        } else if (op == OP_LSHIFT) {
            st = big_lshift(&r, x, (uint64_t)n);
        } else {
            big_rshift(&r, x, (uint64_t)n);
        }
        break;
    case OP_AND_BITS: big_and(&r, x, y); break;
    case OP_OR_BITS: big_or(&r, x, y); break;
    case OP_XOR: big_xor(&r, x, y); break;
    default:
        res = ref_new(Py_NotImplemented);
        goto done;
    }
    res = st == BIG_OK ? int_from_big(&r) : raise_big(st, zerodiv, overflow);
done:
    if (!res && st != BIG_OK && !rt_error_occurred())
        raise_big(st, zerodiv, overflow);
    big_free(&ta);
    big_free(&tb);
    big_free(&r);
    return res;
}

/* a op b of ints and bools: in int64 when both fit and the result does,
 * in arbitrary precision otherwise. */
static Obj *int_op(Obj *a, Obj *b, int op, bool both_bool)
{
    if (AS_BIG(a) || AS_BIG(b))
        return big_op(a, b, op);
    int64_t x = AS_INT(a), y = AS_INT(b);
    FmtBuf err = FMT_BUF_INIT;
    FmtStatus st = FMT_OK;
    int64_t r = 0;
    switch (op) {
    case OP_ADD: if (fmt_int_add(x, y, &r)) return big_op(a, b, op); break;
    case OP_SUB: if (fmt_int_sub(x, y, &r)) return big_op(a, b, op); break;
    case OP_MUL: if (fmt_int_mul(x, y, &r)) return big_op(a, b, op); break;
    case OP_FLOORDIV: st = fmt_int_floordiv(x, y, &r, &err); break;
    case OP_MOD: st = fmt_int_mod(x, y, &r, &err); break;
    case OP_TRUEDIV: {
        double d;
        st = fmt_int_truediv(x, y, &d, &err);
        if (st != FMT_OK)
            return raise_status(st, &err);
        return float_new(d);
    }
    case OP_POW: {
        FmtNum num;
        st = fmt_int_pow(x, y, &num, &err);
        if (st == FMT_OK)
            return num.is_float ? float_new(num.f) : int_new(num.i);
        break;
    }
    case OP_LSHIFT: st = fmt_int_lshift(x, y, &r, &err); break;
    case OP_RSHIFT: st = fmt_int_rshift(x, y, &r, &err); break;
    case OP_AND_BITS: r = x & y; if (both_bool) return bool_new(r); break;
    case OP_OR_BITS: r = x | y; if (both_bool) return bool_new(r); break;
    case OP_XOR: r = x ^ y; if (both_bool) return bool_new(r); break;
    default: return ref_new(Py_NotImplemented);
    }
    if (st == FMT_EOVERFLOW) {
        /* only an int64 result out of range (INT64_MIN // -1, a power, a
         * left shift): the exact value needs more bits */
        fmt_buf_free(&err);
        return big_op(a, b, op);
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
        if (op != OP_ADD && op != OP_SUB && op != OP_MUL && op != OP_TRUEDIV &&
            op != OP_FLOORDIV && op != OP_MOD && op != OP_POW)
            return ref_new(Py_NotImplemented);
        /* float's operators convert an int operand first, and an int
         * beyond the double range fails there */
        double x, y;
        if (IS(a, K_FLOAT))
            x = AS_FLOAT(a);
        else if (!int_as_double(a, &x))
            return NULL;
        if (IS(b, K_FLOAT))
            y = AS_FLOAT(b);
        else if (!int_as_double(b, &y))
            return NULL;
        return float_op(x, y, op);
    }
    return int_op(a, b, op, IS(a, K_BOOL) && IS(b, K_BOOL));
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

/* int i against float x exactly: -1, 0, 1, or 2 for nan. */
static int int_float_cmp(Obj *i, double x)
{
    return AS_BIG(i) ? big_cmp_double(AS_BIG(i), x) : fmt_int_float_cmp(AS_INT(i), x);
}

Obj *num_compare(Obj *a, Obj *b, int cmpop)
{
    if (!is_num(a) || !is_num(b))
        return ref_new(Py_NotImplemented);
    int c;
    if (!IS(a, K_FLOAT) && !IS(b, K_FLOAT)) {
        if (AS_BIG(a) || AS_BIG(b)) {
            BigInt ta = BIG_INIT, tb = BIG_INIT;
            c = big_cmp(big_of(a, &ta), big_of(b, &tb));
            big_free(&ta);
            big_free(&tb);
        } else {
            int64_t x = AS_INT(a), y = AS_INT(b);
            c = x < y ? -1 : x > y;
        }
    } else if (IS(a, K_FLOAT) && IS(b, K_FLOAT)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        c = isnan(x) || isnan(y) ? 2 : x < y ? -1 : x > y;
    } else if (IS(a, K_FLOAT)) {
        c = int_float_cmp(b, AS_FLOAT(a));
        if (c != 2)
            c = -c;
    } else {
        c = int_float_cmp(a, AS_FLOAT(b));
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
    if (op == OP_POS)
        return IS(a, K_INT) ? ref_new(a) : int_new(AS_INT(a));
    if (op != OP_NEG && op != OP_INVERT)
        return ref_new(Py_NotImplemented);
    int64_t v = AS_INT(a), r;
    if (!AS_BIG(a)) {
        if (op == OP_INVERT)
            return int_new(~v);
        if (!fmt_int_neg(v, &r))
            return int_new(r);
        /* -INT64_MIN: one bit more than int64 */
    }
    BigInt t = BIG_INIT, res = BIG_INIT;
    const BigInt *x = big_of(a, &t);
    if (op == OP_NEG)
        big_neg(&res, x);
    else
        big_invert(&res, x);
    big_free(&t);
    return int_from_big(&res);
}

bool num_hash(Obj *o, int64_t *out)
{
    if (IS(o, K_FLOAT))
        *out = fmt_hash_float(AS_FLOAT(o));
    else
        *out = AS_BIG(o) ? big_hash(AS_BIG(o)) : fmt_hash_int(AS_INT(o));
    return true;
}

/* ---------- constructors ---------- */

/* int(s, base) of a literal fmt_parse_int found valid but outside int64. */
static Obj *parse_big(StrObj *s, int base)
{
    FmtBuf ascii = FMT_BUF_INIT;
    fmt_int_ascii(s->s, s->len, &ascii);
    BigInt b = BIG_INIT;
    BigStatus st = big_from_str(&b, fmt_buf_cstr(&ascii), ascii.len, base, NULL);
    fmt_buf_free(&ascii);
    if (st != BIG_OK) {
        big_free(&b);
        return raise_big(st, "", "");
    }
    return int_from_big(&b);
}

static Obj *int_from_str(StrObj *s, int base)
{
    FmtBuf err = FMT_BUF_INIT;
    int64_t v;
    FmtStatus st = fmt_parse_int(s->s, s->len, base, &v, &err);
    if (st == FMT_OK)
        return int_new(v);
    if (st == FMT_EOVERFLOW) {
        fmt_buf_free(&err);
        return parse_big(s, base);
    }
    return raise_status(st, &err);
}

/* int(x) of a float: truncated toward 0, of any size. */
static Obj *int_from_double(double x)
{
    FmtBuf err = FMT_BUF_INIT;
    int64_t v;
    FmtStatus st = fmt_float_to_int(x, &v, &err);
    if (st == FMT_OK)
        return int_new(v);
    if (st == FMT_EOVERFLOW && isfinite(x)) {
        fmt_buf_free(&err);
        BigInt b = BIG_INIT;
        big_from_double(&b, x);
        return int_from_big(&b);
    }
    return raise_status(st, &err);
}

/* x.name() for a method a user class defines; *found false (and NULL)
 * when it has none. */
static Obj *user_unary(Obj *x, const char *name, bool *found)
{
    *found = false;
    if (!x->type->user)
        return NULL;
    Obj *m = type_lookup(x->type, str_intern(name));
    if (!m || !IS(m, K_FUNC))
        return NULL;
    *found = true;
    return vm_call_function(AS_FUNC(m), &x, 1, NULL);
}

/* __int__ / __index__ results must be ints (CPython's messages). */
static Obj *checked_int(Obj *r, const char *what)
{
    if (r && !IS(r, K_INT) && !IS(r, K_BOOL)) {
        rt_raise(EXC(TypeError), "%s returned non-int (type %s)", what, type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

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
    if (base_obj) {
        int64_t base;
        if (!int_as_clamped(base_obj, &base))
            return NULL;
        if (base != 0 && (base < 2 || base > 36))
            return rt_raise(EXC(ValueError), "int() base must be >= 2 and <= 36, or 0");
        if (!IS(x, K_STR))
            return rt_raise(EXC(TypeError), "int() can't convert non-string with explicit base");
        return int_from_str(AS_STR(x), (int)base);
    }
    switch (x->kind) {
    case K_INT:
        return ref_new(x);
    case K_BOOL:
        return int_new(AS_INT(x));
    case K_FLOAT:
        return int_from_double(AS_FLOAT(x));
    case K_STR:
        return int_from_str(AS_STR(x), 10);
    default: {
        bool found;
        Obj *r = checked_int(user_unary(x, "__int__", &found), "__int__");
        if (!found)
            r = checked_int(user_unary(x, "__index__", &found), "__index__");
        if (found)
            return r;
        return rt_raise(EXC(TypeError),
                        "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        type_name(x));
    }
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
    case K_BOOL: {
        double d;
        return int_as_double(x, &d) ? float_new(d) : NULL;
    }
    case K_STR: {
        FmtBuf err = FMT_BUF_INIT;
        double d;
        FmtStatus st = fmt_parse_float(AS_STR(x)->s, AS_STR(x)->len, &d, &err);
        return st == FMT_OK ? float_new(d) : raise_status(st, &err);
    }
    default: {
        bool found;
        Obj *r = user_unary(x, "__float__", &found);
        if (found) {
            if (r && !IS(r, K_FLOAT)) {
                rt_raise(EXC(TypeError), "%s.__float__ returned non-float (type %s)", type_name(x), type_name(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
        r = checked_int(user_unary(x, "__index__", &found), "__index__");
        if (found) {
            if (!r)
                return NULL;
            Obj *f = float_new_call(t, &r, 1, NULL);
            DECREF(r);
            return f;
        }
        return rt_raise(EXC(TypeError), "float() argument must be a string or a real number, not '%s'",
                        type_name(x));
    }
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

/* ---------- ints as C integers ---------- */

/* The int64 value of an int or bool; TypeError otherwise. A big int
 * gives its saturated value and *big. */
static bool int_value(Obj *o, int64_t *out, bool *big)
{
    if (IS(o, K_INT) || IS(o, K_BOOL)) {
        *out = AS_INT(o);
        *big = AS_BIG(o) != NULL;
        return true;
    }
    bool found;
    Obj *r = checked_int(user_unary(o, "__index__", &found), "__index__");
    if (found) {
        if (!r)
            return false;
        *out = AS_INT(r);
        *big = AS_BIG(r) != NULL;
        DECREF(r); /* the value is read; a big one is reported by the caller */
        return true;
    }
    rt_raise(EXC(TypeError), "'%s' object cannot be interpreted as an integer", type_name(o));
    return false;
}

Obj *num_index(Obj *o)
{
    if (IS(o, K_INT) || IS(o, K_BOOL))
        return ref_new(o);
    bool found;
    Obj *r = checked_int(user_unary(o, "__index__", &found), "__index__");
    if (found)
        return r;
    return rt_raise(EXC(TypeError), "'%s' object cannot be interpreted as an integer", type_name(o));
}

bool obj_index_like(Obj *o)
{
    if (IS(o, K_INT) || IS(o, K_BOOL))
        return true;
    Obj *m = o->type->user ? type_lookup(o->type, str_intern("__index__")) : NULL;
    return m && IS(m, K_FUNC);
}

bool int_as_index(Obj *o, int64_t *out)
{
    bool big;
    if (!int_value(o, out, &big))
        return false;
    if (big) {
        rt_raise(EXC(OverflowError), "cannot fit 'int' into an index-sized integer");
        return false;
    }
    return true;
}

bool int_as_subscript(Obj *o, int64_t *out)
{
    bool big;
    if (!int_value(o, out, &big))
        return false;
    if (big) {
        rt_raise(EXC(IndexError), "cannot fit 'int' into an index-sized integer");
        return false;
    }
    return true;
}

bool int_as_ssize(Obj *o, int64_t *out)
{
    bool big;
    if (!int_value(o, out, &big))
        return false;
    if (big) {
        rt_raise(EXC(OverflowError), "Python int too large to convert to C ssize_t");
        return false;
    }
    return true;
}

bool int_as_cint(Obj *o, int *out)
{
    bool big;
    int64_t v;
    if (!int_value(o, &v, &big))
        return false;
    if (big || v < INT_MIN || v > INT_MAX) {
        rt_raise(EXC(OverflowError), "Python int too large to convert to C int");
        return false;
    }
    *out = (int)v;
    return true;
}

bool int_as_clamped(Obj *o, int64_t *out)
{
    bool big;
    return int_value(o, out, &big);
}

/* ---------- methods ---------- */

static Obj *int_bit_length(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)args, (void)nargs, (void)kw;
    if (AS_BIG(self))
        return int_new((int64_t)big_bit_length(AS_BIG(self)));
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
    {"bit_length", int_bit_length, 0, 0, false, NULL, false, false},
    {0},
};

const BuiltinDef float_methods[] = {
    {"is_integer", float_is_integer, 0, 0, false, NULL, false, false},
    {0},
};
