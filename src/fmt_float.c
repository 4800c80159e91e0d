/* fmt_float: doubles as text, as CPython's repr() and float formatting.
 *
 * Digits come from the C library's correctly rounded %e/%f conversions and
 * strtod (exact in glibc); the layout (where the point goes, when to switch
 * to an exponent, padding zeros) follows CPython's rules. Only ASCII digits,
 * signs and 'e' are read from the C library's output and no decimal point
 * is handed to strtod, so the C locale in force does not matter. */
#include "fmt.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A double's exact decimal expansion has at most 767 significant digits and
 * 1074 after the point: asking the C library for more only adds zeros,
 * which the layout adds back by itself. */
#define E_CAP 800
#define F_CAP 1100
#define CONV_SIZE (F_CAP + 400)

/* The value 0.DIGITS * 10**decpt: no leading or trailing zeros, except
 * that zero is "0" with decpt 1. */
typedef struct Digits {
    char d[CONV_SIZE];
    int n;
    int decpt;
} Digits;

static void digits_normalize(Digits *g)
{
    int lead = 0;
    while (lead < g->n && g->d[lead] == '0')
        lead++;
    if (lead == g->n) {
        g->d[0] = '0';
        g->n = 1;
        g->decpt = 1;
        return;
    }
    memmove(g->d, g->d + lead, (size_t)(g->n - lead));
    g->n -= lead;
    g->decpt -= lead;
    while (g->d[g->n - 1] == '0')
        g->n--;
}

/* Digits of |x| rounded to sig significant digits (sig >= 1), x finite. */
static void digits_sig(double x, int sig, Digits *g)
{
    char buf[CONV_SIZE];
    int len = snprintf(buf, sizeof buf, "%.*e", sig - 1, fabs(x));
    assert(len > 0 && len < (int)sizeof buf); /* sig is capped below it */
    (void)len;
    const char *p = buf;
    g->n = 0;
    for (; *p && *p != 'e' && *p != 'E'; p++)
        if (*p >= '0' && *p <= '9')
            g->d[g->n++] = *p;
    int exp = 0;
    if (*p) {
        p++;
        bool neg = *p == '-';
        if (*p == '-' || *p == '+')
            p++;
        for (; *p >= '0' && *p <= '9'; p++)
            exp = exp * 10 + (*p - '0');
        if (neg)
            exp = -exp;
    }
    g->decpt = exp + 1;
    digits_normalize(g);
}

/* Digits of |x| rounded to frac digits after the point, x finite. */
static void digits_fixed(double x, int frac, Digits *g)
{
    char buf[CONV_SIZE];
    int len = snprintf(buf, sizeof buf, "%.*f", frac, fabs(x));
    assert(len > 0 && len < (int)sizeof buf); /* frac is capped below it */
    (void)len;
    const char *p = buf;
    g->n = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        g->d[g->n++] = *p;
    g->decpt = g->n;
    for (; *p; p++)
        if (*p >= '0' && *p <= '9')
            g->d[g->n++] = *p;
    digits_normalize(g);
}

/* Does mant * 10**exp10 read back as x (x > 0)? *back gets what it reads. */
static bool reads_back(uint64_t mant, int exp10, double x, double *back)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%" PRIu64 "e%d", mant, exp10);
    *back = strtod(buf, NULL);
    return *back == x;
}

static void digits_from_mant(uint64_t mant, int exp10, Digits *g)
{
    g->n = snprintf(g->d, sizeof g->d, "%" PRIu64, mant);
    g->decpt = g->n + exp10;
    digits_normalize(g);
}

/* The shortest digits that read back as |x| (finite), nearest to x among
 * the shortest: repr()'s digits. For each length, the correctly rounded
 * candidate is the nearest; when it misses, only its neighbour on the
 * other side of x can still hit (the interval that reads back as x is
 * lopsided at powers of 2). */
static void digits_shortest(double x, Digits *g)
{
    x = fabs(x);
    if (x == 0) {
        g->d[0] = '0';
        g->n = 1;
        g->decpt = 1;
        return;
    }
    for (int sig = 1; sig <= 17; sig++) {
        Digits c;
        digits_sig(x, sig, &c);
        /* c holds sig digits or fewer: pad to exactly sig as an integer. */
        uint64_t mant = 0, pow10 = 1;
        for (int i = 0; i < sig; i++) {
            mant = mant * 10 + (uint64_t)(i < c.n ? c.d[i] - '0' : 0);
            if (i)
                pow10 *= 10;
        }
        int exp10 = c.decpt - sig;
        double back;
        if (reads_back(mant, exp10, x, &back)) {
            digits_from_mant(mant, exp10, g);
            return;
        }
        uint64_t other = mant;
        int other_exp = exp10;
        if (back < x) {
            other = mant + 1;
        } else if (mant == pow10) {
            /* Below 10**k the spacing is ten times finer. */
            other = pow10 * 10 - 1;
            other_exp = exp10 - 1;
        } else {
            other = mant - 1;
        }
        if (other && reads_back(other, other_exp, x, &back)) {
            digits_from_mant(other, other_exp, g);
            return;
        }
    }
    digits_sig(x, 17, g); /* 17 digits always read back */
}

static void put_nonfinite(double x, bool upper, unsigned flags, FmtBuf *out)
{
    if (isnan(x)) {
        /* CPython ignores the sign of a nan. */
        if (flags & FMT_DTS_SIGN)
            fmt_buf_putc(out, '+');
        fmt_buf_puts(out, upper ? "NAN" : "nan");
        return;
    }
    if (x < 0)
        fmt_buf_putc(out, '-');
    else if (flags & FMT_DTS_SIGN)
        fmt_buf_putc(out, '+');
    fmt_buf_puts(out, upper ? "INF" : "inf");
}

FmtStatus fmt_float_to_string(double x, char code, int64_t precision,
                              unsigned flags, FmtBuf *out)
{
    bool upper = code == 'E' || code == 'F' || code == 'G';
    if (upper)
        code = (char)(code - 'A' + 'a');
    if (precision < 0)
        precision = 0;
    if (precision > FMT_MAX_OUTPUT)
        return FMT_EMEMORY;
    if (!isfinite(x)) {
        put_nonfinite(x, upper, flags, out);
        return FMT_OK;
    }
    int prec = (int)precision;
    bool alt = flags & FMT_DTS_ALT;
    bool add_dot_0 = flags & FMT_DTS_ADD_DOT_0;
    Digits g;
    bool use_exp = false;
    int64_t end; /* digit positions shown, counted from the first digit */

    switch (code) {
    case 'e':
        digits_sig(x, (prec < E_CAP ? prec : E_CAP) + 1, &g);
        use_exp = true;
        end = (int64_t)prec + 1;
        break;
    case 'f':
        digits_fixed(x, prec < F_CAP ? prec : F_CAP, &g);
        end = (int64_t)g.decpt + prec;
        break;
    case 'g': {
        int sig = prec == 0 ? 1 : prec;
        digits_sig(x, sig < E_CAP ? sig : E_CAP, &g);
        if (g.decpt <= -4 || g.decpt > (add_dot_0 ? sig - 1 : sig))
            use_exp = true;
        end = alt ? sig : g.n;
        break;
    }
    default:
        assert(code == 'r');
        digits_shortest(x, &g);
        if (g.decpt <= -4 || g.decpt > 16)
            use_exp = true;
        end = g.n;
        break;
    }

    bool negative = signbit(x);
    if ((flags & FMT_DTS_NO_NEG_0) && g.n == 1 && g.d[0] == '0')
        negative = false;

    int exp = 0;
    int64_t decpt = g.decpt;
    if (use_exp) {
        exp = g.decpt - 1;
        decpt = 1;
    }
    /* Show digits [start, end) of the digit string padded with zeros on
     * both sides, with the point before position decpt: at least one digit
     * before the point, and one after it if add_dot_0 asks. */
    int64_t start = decpt <= 0 ? decpt - 1 : 0;
    if (end < g.n)
        end = g.n;
    int64_t min_end = decpt + (add_dot_0 && !use_exp ? 1 : 0);
    if (end < min_end)
        end = min_end;

    fmt_buf_reserve(out, (size_t)(end - start) + 8);
    if (negative)
        fmt_buf_putc(out, '-');
    else if (flags & FMT_DTS_SIGN)
        fmt_buf_putc(out, '+');
    for (int64_t i = start; i < end; i++) {
        if (i == decpt)
            out->data[out->len++] = '.';
        out->data[out->len++] = i >= 0 && i < g.n ? g.d[i] : '0';
    }
    if (decpt == end)
        out->data[out->len++] = '.';
    if (out->data[out->len - 1] == '.' && !alt)
        out->len--;
    out->data[out->len] = '\0';
    if (use_exp)
        fmt_buf_printf(out, "%c%c%02d", upper ? 'E' : 'e',
                       exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return FMT_OK;
}

void fmt_float_repr(double x, FmtBuf *out)
{
    fmt_float_to_string(x, 'r', 0, FMT_DTS_ADD_DOT_0, out);
}
