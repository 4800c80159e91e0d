/* bigint: arbitrary-precision integers in base 2**30 (see bigint.h).
 *
 * Magnitudes are worked on as digit arrays; every signed operation builds
 * its result in a fresh BigInt and moves it into the destination at the
 * end (finish), which is what lets a result alias an operand. The
 * algorithms are CPython's longobject.c ones where the result can be
 * observed bit for bit (division, true division, hash, conversions). */
#include "bigint.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "xmem.h"

typedef uint64_t TwoDigits;

#define BIG_MAX_BITS ((uint64_t)BIG_MAX_DIGITS * BIG_SHIFT)

/* ---- storage ------------------------------------------------------------ */

void big_init(BigInt *b)
{
    b->sign = 0;
    b->n = b->cap = 0;
    b->d = NULL;
}

void big_free(BigInt *b)
{
    free(b->d);
    big_init(b);
}

/* Room for n digits; the digits in use are kept. */
static void reserve(BigInt *b, size_t n)
{
    if (n > b->cap) {
        b->d = xrealloc(b->d, n * sizeof *b->d);
        b->cap = n;
    }
}

/* Drops leading zero digits; zero gets sign 0. The caller has set the
 * sign of a nonzero value. */
static void normalize(BigInt *b)
{
    while (b->n && b->d[b->n - 1] == 0)
        b->n--;
    if (b->n == 0)
        b->sign = 0;
}

void big_swap(BigInt *a, BigInt *b)
{
    BigInt t = *a;
    *a = *b;
    *b = t;
}

/* Moves the fresh value t into r (r's old value is freed), unless t is
 * past the size limit. t is left empty either way. */
static BigStatus finish(BigInt *r, BigInt *t)
{
    normalize(t);
    if (t->n > BIG_MAX_DIGITS) {
        big_free(t);
        return BIG_ETOOBIG;
    }
    big_swap(r, t);
    big_free(t);
    return BIG_OK;
}

void big_copy(BigInt *dst, const BigInt *src)
{
    if (dst == src)
        return;
    reserve(dst, src->n);
    if (src->n)
        memcpy(dst->d, src->d, src->n * sizeof *src->d);
    dst->n = src->n;
    dst->sign = src->sign;
}

void big_from_u64(BigInt *b, uint64_t v)
{
    reserve(b, 3);
    b->n = 0;
    for (; v; v >>= BIG_SHIFT)
        b->d[b->n++] = (BigDigit)(v & BIG_MASK);
    b->sign = b->n ? 1 : 0;
}

void big_from_i64(BigInt *b, int64_t v)
{
    big_from_u64(b, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
    if (v < 0)
        b->sign = -1;
}

bool big_to_i64(const BigInt *b, int64_t *out)
{
    if (b->n > 3 || (b->n == 3 && b->d[2] >> 4))
        return false;
    uint64_t m = 0;
    for (size_t i = b->n; i-- > 0;)
        m = m << BIG_SHIFT | b->d[i];
    int64_t v;
    if (b->sign >= 0) {
        if (m > (uint64_t)INT64_MAX)
            return false;
        v = (int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX + 1)
            return false;
        v = m == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)m;
    }
    if (out)
        *out = v;
    return true;
}

/* ---- properties ----------------------------------------------------------- */

static int bits_in_digit(BigDigit d)
{
    int n = 0;
    for (; d; d >>= 1)
        n++;
    return n;
}

uint64_t big_bit_length(const BigInt *b)
{
    if (b->n == 0)
        return 0;
    return (uint64_t)(b->n - 1) * BIG_SHIFT + (uint64_t)bits_in_digit(b->d[b->n - 1]);
}

size_t big_sizeof(const BigInt *b)
{
    return 24 + 4 * (b->n ? b->n : 1);
}

static int mag_cmp(const BigDigit *a, size_t an, const BigDigit *b, size_t bn)
{
    if (an != bn)
        return an < bn ? -1 : 1;
    for (size_t i = an; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

int big_cmp(const BigInt *a, const BigInt *b)
{
    if (a->sign != b->sign)
        return a->sign < b->sign ? -1 : 1;
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    return a->sign < 0 ? -c : c;
}

int64_t big_hash(const BigInt *b)
{
    /* CPython's long_hash: fold the digits, most significant first, into
     * a residue modulo P = 2**61 - 1, rotating by 30 bits each time
     * (multiplying by 2**30 modulo P). */
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t x = 0;
    for (size_t i = b->n; i-- > 0;) {
        x = ((x << BIG_SHIFT) & P) | (x >> (61 - BIG_SHIFT));
        x += b->d[i];
        if (x >= P)
            x -= P;
    }
    int64_t h = b->sign < 0 ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* ---- magnitudes ----------------------------------------------------------- */

/* t = |a| + |b| (t is fresh; sign left to the caller). */
static void mag_add(BigInt *t, const BigInt *a, const BigInt *b)
{
    if (a->n < b->n) {
        const BigInt *s = a;
        a = b;
        b = s;
    }
    reserve(t, a->n + 1);
    BigDigit carry = 0;
    size_t i = 0;
    for (; i < b->n; i++) {
        carry += a->d[i] + b->d[i];
        t->d[i] = carry & BIG_MASK;
        carry >>= BIG_SHIFT;
    }
    for (; i < a->n; i++) {
        carry += a->d[i];
        t->d[i] = carry & BIG_MASK;
        carry >>= BIG_SHIFT;
    }
    t->d[i] = carry;
    t->n = a->n + 1;
}

/* t = |a| - |b| where |a| >= |b|. Borrows wrap around in unsigned
 * arithmetic; bit 30 of the difference says whether one happened. */
static void mag_sub(BigInt *t, const BigInt *a, const BigInt *b)
{
    reserve(t, a->n);
    BigDigit borrow = 0;
    size_t i = 0;
    for (; i < b->n; i++) {
        borrow = a->d[i] - b->d[i] - borrow;
        t->d[i] = borrow & BIG_MASK;
        borrow = (borrow >> BIG_SHIFT) & 1;
    }
    for (; i < a->n; i++) {
        borrow = a->d[i] - borrow;
        t->d[i] = borrow & BIG_MASK;
        borrow = (borrow >> BIG_SHIFT) & 1;
    }
    assert(borrow == 0);
    t->n = a->n;
}

/* z[0..m) = a[0..m) << d (0 <= d < 30); returns the bits shifted out. */
static BigDigit digits_lshift(BigDigit *z, const BigDigit *a, size_t m, int d)
{
    BigDigit carry = 0;
    for (size_t i = 0; i < m; i++) {
        TwoDigits acc = (TwoDigits)a[i] << d | carry;
        z[i] = (BigDigit)acc & BIG_MASK;
        carry = (BigDigit)(acc >> BIG_SHIFT);
    }
    return carry;
}

/* z[0..m) = a[0..m) >> d (0 <= d < 30); returns the bits shifted out. */
static BigDigit digits_rshift(BigDigit *z, const BigDigit *a, size_t m, int d)
{
    BigDigit carry = 0, mask = ((BigDigit)1 << d) - 1;
    for (size_t i = m; i-- > 0;) {
        TwoDigits acc = (TwoDigits)carry << BIG_SHIFT | a[i];
        carry = (BigDigit)acc & mask;
        z[i] = (BigDigit)(acc >> d);
    }
    return carry;
}

/* a[0..n) /= d in place (0 < d < 2**30); returns the remainder. */
static BigDigit digits_divrem1(BigDigit *a, size_t n, BigDigit d)
{
    TwoDigits rem = 0;
    for (size_t i = n; i-- > 0;) {
        rem = rem << BIG_SHIFT | a[i];
        a[i] = (BigDigit)(rem / d);
        rem %= d;
    }
    return (BigDigit)rem;
}

/* a[0..n) = a * m + add in place (m, add < 2**30); returns the carry. */
static BigDigit digits_muladd1(BigDigit *a, size_t n, BigDigit m, BigDigit add)
{
    TwoDigits carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (TwoDigits)a[i] * m;
        a[i] = (BigDigit)carry & BIG_MASK;
        carry >>= BIG_SHIFT;
    }
    return (BigDigit)carry;
}

/* floor(z / 2**s) for a signed z, without relying on how C shifts
 * negative values. */
static int64_t floor_shift(int64_t z, int s)
{
    if (z >= 0)
        return z >> s;
    uint64_t m = (uint64_t)0 - (uint64_t)z;
    return -(int64_t)((m + ((uint64_t)1 << s) - 1) >> s);
}

/* Truncating division of magnitudes, |a| >= |b|, b->n >= 2: CPython's
 * x_divrem (Knuth's algorithm D). q and r are fresh, signs left to the
 * caller. */
static void mag_divrem_long(BigInt *q, BigInt *r, const BigInt *a, const BigInt *b)
{
    size_t size_v = a->n, size_w = b->n;
    BigDigit *v = xmalloc((size_v + 1) * sizeof *v);
    BigDigit *w = xmalloc(size_w * sizeof *w);
    /* Normalise: shift so the divisor's top digit has its high bit set,
     * which keeps each estimated quotient digit at most 2 too large. */
    int d = BIG_SHIFT - bits_in_digit(b->d[size_w - 1]);
    digits_lshift(w, b->d, size_w, d);
    BigDigit carry = digits_lshift(v, a->d, size_v, d);
    if (carry != 0 || v[size_v - 1] >= w[size_w - 1])
        v[size_v++] = carry;
    size_t k = size_v - size_w;
    reserve(q, k ? k : 1);
    BigDigit wm1 = w[size_w - 1], wm2 = w[size_w - 2];
    for (size_t j = k; j-- > 0;) {
        BigDigit *vk = v + j;
        BigDigit vtop = vk[size_w];
        TwoDigits vv = (TwoDigits)vtop << BIG_SHIFT | vk[size_w - 1];
        BigDigit qd = (BigDigit)(vv / wm1);
        BigDigit rd = (BigDigit)(vv - (TwoDigits)wm1 * qd);
        while ((TwoDigits)wm2 * qd > ((TwoDigits)rd << BIG_SHIFT | vk[size_w - 2])) {
            qd--;
            rd += wm1;
            if (rd >= (BigDigit)1 << BIG_SHIFT)
                break;
        }
        /* vk[0..size_w] -= qd * w */
        int64_t zhi = 0;
        for (size_t i = 0; i < size_w; i++) {
            int64_t z = (int64_t)vk[i] + zhi - (int64_t)qd * (int64_t)w[i];
            vk[i] = (BigDigit)((uint64_t)z & BIG_MASK);
            zhi = floor_shift(z, BIG_SHIFT);
        }
        if ((int64_t)vtop + zhi < 0) {
            /* qd was one too large: add w back (rare) */
            BigDigit c = 0;
            for (size_t i = 0; i < size_w; i++) {
                c += vk[i] + w[i];
                vk[i] = c & BIG_MASK;
                c >>= BIG_SHIFT;
            }
            qd--;
        }
        q->d[j] = qd;
    }
    q->n = k;
    reserve(r, size_w);
    digits_rshift(r->d, v, size_w, d);
    r->n = size_w;
    free(v);
    free(w);
}

/* Truncating division of magnitudes: q = |a| / |b|, r = |a| % |b|, both
 * nonnegative (sign 1 or 0), q and r fresh. b != 0. */
static void mag_divrem(BigInt *q, BigInt *r, const BigInt *a, const BigInt *b)
{
    if (mag_cmp(a->d, a->n, b->d, b->n) < 0) {
        q->n = 0;
        big_copy(r, a);
    } else if (b->n == 1) {
        big_copy(q, a);
        BigDigit rem = digits_divrem1(q->d, q->n, b->d[0]);
        big_from_u64(r, rem);
    } else {
        mag_divrem_long(q, r, a, b);
    }
    q->sign = r->sign = 1;
    normalize(q);
    normalize(r);
}

/* ---- arithmetic ------------------------------------------------------------ */

void big_neg(BigInt *r, const BigInt *a)
{
    big_copy(r, a);
    r->sign = -r->sign;
}

void big_abs(BigInt *r, const BigInt *a)
{
    big_copy(r, a);
    if (r->sign < 0)
        r->sign = 1;
}

BigStatus big_add(BigInt *r, const BigInt *a, const BigInt *b)
{
    BigInt t = BIG_INIT;
    if (a->sign == 0) {
        big_copy(&t, b);
    } else if (b->sign == 0) {
        big_copy(&t, a);
    } else if (a->sign == b->sign) {
        mag_add(&t, a, b);
        t.sign = a->sign;
    } else {
        int c = mag_cmp(a->d, a->n, b->d, b->n);
        if (c > 0) {
            mag_sub(&t, a, b);
            t.sign = a->sign;
        } else if (c < 0) {
            mag_sub(&t, b, a);
            t.sign = b->sign;
        }
    }
    return finish(r, &t);
}

BigStatus big_sub(BigInt *r, const BigInt *a, const BigInt *b)
{
    BigInt nb = *b; /* shares b's digits until big_add has finished reading */
    nb.sign = -nb.sign;
    return big_add(r, a, &nb);
}

/* ---- multiplication ------------------------------------------------------ */

/* Below this many digits in the shorter factor, schoolbook multiplication
 * is faster than Karatsuba's (CPython's KARATSUBA_CUTOFF). */
enum { KARATSUBA_CUTOFF = 70 };

/* r[0..an+bn) += a[0..an) * b[0..bn), r[] big enough for the carries. */
static void mul_school(BigDigit *r, const BigDigit *a, size_t an, const BigDigit *b, size_t bn)
{
    for (size_t i = 0; i < an; i++) {
        TwoDigits carry = 0, f = a[i];
        if (f == 0)
            continue;
        BigDigit *pz = r + i;
        for (size_t j = 0; j < bn; j++) {
            carry += pz[j] + f * b[j];
            pz[j] = (BigDigit)carry & BIG_MASK;
            carry >>= BIG_SHIFT;
        }
        for (size_t j = bn; carry; j++) {
            carry += pz[j];
            pz[j] = (BigDigit)carry & BIG_MASK;
            carry >>= BIG_SHIFT;
        }
    }
}

/* r[0..rn) += a[0..an) (an <= rn); returns the carry out of r. */
static BigDigit digits_add_into(BigDigit *r, size_t rn, const BigDigit *a, size_t an)
{
    BigDigit carry = 0;
    size_t i = 0;
    for (; i < an; i++) {
        carry += r[i] + a[i];
        r[i] = carry & BIG_MASK;
        carry >>= BIG_SHIFT;
    }
    for (; carry && i < rn; i++) {
        carry += r[i];
        r[i] = carry & BIG_MASK;
        carry >>= BIG_SHIFT;
    }
    return carry;
}

/* r[0..rn) -= a[0..an) (an <= rn); returns the borrow out of r. */
static BigDigit digits_sub_from(BigDigit *r, size_t rn, const BigDigit *a, size_t an)
{
    BigDigit borrow = 0;
    size_t i = 0;
    for (; i < an; i++) {
        borrow = r[i] - a[i] - borrow;
        r[i] = borrow & BIG_MASK;
        borrow = (borrow >> BIG_SHIFT) & 1;
    }
    for (; borrow && i < rn; i++) {
        borrow = r[i] - borrow;
        r[i] = borrow & BIG_MASK;
        borrow = (borrow >> BIG_SHIFT) & 1;
    }
    return borrow;
}

static size_t trimmed(const BigDigit *a, size_t n)
{
    while (n && a[n - 1] == 0)
        n--;
    return n;
}

/* r[0..an+bn) = a[0..an) * b[0..bn): Karatsuba's three half-size products
 * when both factors are long, the schoolbook method otherwise. */
static void mul_digits(BigDigit *r, const BigDigit *a, size_t an, const BigDigit *b, size_t bn)
{
    if (an > bn) {
        const BigDigit *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    memset(r, 0, (an + bn) * sizeof *r);
    if (an < KARATSUBA_CUTOFF) {
        mul_school(r, a, an, b, bn);
        return;
    }
    if (2 * an <= bn) {
        /* lopsided: a times each an-digit slice of b, added in place */
        BigDigit *tmp = xmalloc(2 * an * sizeof *tmp);
        for (size_t off = 0; off < bn; off += an) {
            size_t cn = bn - off < an ? bn - off : an;
            mul_digits(tmp, a, an, b + off, cn);
            digits_add_into(r + off, an + bn - off, tmp, an + cn);
        }
        free(tmp);
        return;
    }
    /* a = ah * X + al, b = bh * X + bl with X = base ** h; then
     * a * b = z2 * X**2 + (z1 - z2 - z0) * X + z0 with z2 = ah * bh,
     * z0 = al * bl, z1 = (ah + al) * (bh + bl). Here h < an <= bn. */
    size_t h = bn / 2;
    size_t ahn = an - h, bhn = bn - h;
    mul_digits(r, a, h, b, h);                  /* z0 in r[0..2h) */
    mul_digits(r + 2 * h, a + h, ahn, b + h, bhn); /* z2 in r[2h..) */
    size_t sn = (ahn > h ? ahn : h) + 1, tn = (bhn > h ? bhn : h) + 1;
    BigDigit *sa = xcalloc(sn, sizeof *sa), *sb = xcalloc(tn, sizeof *sb);
    memcpy(sa, a, h * sizeof *sa);
    digits_add_into(sa, sn, a + h, ahn);
    memcpy(sb, b, h * sizeof *sb);
    digits_add_into(sb, tn, b + h, bhn);
    BigDigit *z1 = xmalloc((sn + tn) * sizeof *z1);
    mul_digits(z1, sa, sn, sb, tn);
    size_t zn = sn + tn;
    digits_sub_from(z1, zn, r, 2 * h);               /* - z0 */
    digits_sub_from(z1, zn, r + 2 * h, ahn + bhn);   /* - z2 */
    zn = trimmed(z1, zn);
    assert(h + zn <= an + bn);
    digits_add_into(r + h, an + bn - h, z1, zn);
    free(sa);
    free(sb);
    free(z1);
}

BigStatus big_mul(BigInt *r, const BigInt *a, const BigInt *b)
{
    BigInt t = BIG_INIT;
    if (a->sign && b->sign) {
        /* the product has an + bn - 1 or an + bn digits */
        if (a->n + b->n - 1 > BIG_MAX_DIGITS)
            return BIG_ETOOBIG;
        size_t n = a->n + b->n;
        reserve(&t, n);
        mul_digits(t.d, a->d, a->n, b->d, b->n);
        t.n = n;
        t.sign = a->sign * b->sign;
    }
    return finish(r, &t);
}

BigStatus big_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b)
{
    if (b->sign == 0)
        return BIG_EZERODIV;
    BigInt qt = BIG_INIT, rt = BIG_INIT;
    mag_divrem(&qt, &rt, a, b);
    if (qt.sign)
        qt.sign = a->sign * b->sign;
    if (rt.sign)
        rt.sign = a->sign;
    /* Truncation rounded toward 0; floor differs when the signs differ
     * and something remains: q - 1 and r + b. */
    if (rt.sign && a->sign != b->sign) {
        BigInt one = BIG_INIT;
        big_from_i64(&one, 1);
        big_sub(&qt, &qt, &one);
        big_add(&rt, &rt, b);
        big_free(&one);
    }
    if (q)
        finish(q, &qt);
    if (m)
        finish(m, &rt);
    big_free(&qt);
    big_free(&rt);
    return BIG_OK;
}

/* Bits [lo, lo + count) of |b| (count <= 64), and in *sticky whether any
 * bit below lo is set. */
static uint64_t mag_bits(const BigInt *b, uint64_t lo, int count, bool *sticky)
{
    uint64_t acc = 0;
    for (uint64_t i = lo + (uint64_t)count; i-- > lo;) {
        uint64_t di = i / BIG_SHIFT;
        uint64_t bit = di < b->n ? (b->d[di] >> (i % BIG_SHIFT)) & 1 : 0;
        acc = acc << 1 | bit;
    }
    bool s = false;
    uint64_t di = lo / BIG_SHIFT;
    for (uint64_t i = 0; i < di && i < b->n && !s; i++)
        s = b->d[i] != 0;
    if (!s && di < b->n)
        s = (b->d[di] & (((BigDigit)1 << (lo % BIG_SHIFT)) - 1)) != 0;
    *sticky = s;
    return acc;
}

BigStatus big_to_double(const BigInt *b, double *out)
{
    uint64_t nb = big_bit_length(b);
    double x;
    if (nb <= 64) {
        /* the conversion of a uint64_t rounds to nearest, ties to even */
        uint64_t m = 0;
        for (size_t i = b->n; i-- > 0;)
            m = m << BIG_SHIFT | b->d[i];
        x = (double)m;
    } else {
        if (nb > DBL_MAX_EXP)
            return BIG_EOVERFLOW;
        /* The top 55 bits, with every bit below folded into the lowest
         * one: converting that rounds once, exactly as the whole would. */
        bool sticky;
        uint64_t top = mag_bits(b, nb - 55, 55, &sticky) | (sticky ? 1 : 0);
        x = ldexp((double)top, (int)(nb - 55));
        if (isinf(x))
            return BIG_EOVERFLOW;
    }
    *out = b->sign < 0 ? -x : x;
    return BIG_OK;
}

void big_from_double(BigInt *b, double x)
{
    assert(isfinite(x));
    double t = trunc(x);
    if (t == 0) {
        b->n = 0;
        b->sign = 0;
        return;
    }
    int e;
    double m = frexp(fabs(t), &e); /* |t| = m * 2**e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    if (e <= 53) {
        big_from_u64(b, mant >> (53 - e)); /* exact: t is integral */
    } else {
        big_from_u64(b, mant);
        big_lshift(b, b, (uint64_t)(e - 53));
    }
    b->sign = t < 0 ? -1 : 1;
}

int big_cmp_double(const BigInt *b, double x)
{
    if (isnan(x))
        return 2;
    if (isinf(x))
        return x > 0 ? -1 : 1;
    int xs = x > 0 ? 1 : x < 0 ? -1 : 0;
    if (b->sign != xs)
        return b->sign < xs ? -1 : 1;
    if (xs == 0)
        return 0;
    /* Same sign: the integer parts exactly, then the fraction decides. */
    double t = trunc(x);
    BigInt ti = BIG_INIT;
    big_from_double(&ti, t);
    int c = big_cmp(b, &ti);
    big_free(&ti);
    if (c != 0)
        return c;
    double frac = x - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

BigStatus big_truediv(const BigInt *a, const BigInt *b, double *out)
{
    /* CPython's long_true_divide: a quotient of DBL_MANT_DIG + 2 or + 3
     * bits by integer division of suitably shifted operands, the
     * remainder kept as a sticky bit, then one rounding to the precision
     * the result has (fewer bits for subnormal results). */
    if (b->sign == 0)
        return BIG_EZERODIV;
    bool negate = (a->sign < 0) != (b->sign < 0);
    if (a->sign == 0) {
        *out = negate ? -0.0 : 0.0;
        return BIG_OK;
    }
    uint64_t a_bits = big_bit_length(a), b_bits = big_bit_length(b);
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        /* both exact as doubles, and IEEE division rounds correctly */
        double x, y;
        big_to_double(a, &x);
        big_to_double(b, &y);
        *out = x / y;
        return BIG_OK;
    }
    int64_t diff = (int64_t)a_bits - (int64_t)b_bits;
    if (diff > DBL_MAX_EXP)
        return BIG_EOVERFLOW;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = negate ? -0.0 : 0.0;
        return BIG_OK;
    }
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    BigInt x = BIG_INIT, rem = BIG_INIT, absb = BIG_INIT;
    big_abs(&x, a);
    big_abs(&absb, b);
    if (shift <= 0) {
        BigStatus st = big_lshift(&x, &x, (uint64_t)-shift);
        if (st != BIG_OK) {
            /* a tiny a over a huge b: the shift is at most b's size */
            big_free(&x);
            big_free(&absb);
            return st;
        }
    } else {
        bool sticky;
        mag_bits(&x, (uint64_t)shift, 1, &sticky);
        inexact = sticky;
        big_rshift(&x, &x, (uint64_t)shift);
    }
    big_divmod(&x, &rem, &x, &absb);
    inexact |= rem.sign != 0;
    big_free(&rem);
    big_free(&absb);
    /* x now has DBL_MANT_DIG + 2 or + 3 bits: it fits a uint64_t */
    int64_t x_bits = (int64_t)big_bit_length(&x);
    uint64_t xv = 0;
    for (size_t i = x.n; i-- > 0;)
        xv = xv << BIG_SHIFT | x.d[i];
    big_free(&x);
    int64_t extra = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    assert(extra == 2 || extra == 3);
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = xv | (inexact ? 1 : 0);
    if ((low & mask) && (low & (3 * mask - 1)))
        low += mask;
    xv = low & ~(2 * mask - 1);
    double dx = (double)xv; /* exact: at most 54 significant bits, the last one even */
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        return BIG_EOVERFLOW;
    double result = ldexp(dx, (int)shift);
    *out = negate ? -result : result;
    return BIG_OK;
}

/* |a| is a power of two: its only set bit. */
static bool is_power_of_two(const BigInt *a)
{
    for (size_t i = 0; i + 1 < a->n; i++)
        if (a->d[i])
            return false;
    BigDigit top = a->d[a->n - 1];
    return (top & (top - 1)) == 0;
}

BigStatus big_pow(BigInt *r, const BigInt *a, const BigInt *e)
{
    assert(e->sign >= 0);
    BigInt t = BIG_INIT;
    if (e->sign == 0 || (a->n == 1 && a->d[0] == 1)) {
        /* x ** 0 == 1; (+-1) ** e */
        bool odd = e->n && (e->d[0] & 1);
        big_from_i64(&t, a->sign < 0 && odd ? -1 : 1);
        return finish(r, &t);
    }
    if (a->sign == 0)
        return finish(r, &t);
    /* |a| >= 2: the result has at least (bits - 1) * e + 1 bits */
    int64_t ev;
    uint64_t bits = big_bit_length(a);
    if (!big_to_i64(e, &ev) || (uint64_t)ev > BIG_MAX_BITS / (bits - 1))
        return BIG_ETOOBIG;
    uint64_t eu = (uint64_t)ev;
    bool negative = a->sign < 0 && (eu & 1);
    if (is_power_of_two(a)) {
        /* 2**k ** e is a shift: no multiplications at all */
        BigInt one = BIG_INIT;
        big_from_i64(&one, negative ? -1 : 1);
        BigStatus st = big_lshift(&t, &one, (bits - 1) * eu);
        big_free(&one);
        if (st != BIG_OK)
            return st;
        return finish(r, &t);
    }
    /* Left to right: every intermediate value divides the result, so none
     * is larger than it and each multiplication's size check suffices. */
    big_abs(&t, a);
    BigInt base = BIG_INIT;
    big_abs(&base, a);
    int top = 63;
    while (!((eu >> top) & 1))
        top--;
    BigStatus st = BIG_OK;
    for (int i = top - 1; i >= 0 && st == BIG_OK; i--) {
        st = big_mul(&t, &t, &t);
        if (st == BIG_OK && ((eu >> i) & 1))
            st = big_mul(&t, &t, &base);
    }
    big_free(&base);
    if (st != BIG_OK) {
        big_free(&t);
        return st;
    }
    t.sign = negative ? -1 : 1;
    return finish(r, &t);
}

/* The inverse of a modulo m (0 <= a < m), by the extended Euclidean
 * algorithm; false when gcd(a, m) != 1. */
static bool invmod(BigInt *r, const BigInt *a, const BigInt *m)
{
    BigInt r0 = BIG_INIT, r1 = BIG_INIT, t0 = BIG_INIT, t1 = BIG_INIT;
    BigInt q = BIG_INIT, tmp = BIG_INIT;
    big_copy(&r0, m);
    big_copy(&r1, a);
    big_from_i64(&t1, 1);
    while (r1.sign) {
        big_divmod(&q, &tmp, &r0, &r1); /* tmp = r0 - q * r1 */
        big_swap(&r0, &r1);
        big_swap(&r1, &tmp);
        big_mul(&tmp, &q, &t1);         /* sizes stay below m's */
        big_sub(&tmp, &t0, &tmp);
        big_swap(&t0, &t1);
        big_swap(&t1, &tmp);
    }
    bool ok = r0.n == 1 && r0.d[0] == 1;
    if (ok)
        big_divmod(NULL, r, &t0, m);
    big_free(&r0);
    big_free(&r1);
    big_free(&t0);
    big_free(&t1);
    big_free(&q);
    big_free(&tmp);
    return ok;
}

BigStatus big_powmod(BigInt *r, const BigInt *a, const BigInt *e, const BigInt *m)
{
    if (m->sign == 0)
        return BIG_EZERODIV;
    BigInt mm = BIG_INIT, base = BIG_INIT, t = BIG_INIT, ee = BIG_INIT;
    big_abs(&mm, m);
    if (mm.n == 1 && mm.d[0] == 1) {
        big_free(&mm);
        return finish(r, &t);
    }
    big_divmod(NULL, &base, a, &mm); /* 0 <= base < |m| */
    if (e->sign < 0 && !invmod(&base, &base, &mm)) {
        big_free(&mm);
        big_free(&base);
        return BIG_ENOINVERSE;
    }
    big_abs(&ee, e);
    big_from_i64(&t, 1);
    /* Right to left over the exponent's bits. Every product is below
     * m**2, so only a modulus of more than half BIG_MAX_DIGITS digits can
     * make one too big. */
    uint64_t nbits = big_bit_length(&ee);
    for (uint64_t i = 0; i < nbits; i++) {
        if ((ee.d[i / BIG_SHIFT] >> (i % BIG_SHIFT)) & 1) {
            if (big_mul(&t, &t, &base) != BIG_OK)
                goto too_big;
            big_divmod(NULL, &t, &t, &mm);
        }
        if (i + 1 < nbits) {
            if (big_mul(&base, &base, &base) != BIG_OK)
                goto too_big;
            big_divmod(NULL, &base, &base, &mm);
        }
    }
    if (m->sign < 0 && t.sign)
        big_sub(&t, &t, &mm);
    big_free(&mm);
    big_free(&base);
    big_free(&ee);
    return finish(r, &t);
too_big:
    big_free(&mm);
    big_free(&base);
    big_free(&ee);
    big_free(&t);
    return BIG_ETOOBIG;
}

/* ---- shifts and bitwise operators ------------------------------------------ */

BigStatus big_lshift(BigInt *r, const BigInt *a, uint64_t n)
{
    BigInt t = BIG_INIT;
    if (a->sign == 0 || n == 0) {
        big_copy(&t, a);
        return finish(r, &t);
    }
    if (n > BIG_MAX_BITS || big_bit_length(a) + n > BIG_MAX_BITS)
        return BIG_ETOOBIG;
    size_t words = (size_t)(n / BIG_SHIFT);
    int bits = (int)(n % BIG_SHIFT);
    reserve(&t, a->n + words + 1);
    memset(t.d, 0, words * sizeof *t.d);
    t.d[a->n + words] = digits_lshift(t.d + words, a->d, a->n, bits);
    t.n = a->n + words + 1;
    t.sign = a->sign;
    return finish(r, &t);
}

/* t = |a| >> n (t fresh, sign left to the caller) */
static void mag_rshift(BigInt *t, const BigInt *a, uint64_t n)
{
    uint64_t words = n / BIG_SHIFT;
    if (words >= a->n) {
        t->n = 0;
        return;
    }
    size_t m = a->n - (size_t)words;
    reserve(t, m);
    digits_rshift(t->d, a->d + words, m, (int)(n % BIG_SHIFT));
    t->n = m;
}

void big_rshift(BigInt *r, const BigInt *a, uint64_t n)
{
    BigInt t = BIG_INIT;
    if (a->sign >= 0) {
        mag_rshift(&t, a, n);
        t.sign = 1;
    } else {
        /* floor: a >> n == -((|a| - 1) >> n) - 1 */
        BigInt one = BIG_INIT, m = BIG_INIT;
        big_from_i64(&one, 1);
        big_abs(&m, a);
        big_sub(&m, &m, &one);
        mag_rshift(&t, &m, n);
        t.sign = 1;
        normalize(&t);
        big_add(&t, &t, &one);
        t.sign = -1;
        big_free(&one);
        big_free(&m);
    }
    finish(r, &t);
}

/* The low w digits of the two's complement of x (w > x->n). */
static BigDigit *twos(const BigInt *x, size_t w)
{
    BigDigit *z = xcalloc(w, sizeof *z);
    if (x->n)
        memcpy(z, x->d, x->n * sizeof *z);
    if (x->sign < 0) {
        BigDigit carry = 1;
        for (size_t i = 0; i < w; i++) {
            carry += ~z[i] & BIG_MASK;
            z[i] = carry & BIG_MASK;
            carry >>= BIG_SHIFT;
        }
    }
    return z;
}

enum { BIT_AND, BIT_OR, BIT_XOR };

/* CPython's long_bitwise: both operands in two's complement one digit
 * wider than the larger, the operator digit by digit, and a negative
 * result (its sign bit is the operator on the operands' signs) turned
 * back into sign and magnitude. */
static void bitwise(BigInt *r, const BigInt *a, const BigInt *b, int op)
{
    size_t w = (a->n > b->n ? a->n : b->n) + 1;
    BigDigit *x = twos(a, w), *y = twos(b, w);
    bool na = a->sign < 0, nb = b->sign < 0, neg;
    BigInt t = BIG_INIT;
    reserve(&t, w);
    for (size_t i = 0; i < w; i++)
        t.d[i] = op == BIT_AND ? x[i] & y[i] : op == BIT_OR ? x[i] | y[i] : x[i] ^ y[i];
    neg = op == BIT_AND ? na && nb : op == BIT_OR ? na || nb : na != nb;
    t.n = w;
    t.sign = 1;
    if (neg) {
        /* the magnitude of a negative w-digit value: ~t + 1 */
        BigDigit carry = 1;
        for (size_t i = 0; i < w; i++) {
            carry += ~t.d[i] & BIG_MASK;
            t.d[i] = carry & BIG_MASK;
            carry >>= BIG_SHIFT;
        }
        t.sign = -1;
    }
    free(x);
    free(y);
    finish(r, &t);
}

void big_and(BigInt *r, const BigInt *a, const BigInt *b) { bitwise(r, a, b, BIT_AND); }
void big_or(BigInt *r, const BigInt *a, const BigInt *b) { bitwise(r, a, b, BIT_OR); }
void big_xor(BigInt *r, const BigInt *a, const BigInt *b) { bitwise(r, a, b, BIT_XOR); }

void big_invert(BigInt *r, const BigInt *a)
{
    BigInt one = BIG_INIT;
    big_from_i64(&one, 1);
    big_add(r, a, &one);
    r->sign = -r->sign;
    big_free(&one);
}

/* ---- text ---------------------------------------------------------------- */

static const char lower_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char upper_digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int log2_of(int base)
{
    int k = 0;
    while ((1 << k) < base)
        k++;
    return (1 << k) == base ? k : 0;
}

char *big_to_str(const BigInt *b, int base, bool prefix, bool upper, size_t *len,
                 BigStatus *st)
{
    assert(base >= 2 && base <= 36);
    const char *digs = upper ? upper_digits : lower_digits;
    int k = log2_of(base);
    uint64_t nb = big_bit_length(b);
    /* The digits, least significant first, into rev. */
    char *rev;
    size_t nd = 0;
    if (k) {
        size_t cap = (size_t)((nb + (uint64_t)k - 1) / (uint64_t)k) + 1;
        rev = xmalloc(cap);
        TwoDigits acc = 0;
        int accbits = 0;
        for (size_t i = 0; i < b->n; i++) {
            acc |= (TwoDigits)b->d[i] << accbits;
            accbits += BIG_SHIFT;
            while (accbits >= k && (i + 1 < b->n || acc)) {
                rev[nd++] = digs[acc & (TwoDigits)(base - 1)];
                acc >>= k;
                accbits -= k;
            }
        }
        while (acc) {
            rev[nd++] = digs[acc & (TwoDigits)(base - 1)];
            acc >>= k;
        }
    } else {
        /* More bits than 4300 decimal digits can hold: refuse at once,
         * before any quadratic work (2**14288 has 4302 digits). */
        if (base == 10 && nb > 14288) {
            if (st)
                *st = BIG_ELIMIT;
            return NULL;
        }
        /* Repeated division by the largest power of base below 2**30,
         * each remainder giving `per` digits. */
        BigDigit chunk = (BigDigit)base;
        int per = 1;
        while ((TwoDigits)chunk * (TwoDigits)base < ((TwoDigits)1 << BIG_SHIFT)) {
            chunk *= (BigDigit)base;
            per++;
        }
        size_t cap = (size_t)(nb / 1) + 2; /* at least one bit per digit */
        rev = xmalloc(cap);
        BigDigit *w = xmalloc((b->n ? b->n : 1) * sizeof *w);
        size_t wn = b->n;
        if (wn)
            memcpy(w, b->d, wn * sizeof *w);
        while (wn) {
            BigDigit rem = digits_divrem1(w, wn, chunk);
            while (wn && w[wn - 1] == 0)
                wn--;
            for (int i = 0; i < per && (wn || rem); i++) {
                rev[nd++] = digs[rem % (BigDigit)base];
                rem /= (BigDigit)base;
            }
        }
        free(w);
        if (base == 10 && nd > BIG_MAX_STR_DIGITS) {
            free(rev);
            if (st)
                *st = BIG_ELIMIT;
            return NULL;
        }
    }
    if (nd == 0)
        rev[nd++] = '0';
    char *out = xmalloc(nd + 4);
    size_t n = 0;
    if (b->sign < 0)
        out[n++] = '-';
    if (prefix && (base == 2 || base == 8 || base == 16)) {
        out[n++] = '0';
        char p = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        out[n++] = upper ? (char)(p - 'a' + 'A') : p;
    }
    while (nd)
        out[n++] = rev[--nd];
    out[n] = '\0';
    free(rev);
    *len = n;
    if (st)
        *st = BIG_OK;
    return out;
}

BigStatus big_from_str(BigInt *b, const char *s, size_t len, int base, size_t *ndigits)
{
    assert(base == 0 || (base >= 2 && base <= 36));
    FmtIntText tx;
    fmt_int_text(s, len, base, &tx); /* the literal's shape, shared with int() */
    if (tx.bad_underscore || tx.end == tx.start || tx.after != len)
        return BIG_EINVALID;
    base = tx.base;
    int sign = tx.negative ? -1 : 1;
    bool old_octal = tx.old_octal;
    size_t end = tx.end, count = tx.ndigits, first_nonzero = SIZE_MAX, first_pos = 0;
    for (size_t i = tx.start, n = 0; i < end; i++) {
        if (s[i] == '_')
            continue;
        if (s[i] != '0') {
            first_nonzero = n;
            first_pos = i;
            break;
        }
        n++;
    }
    int k = log2_of(base);
    if (!k && count > BIG_MAX_STR_DIGITS) {
        if (ndigits)
            *ndigits = count;
        return BIG_ELIMIT;
    }
    if (old_octal && first_nonzero != SIZE_MAX)
        return BIG_EINVALID;
    BigInt t = BIG_INIT;
    if (first_nonzero == SIZE_MAX)
        return finish(b, &t);
    size_t sig = count - first_nonzero; /* significant digits */
    if (k) {
        if ((uint64_t)(sig - 1) * (uint64_t)k >= BIG_MAX_BITS)
            return BIG_ETOOBIG;
        /* Pack k bits per digit, from the last digit up. */
        reserve(&t, (size_t)(((uint64_t)sig * (uint64_t)k) / BIG_SHIFT + 1));
        TwoDigits acc = 0;
        int accbits = 0;
        t.n = 0;
        for (size_t j = end; j-- > first_pos;) {
            if (s[j] == '_')
                continue;
            acc |= (TwoDigits)fmt_digit_value(s[j]) << accbits;
            accbits += k;
            if (accbits >= BIG_SHIFT) {
                t.d[t.n++] = (BigDigit)acc & BIG_MASK;
                acc >>= BIG_SHIFT;
                accbits -= BIG_SHIFT;
            }
        }
        if (acc)
            t.d[t.n++] = (BigDigit)acc;
    } else {
        /* Multiply-add by chunks of digits whose value fits a digit. */
        BigDigit chunk_max = (BigDigit)base;
        int per = 1;
        while ((TwoDigits)chunk_max * (TwoDigits)base < ((TwoDigits)1 << BIG_SHIFT)) {
            chunk_max *= (BigDigit)base;
            per++;
        }
        reserve(&t, sig / (size_t)per + 2);
        t.n = 0;
        BigDigit chunk = 0, mult = 1;
        int got = 0;
        for (size_t j = first_pos; j < end; j++) {
            if (s[j] == '_')
                continue;
            chunk = chunk * (BigDigit)base + (BigDigit)fmt_digit_value(s[j]);
            mult *= (BigDigit)base;
            if (++got == per || j + 1 == end) {
                BigDigit carry = digits_muladd1(t.d, t.n, mult, chunk);
                if (carry)
                    t.d[t.n++] = carry;
                chunk = 0;
                mult = 1;
                got = 0;
            }
        }
        if (got) {
            BigDigit carry = digits_muladd1(t.d, t.n, mult, chunk);
            if (carry)
                t.d[t.n++] = carry;
        }
    }
    t.sign = sign;
    return finish(b, &t);
}
