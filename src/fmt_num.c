/* fmt_num: int64 and double arithmetic with Python's semantics: floor
 * division, remainders with the divisor's sign, CPython's special cases of
 * ** and its error messages. */
#include "fmt.h"

#include <math.h>

static FmtStatus fail(FmtBuf *err, FmtStatus st, const char *msg)
{
    if (err) {
        fmt_buf_clear(err);
        fmt_buf_puts(err, msg);
    }
    return st;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* The int64 with sign and magnitude mag, if there is one. */
static bool from_magnitude(bool negative, uint64_t mag, int64_t *out)
{
    if (!negative) {
        if (mag > (uint64_t)INT64_MAX)
            return false;
        *out = (int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX + 1)
            return false;
        *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    }
    return true;
}

/* ---- checked int64 ----------------------------------------------------- */

bool fmt_int_add(int64_t a, int64_t b, int64_t *out)
{
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return true;
    *out = a + b;
    return false;
}

bool fmt_int_sub(int64_t a, int64_t b, int64_t *out)
{
    if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b))
        return true;
    *out = a - b;
    return false;
}

bool fmt_int_mul(int64_t a, int64_t b, int64_t *out)
{
    uint64_t ma = magnitude(a), mb = magnitude(b);
    if (ma && mb > UINT64_MAX / ma)
        return true;
    return !from_magnitude((a < 0) != (b < 0) && ma && mb, ma * mb, out);
}

bool fmt_int_neg(int64_t a, int64_t *out)
{
    if (a == INT64_MIN)
        return true;
    *out = -a;
    return false;
}

/* ---- int division ------------------------------------------------------ */

/* Floor quotient and remainder; b != 0 and not (INT64_MIN, -1). */
static void floor_divmod(int64_t a, int64_t b, int64_t *q, int64_t *r)
{
    int64_t qq = a / b, rr = a % b;
    if (rr != 0 && (rr < 0) != (b < 0)) {
        qq -= 1;
        rr += b;
    }
    *q = qq;
    *r = rr;
}

FmtStatus fmt_int_floordiv(int64_t a, int64_t b, int64_t *out, FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "integer division or modulo by zero");
    if (a == INT64_MIN && b == -1)
        return fail(err, FMT_EOVERFLOW, FMT_MSG_INT_RANGE);
    int64_t r;
    floor_divmod(a, b, out, &r);
    return FMT_OK;
}

FmtStatus fmt_int_mod(int64_t a, int64_t b, int64_t *out, FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "integer modulo by zero");
    if (b == -1) { /* INT64_MIN % -1 traps in C */
        *out = 0;
        return FMT_OK;
    }
    int64_t q;
    floor_divmod(a, b, &q, out);
    return FMT_OK;
}

FmtStatus fmt_int_divmod(int64_t a, int64_t b, int64_t *q, int64_t *r,
                         FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "integer division or modulo by zero");
    if (a == INT64_MIN && b == -1)
        return fail(err, FMT_EOVERFLOW, FMT_MSG_INT_RANGE);
    floor_divmod(a, b, q, r);
    return FMT_OK;
}

static int bit_length(uint64_t v)
{
    int n = 0;
    for (; v; v >>= 1)
        n++;
    return n;
}

/* n / d rounded once to a double (n, d > 0): 55 quotient bits by long
 * division, the rest folded into a sticky bit, then round half to even at
 * 53 bits. Converting both to double first would round three times. */
static double div_rounded(uint64_t n, uint64_t d)
{
    uint64_t q = n / d, r = n % d;
    int exp = 0;
    bool sticky = false;
    while (q != 0 && bit_length(q) > 55) {
        sticky |= q & 1;
        q >>= 1;
        exp++;
    }
    while (bit_length(q) < 55) {
        /* r < d <= 2**63, so 2r cannot wrap. */
        r <<= 1;
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1;
        }
        exp--;
    }
    sticky |= r != 0;
    uint64_t mant = q >> 2;
    bool half = q & 2;
    bool below = (q & 1) || sticky;
    if (half && (below || (mant & 1)))
        mant++;
    return ldexp((double)mant, exp + 2);
}

FmtStatus fmt_int_truediv(int64_t a, int64_t b, double *out, FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "division by zero");
    if (a == 0) {
        *out = b < 0 ? -0.0 : 0.0; /* 0 / -5 == -0.0 */
        return FMT_OK;
    }
    double q = div_rounded(magnitude(a), magnitude(b));
    *out = (a < 0) != (b < 0) ? -q : q;
    return FMT_OK;
}

/* ---- powers and shifts ------------------------------------------------- */

FmtStatus fmt_int_pow(int64_t a, int64_t b, FmtNum *out, FmtBuf *err)
{
    if (b < 0) {
        /* CPython hands a negative exponent to float's ** */
        double f;
        FmtStatus st = fmt_float_pow((double)a, (double)b, &f, err);
        if (st == FMT_OK) {
            out->is_float = true;
            out->i = 0;
            out->f = f;
        }
        return st;
    }
    int64_t result = 1, base = a;
    if (a == 0 || a == 1 || a == -1) { /* b may be huge */
        result = a == 0 ? (b == 0) : a == 1 ? 1 : (b & 1 ? -1 : 1);
    } else {
        /* With |a| >= 2 every factor grows |result|, so an overflow of
         * base * base with bits of b left means the result overflows. */
        for (uint64_t e = (uint64_t)b; e; e >>= 1) {
            if ((e & 1) && fmt_int_mul(result, base, &result))
                return fail(err, FMT_EOVERFLOW, FMT_MSG_INT_RANGE);
            if ((e >> 1) && fmt_int_mul(base, base, &base))
                return fail(err, FMT_EOVERFLOW, FMT_MSG_INT_RANGE);
        }
    }
    out->is_float = false;
    out->i = result;
    out->f = 0;
    return FMT_OK;
}

FmtStatus fmt_int_lshift(int64_t a, int64_t b, int64_t *out, FmtBuf *err)
{
    if (b < 0)
        return fail(err, FMT_EVALUE, "negative shift count");
    if (a == 0 || b == 0) {
        *out = a;
        return FMT_OK;
    }
    if (b >= 64)
        return fail(err, FMT_EOVERFLOW, FMT_MSG_INT_RANGE);
    /* Shift the magnitude, where bits that fall off are visible. */
    uint64_t mag = magnitude(a);
    if (bit_length(mag) + b > 64 || !from_magnitude(a < 0, mag << b, out))
        return fail(err, FMT_EOVERFLOW, FMT_MSG_INT_RANGE);
    return FMT_OK;
}

FmtStatus fmt_int_rshift(int64_t a, int64_t b, int64_t *out, FmtBuf *err)
{
    if (b < 0)
        return fail(err, FMT_EVALUE, "negative shift count");
    if (b >= 63)
        *out = a < 0 ? -1 : 0;
    else if (a >= 0)
        *out = a >> b;
    else /* floor, without relying on C's shift of negatives */
        *out = -1 - ((-1 - a) >> b);
    return FMT_OK;
}

/* ---- float operators --------------------------------------------------- */

FmtStatus fmt_float_truediv(double a, double b, double *out, FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "float division by zero");
    *out = a / b;
    return FMT_OK;
}

/* Python's divmod for floats, b != 0: fmod is exact, so a - mod is an
 * exact multiple of b up to rounding; the quotient is snapped to the
 * nearest integer, and zeros get the sign Python gives them. */
static void float_divmod(double a, double b, double *q, double *r)
{
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double floordiv;
    if (div != 0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, a / b);
    }
    *q = floordiv;
    *r = mod;
}

FmtStatus fmt_float_floordiv(double a, double b, double *out, FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "float floor division by zero");
    double r;
    float_divmod(a, b, out, &r);
    return FMT_OK;
}

FmtStatus fmt_float_mod(double a, double b, double *out, FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "float modulo");
    double mod = fmod(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0))
            mod += b;
    } else {
        mod = copysign(0.0, b);
    }
    *out = mod;
    return FMT_OK;
}

FmtStatus fmt_float_divmod(double a, double b, double *q, double *r,
                           FmtBuf *err)
{
    if (b == 0)
        return fail(err, FMT_EZERODIV, "float divmod()");
    float_divmod(a, b, q, r);
    return FMT_OK;
}

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

/* CPython settles the special cases itself rather than trusting libm. */
FmtStatus fmt_float_pow(double a, double b, double *out, FmtBuf *err)
{
    if (b == 0) { /* even 0 ** 0 and nan ** 0 */
        *out = 1.0;
        return FMT_OK;
    }
    if (isnan(a)) {
        *out = a;
        return FMT_OK;
    }
    if (isnan(b)) {
        *out = a == 1.0 ? 1.0 : b;
        return FMT_OK;
    }
    if (isinf(b)) {
        double m = fabs(a);
        if (m == 1.0)
            *out = 1.0;
        else if ((b > 0) == (m > 1.0))
            *out = INFINITY;
        else
            *out = 0.0;
        return FMT_OK;
    }
    if (isinf(a)) {
        bool odd = is_odd_integer(b);
        if (b > 0)
            *out = odd ? a : fabs(a);
        else
            *out = odd ? copysign(0.0, a) : 0.0;
        return FMT_OK;
    }
    if (a == 0) {
        if (b < 0)
            return fail(err, FMT_EZERODIV,
                        "0.0 cannot be raised to a negative power");
        *out = is_odd_integer(b) ? a : 0.0;
        return FMT_OK;
    }
    bool negate = false;
    if (a < 0) {
        if (b != floor(b))
            return fail(err, FMT_EVALUE, "negative number cannot be raised "
                                         "to a fractional power");
        a = -a;
        negate = is_odd_integer(b);
    }
    if (a == 1.0) { /* (-1) ** huge_even must not go through libm */
        *out = negate ? -1.0 : 1.0;
        return FMT_OK;
    }
    double r = pow(a, b);
    if (isinf(r))
        return fail(err, FMT_EOVERFLOW,
                    "(34, 'Numerical result out of range')");
    *out = negate ? -r : r;
    return FMT_OK;
}

FmtStatus fmt_float_to_int(double x, int64_t *out, FmtBuf *err)
{
    if (isnan(x))
        return fail(err, FMT_EVALUE, "cannot convert float NaN to integer");
    if (isinf(x))
        return fail(err, FMT_EOVERFLOW,
                    "cannot convert float infinity to integer");
    double t = trunc(x);
    /* 2**63 is exact as a double; INT64_MAX is not. */
    if (t < -9223372036854775808.0 || t >= 9223372036854775808.0)
        return fail(err, FMT_EOVERFLOW, FMT_MSG_INT_RANGE);
    *out = (int64_t)t;
    return FMT_OK;
}

int fmt_int_float_cmp(int64_t i, double x)
{
    if (isnan(x))
        return 2;
    if (x >= 9223372036854775808.0)
        return -1;
    if (x < -9223372036854775808.0)
        return 1;
    /* Now trunc(x) is an exact int64: compare integer parts, then the
     * fraction. */
    double t = trunc(x);
    int64_t ti = (int64_t)t;
    if (i != ti)
        return i < ti ? -1 : 1;
    double frac = x - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}
