/* fmt_parse: int(s, base) and float(s) with CPython 3.11's rules and
 * messages. */
#include "fmt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* CPython caps decimal (non power-of-2 base) int literals at this many
 * digits, against quadratic-time conversions. */
#define MAX_STR_DIGITS 4300

/* CPython's first step for both: non-ASCII decimal digits become ASCII
 * ones, non-ASCII spaces become ' ', and any other non-ASCII character (or
 * DEL) ends the text as a '?', which no later rule accepts. */
static void to_ascii(const char *s, size_t len, FmtBuf *ascii)
{
    fmt_buf_reserve(ascii, len);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += fmt_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x7f) {
            fmt_buf_putc(ascii, (char)cp);
        } else if (fmt_uni_isspace(cp)) {
            fmt_buf_putc(ascii, ' ');
        } else {
            int d = fmt_uni_decimal(cp);
            fmt_buf_putc(ascii, d >= 0 ? (char)('0' + d) : '?');
            if (d < 0)
                break;
        }
    }
}

void fmt_int_ascii(const char *s, size_t len, FmtBuf *ascii)
{
    to_ascii(s, len, ascii);
}

/* Python's ASCII whitespace test (Py_ISSPACE). */
static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The repr of s cut to 200 code points, as CPython's "%.200R". */
static void put_repr_200(FmtBuf *err, const char *s, size_t len)
{
    FmtBuf r = FMT_BUF_INIT;
    fmt_str_repr(s, len, &r);
    size_t bytes = 0;
    for (int count = 0; bytes < r.len && count < 200; count++) {
        uint32_t cp;
        bytes += fmt_utf8_decode(r.data + bytes, r.len - bytes, &cp);
    }
    fmt_buf_put(err, r.data, bytes);
    fmt_buf_free(&r);
}

/* ---- int() ------------------------------------------------------------- */

int fmt_digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

typedef enum { INT_OK, INT_INVALID, INT_TOO_MANY_DIGITS } IntScan;

void fmt_int_text(const char *s, size_t n, int base, FmtIntText *t)
{
    size_t i = 0;
#define AT(k) ((k) < n ? s[k] : '\0')
    *t = (FmtIntText){0};
    while (i < n && is_space(s[i]))
        i++;
    if (AT(i) == '+') {
        i++;
    } else if (AT(i) == '-') {
        t->negative = true;
        i++;
    }
    if (base == 0) {
        char c = AT(i + 1);
        if (AT(i) != '0')
            base = 10;
        else if (c == 'x' || c == 'X')
            base = 16;
        else if (c == 'o' || c == 'O')
            base = 8;
        else if (c == 'b' || c == 'B')
            base = 2;
        else {
            t->old_octal = true; /* "012" with base 0: only zeros are allowed */
            base = 10;
        }
    }
    t->base = base;
    if (AT(i) == '0') {
        char c = AT(i + 1);
        if ((base == 16 && (c == 'x' || c == 'X')) ||
            (base == 8 && (c == 'o' || c == 'O')) ||
            (base == 2 && (c == 'b' || c == 'B'))) {
            i += 2;
            if (AT(i) == '_') /* one underscore may follow the prefix */
                i++;
        }
    }
    if (AT(i) == '_')
        t->bad_underscore = true;
    t->start = i;
    char prev = 0;
    for (; fmt_digit_value(AT(i)) < base || AT(i) == '_'; i++) {
        char c = AT(i);
        if (c == '_') {
            if (prev == '_')
                t->bad_underscore = true;
        } else {
            t->ndigits++;
            t->any_nonzero |= c != '0';
        }
        prev = c;
    }
    if (prev == '_')
        t->bad_underscore = true;
    t->end = i;
    while (i < n && is_space(s[i]))
        i++;
    t->after = i;
#undef AT
}

/* Scans an ASCII int literal s[0..n) (s[n] == 0) in base (0 or 2..36),
 * the whole text. Sets *mag to the magnitude, *overflow if it exceeds
 * uint64, *digits to the number of digits. */
static IntScan scan_int(const char *s, size_t n, int base, bool *negative,
                        uint64_t *mag, bool *overflow, size_t *digits)
{
    FmtIntText t;
    fmt_int_text(s, n, base, &t);
    *negative = t.negative;
    *digits = t.ndigits;
    *mag = 0;
    *overflow = false;
    if (t.bad_underscore)
        return INT_INVALID;
    for (size_t i = t.start; i < t.end; i++) {
        if (s[i] == '_')
            continue;
        uint64_t d = (uint64_t)fmt_digit_value(s[i]);
        if (*mag > (UINT64_MAX - d) / (uint64_t)t.base)
            *overflow = true;
        else
            *mag = *mag * (uint64_t)t.base + d;
    }
    if ((t.base & (t.base - 1)) != 0 && t.ndigits > MAX_STR_DIGITS)
        return INT_TOO_MANY_DIGITS;
    if (t.old_octal && t.any_nonzero)
        return INT_INVALID;
    if (t.end == t.start)
        return INT_INVALID;
    return t.after == n ? INT_OK : INT_INVALID;
}

FmtStatus fmt_parse_int(const char *s, size_t len, int base, int64_t *out,
                        FmtBuf *err)
{
    if ((base != 0 && base < 2) || base > 36) {
        if (err) {
            fmt_buf_clear(err);
            fmt_buf_puts(err, "int() base must be >= 2 and <= 36, or 0");
        }
        return FMT_EVALUE;
    }
    FmtBuf ascii = FMT_BUF_INIT;
    to_ascii(s, len, &ascii);
    bool negative, overflow;
    uint64_t mag = 0;
    size_t digits = 0;
    IntScan scan = scan_int(fmt_buf_cstr(&ascii), ascii.len, base, &negative,
                            &mag, &overflow, &digits);
    fmt_buf_free(&ascii);
    if (scan == INT_TOO_MANY_DIGITS) {
        if (err) {
            fmt_buf_clear(err);
            fmt_buf_printf(err,
                           "Exceeds the limit (%d digits) for integer string "
                           "conversion: value has %zu digits; use "
                           "sys.set_int_max_str_digits() to increase the "
                           "limit",
                           MAX_STR_DIGITS, digits);
        }
        return FMT_EVALUE;
    }
    if (scan == INT_INVALID) {
        if (err) {
            fmt_buf_clear(err);
            fmt_buf_printf(err, "invalid literal for int() with base %d: ",
                           base);
            put_repr_200(err, s, len);
        }
        return FMT_EVALUE;
    }
    uint64_t limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    if (overflow || mag > limit) {
        if (err) {
            fmt_buf_clear(err);
            fmt_buf_puts(err, FMT_MSG_INT_RANGE);
        }
        return FMT_EOVERFLOW;
    }
    if (!negative)
        *out = (int64_t)mag;
    else if (mag == (uint64_t)INT64_MAX + 1)
        *out = INT64_MIN;
    else
        *out = -(int64_t)mag;
    return FMT_OK;
}

/* ---- float() ----------------------------------------------------------- */

/* Does s[*i..n) start with word, ignoring case? Advances *i if so. */
static bool match_word(const char *s, size_t n, size_t *i, const char *word)
{
    size_t k = 0;
    for (; word[k]; k++) {
        char c = *i + k < n ? s[*i + k] : '\0';
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[k])
            return false;
    }
    *i += k;
    return true;
}

/* Parses s[0..n), already free of underscores and surrounding spaces, as
 * the C library's strtod would, less hex; false if it is not all a number.
 * The digits are handed to strtod without a point, so the value is
 * correctly rounded and the C locale does not matter. */
static bool scan_float(const char *s, size_t n, double *out)
{
    size_t i = 0;
    bool negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    if (i < n && (is_digit(s[i]) || s[i] == '.')) {
        FmtBuf num = FMT_BUF_INIT;
        if (negative)
            fmt_buf_putc(&num, '-');
        size_t ndigits = 0, nfrac = 0;
        for (; i < n && is_digit(s[i]); i++, ndigits++)
            fmt_buf_putc(&num, s[i]);
        if (i < n && s[i] == '.') {
            for (i++; i < n && is_digit(s[i]); i++, nfrac++)
                fmt_buf_putc(&num, s[i]);
        }
        if (ndigits + nfrac == 0) {
            fmt_buf_free(&num);
            return false;
        }
        long long exp10 = 0;
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            size_t j = i + 1;
            bool exp_negative = false;
            if (j < n && (s[j] == '+' || s[j] == '-'))
                exp_negative = s[j++] == '-';
            if (j < n && is_digit(s[j])) {
                /* Saturate: beyond 10**9 the value is inf or 0 already. */
                for (; j < n && is_digit(s[j]); j++)
                    if (exp10 < 1000000000)
                        exp10 = exp10 * 10 + (s[j] - '0');
                if (exp_negative)
                    exp10 = -exp10;
                i = j;
            }
        }
        bool ok = i == n;
        if (ok) {
            fmt_buf_printf(&num, "e%lld", exp10 - (long long)nfrac);
            *out = strtod(num.data, NULL);
        }
        fmt_buf_free(&num);
        return ok;
    }
    double v;
    if (match_word(s, n, &i, "inf")) {
        match_word(s, n, &i, "inity");
        v = INFINITY;
    } else if (match_word(s, n, &i, "nan")) {
        v = NAN;
    } else {
        return false;
    }
    if (i != n)
        return false;
    *out = negative ? -v : v;
    return true;
}

FmtStatus fmt_parse_float(const char *s, size_t len, double *out,
                          FmtBuf *err)
{
    FmtBuf ascii = FMT_BUF_INIT;
    to_ascii(s, len, &ascii);
    const char *a = fmt_buf_cstr(&ascii);
    size_t n = ascii.len;
    bool ok = memchr(a, '\0', n) == NULL;

    /* '_' only between digits; then drop them. */
    FmtBuf clean = FMT_BUF_INIT;
    char prev = 0;
    for (size_t i = 0; ok && i < n; i++) {
        if (a[i] == '_') {
            ok = is_digit(prev);
        } else {
            ok = prev != '_' || is_digit(a[i]);
            fmt_buf_putc(&clean, a[i]);
        }
        prev = a[i];
    }
    if (prev == '_')
        ok = false;

    double value = 0;
    if (ok) {
        const char *c = fmt_buf_cstr(&clean);
        size_t lo = 0, hi = clean.len;
        while (lo < hi && is_space(c[lo]))
            lo++;
        while (hi > lo && is_space(c[hi - 1]))
            hi--;
        ok = lo < hi && scan_float(c + lo, hi - lo, &value);
    }
    fmt_buf_free(&clean);
    fmt_buf_free(&ascii);
    if (!ok) {
        if (err) {
            fmt_buf_clear(err);
            fmt_buf_puts(err, "could not convert string to float: ");
            fmt_str_repr(s, len, err);
        }
        return FMT_EVALUE;
    }
    *out = value;
    return FMT_OK;
}
