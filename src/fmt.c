/* fmt: the byte buffer, UTF-8, repr of strs, ints in a base, and hashes. */
#include "fmt.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

/* ---- FmtBuf ------------------------------------------------------------ */

void fmt_buf_init(FmtBuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void fmt_buf_free(FmtBuf *b)
{
    free(b->data);
    fmt_buf_init(b);
}

void fmt_buf_clear(FmtBuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* Keeps room for extra bytes plus the terminating NUL. */
void fmt_buf_reserve(FmtBuf *b, size_t extra)
{
    if (extra >= SIZE_MAX - b->len)
        xmem_fatal("string buffer too large");
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void fmt_buf_truncate(FmtBuf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

void fmt_buf_putc(FmtBuf *b, char c)
{
    fmt_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void fmt_buf_put(FmtBuf *b, const char *s, size_t n)
{
    fmt_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void fmt_buf_puts(FmtBuf *b, const char *s)
{
    fmt_buf_put(b, s, strlen(s));
}

/* Surrogates are encoded too (3 bytes): a str may hold lone ones. */
static size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    if (cp > 0x10ffff)
        return utf8_encode(0xfffd, out);
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

void fmt_buf_put_cp(FmtBuf *b, uint32_t cp)
{
    char tmp[4];
    fmt_buf_put(b, tmp, utf8_encode(cp, tmp));
}

void fmt_buf_fill_cp(FmtBuf *b, uint32_t cp, size_t count)
{
    char tmp[4];
    size_t n = utf8_encode(cp, tmp);
    if (count > (SIZE_MAX - b->len) / 4)
        xmem_fatal("string buffer too large");
    fmt_buf_reserve(b, n * count);
    for (size_t i = 0; i < count; i++) {
        memcpy(b->data + b->len, tmp, n);
        b->len += n;
    }
    b->data[b->len] = '\0';
}

void fmt_buf_printf(FmtBuf *b, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, format, ap);
    va_end(ap);
    if (n < 0)
        xmem_fatal("bad format string");
    fmt_buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, format, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}

const char *fmt_buf_cstr(const FmtBuf *b)
{
    return b->data ? b->data : "";
}

char *fmt_buf_take(FmtBuf *b)
{
    char *s = b->data ? b->data : xstrdup("");
    fmt_buf_init(b);
    return s;
}

/* ---- UTF-8 ------------------------------------------------------------- */

size_t fmt_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        v = c & 0x1f;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        v = c & 0x0f;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = 0xfffd;
        return 1;
    }
    if (len < n) {
        *cp = 0xfffd;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xc0) != 0x80) {
            *cp = 0xfffd;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff) { /* overlong or beyond Unicode */
        *cp = 0xfffd;
        return 1;
    }
    *cp = v;
    return n;
}

size_t fmt_utf8_length(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; count++) {
        uint32_t cp;
        i += fmt_utf8_decode(s + i, len - i, &cp);
    }
    return count;
}

/* ---- repr of a str ----------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

static void put_hex_escape(FmtBuf *out, char kind, uint32_t cp, int ndigits)
{
    char tmp[10];
    tmp[0] = '\\';
    tmp[1] = kind;
    for (int i = 0; i < ndigits; i++)
        tmp[2 + i] = hexdigits[(cp >> (4 * (ndigits - 1 - i))) & 0xf];
    fmt_buf_put(out, tmp, (size_t)ndigits + 2);
}

void fmt_str_repr(const char *s, size_t len, FmtBuf *out)
{
    /* Single quotes unless that would need escapes that double ones avoid. */
    bool squote = memchr(s, '\'', len) != NULL;
    bool dquote = memchr(s, '"', len) != NULL;
    char quote = squote && !dquote ? '"' : '\'';

    fmt_buf_reserve(out, len + 2);
    fmt_buf_putc(out, quote);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fmt_utf8_decode(s + i, len - i, &cp);
        if (cp == (uint32_t)quote || cp == '\\') {
            fmt_buf_putc(out, '\\');
            fmt_buf_putc(out, (char)cp);
        } else if (cp == '\t') {
            fmt_buf_put(out, "\\t", 2);
        } else if (cp == '\n') {
            fmt_buf_put(out, "\\n", 2);
        } else if (cp == '\r') {
            fmt_buf_put(out, "\\r", 2);
        } else if (cp < 0x80) {
            if (cp < ' ' || cp == 0x7f)
                put_hex_escape(out, 'x', cp, 2);
            else
                fmt_buf_putc(out, (char)cp);
        } else if (fmt_uni_isprintable(cp)) {
            fmt_buf_put_cp(out, cp);
        } else if (cp <= 0xff) {
            put_hex_escape(out, 'x', cp, 2);
        } else if (cp <= 0xffff) {
            put_hex_escape(out, 'u', cp, 4);
        } else {
            put_hex_escape(out, 'U', cp, 8);
        }
        i += n;
    }
    fmt_buf_putc(out, quote);
}

/* ---- ints in a base ---------------------------------------------------- */

/* |v| without overflow, INT64_MIN included. */
static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void fmt_int_to_base(int64_t v, int base, bool prefix, bool upper,
                     FmtBuf *out)
{
    assert(base >= 2 && base <= 36);
    const char *digits = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               : "0123456789abcdefghijklmnopqrstuvwxyz";
    char tmp[72];
    size_t pos = sizeof tmp;
    uint64_t u = magnitude(v);
    do {
        tmp[--pos] = digits[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    if (prefix && (base == 2 || base == 8 || base == 16)) {
        char letter = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        tmp[--pos] = upper ? (char)(letter - 'a' + 'A') : letter;
        tmp[--pos] = '0';
    }
    if (v < 0)
        tmp[--pos] = '-';
    fmt_buf_put(out, tmp + pos, sizeof tmp - pos);
}

void fmt_int_str(int64_t v, FmtBuf *out)
{
    fmt_int_to_base(v, 10, false, false, out);
}

/* ---- hashes ------------------------------------------------------------ */

/* CPython hashes numbers modulo this Mersenne prime, so that equal ints
 * and floats hash alike: hash(x) is x mod P, with x's sign. */
#define HASH_BITS 61
#define HASH_P (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

/* The int64_t with the bits of u (two's complement), portably. */
static int64_t from_bits(uint64_t u)
{
    return u <= INT64_MAX ? (int64_t)u : -(int64_t)(UINT64_MAX - u) - 1;
}

static int64_t signed_hash(uint64_t mod_p, bool negative)
{
    int64_t h = negative ? -(int64_t)mod_p : (int64_t)mod_p;
    return h == -1 ? -2 : h; /* -1 means "error" to CPython */
}

int64_t fmt_hash_int(int64_t v)
{
    uint64_t u = magnitude(v);
    /* 2**61 == 1 (mod P): fold the top bits onto the low ones. */
    uint64_t x = (u & HASH_P) + (u >> HASH_BITS);
    if (x >= HASH_P)
        x -= HASH_P;
    return signed_hash(x, v < 0);
}

int64_t fmt_hash_float(double x)
{
    if (isinf(x))
        return x > 0 ? HASH_INF : -HASH_INF;
    if (isnan(x) || x == 0)
        return 0;
    /* |x| == m * 2**e exactly, with m an integer below 2**53 < P. */
    int e;
    double frac = frexp(fabs(x), &e);
    uint64_t m = (uint64_t)ldexp(frac, 53);
    e -= 53;
    /* Multiplying by 2**e mod P rotates m within 61 bits, since 2**61 == 1. */
    int k = e % HASH_BITS;
    if (k < 0)
        k += HASH_BITS;
    uint64_t h = k ? ((m << k) & HASH_P) | (m >> (HASH_BITS - k)) : m;
    return signed_hash(h, x < 0);
}

static uint64_t rotl64(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

typedef struct SipState {
    uint64_t v0, v1, v2, v3;
} SipState;

static void sip_round(SipState *s)
{
    s->v0 += s->v1;
    s->v1 = rotl64(s->v1, 13);
    s->v1 ^= s->v0;
    s->v0 = rotl64(s->v0, 32);
    s->v2 += s->v3;
    s->v3 = rotl64(s->v3, 16);
    s->v3 ^= s->v2;
    s->v0 += s->v3;
    s->v3 = rotl64(s->v3, 21);
    s->v3 ^= s->v0;
    s->v2 += s->v1;
    s->v1 = rotl64(s->v1, 17);
    s->v1 ^= s->v2;
    s->v2 = rotl64(s->v2, 32);
}

/* SipHash-1-3 with the key (0, 0): one round per word, three to finish. */
static uint64_t siphash13(const unsigned char *p, size_t len)
{
    SipState s = {0x736f6d6570736575ULL, 0x646f72616e646f6dULL,
                  0x6c7967656e657261ULL, 0x7465646279746573ULL};
    uint64_t last = (uint64_t)len << 56;
    for (; len >= 8; p += 8, len -= 8) {
        uint64_t m = 0;
        for (int i = 7; i >= 0; i--)
            m = (m << 8) | p[i];
        s.v3 ^= m;
        sip_round(&s);
        s.v0 ^= m;
    }
    for (size_t i = 0; i < len; i++)
        last |= (uint64_t)p[i] << (8 * i);
    s.v3 ^= last;
    sip_round(&s);
    s.v0 ^= last;
    s.v2 ^= 0xff;
    sip_round(&s);
    sip_round(&s);
    sip_round(&s);
    return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

/* CPython hashes a str's storage: one byte per character if all are below
 * 256, else two, else four (little-endian), so that is what is hashed. */
int64_t fmt_hash_str(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    uint32_t max = 0;
    size_t count = 0;
    for (size_t i = 0; i < len; count++) {
        uint32_t cp;
        i += fmt_utf8_decode(s + i, len - i, &cp);
        if (cp > max)
            max = cp;
    }
    uint64_t h;
    if (max < 0x80) {
        h = siphash13((const unsigned char *)s, len);
    } else {
        size_t width = max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
        unsigned char *units = xmalloc(count * width);
        size_t k = 0;
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            i += fmt_utf8_decode(s + i, len - i, &cp);
            for (size_t b = 0; b < width; b++)
                units[k++] = (unsigned char)(cp >> (8 * b));
        }
        h = siphash13(units, k);
        free(units);
    }
    return h == UINT64_MAX ? -2 : from_bits(h);
}

/* CPython 3.11's tuple hash: xxHash's 64-bit lane mixing over the items'
 * hashes, then the length. */
int64_t fmt_hash_tuple(const int64_t *item_hashes, size_t n)
{
    const uint64_t prime1 = 11400714785074694791ULL;
    const uint64_t prime2 = 14029467366897019727ULL;
    const uint64_t prime5 = 2870177450012600261ULL;
    uint64_t acc = prime5;
    for (size_t i = 0; i < n; i++) {
        acc += (uint64_t)item_hashes[i] * prime2;
        acc = rotl64(acc, 31);
        acc *= prime1;
    }
    acc += (uint64_t)n ^ (prime5 ^ 3527539ULL);
    if (acc == UINT64_MAX)
        return 1546275796;
    return from_bits(acc);
}
