/* bigint: arbitrary-precision integers with Python's semantics.
 *
 * A pure module: C values only, no interpreter objects. The magnitude is
 * kept as CPython's PyLongObject keeps it, little-endian digits of 30 bits
 * in uint32_t, so sizes (sys.getsizeof is 24 + 4 per digit) and hashes
 * come out as CPython's. Division rounds toward -inf, bitwise operators
 * act on the infinite two's complement of negative values, conversions to
 * double are correctly rounded: all as Python's int.
 *
 * Conventions:
 * - A BigInt is a value: zero-initialise it (BIG_INIT or big_init), pass it
 *   as the result of any operation, release it with big_free. A result may
 *   be the same BigInt as an operand.
 * - Operations that can fail return a BigStatus; on failure the result is
 *   left unchanged. No result has more than BIG_MAX_DIGITS digits: one
 *   that would is refused with BIG_ETOOBIG, for powers and shifts before
 *   any work is done, so 2 ** 10 ** 9 fails at once.
 * - Host memory comes from the xmalloc family (which aborts when the host
 *   is out of memory, never returning NULL). */
#ifndef MEMVIZ_BIGINT_H
#define MEMVIZ_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t BigDigit;

enum {
    BIG_SHIFT = 30,
    /* Largest magnitude accepted, in digits (3,000,000 bits, about 903,000
     * decimal digits, a 400 KB object): the scripts are untrusted and
     * division is quadratic, so one operation stays within seconds. */
    BIG_MAX_DIGITS = 100000,
    /* CPython 3.11's default sys.get_int_max_str_digits(): int <-> decimal
     * str conversions longer than this are refused (quadratic time). */
    BIG_MAX_STR_DIGITS = 4300,
};
#define BIG_MASK ((BigDigit)((1u << BIG_SHIFT) - 1))

typedef struct BigInt {
    int sign;      /* -1, 0 or 1; 0 exactly when n == 0 */
    size_t n;      /* digits in use; d[n - 1] != 0 */
    size_t cap;    /* digits allocated */
    BigDigit *d;   /* magnitude, least significant digit first */
} BigInt;

#define BIG_INIT {0, 0, 0, NULL}

typedef enum BigStatus {
    BIG_OK = 0,
    BIG_EZERODIV,   /* division, modulo or inverse modulo 0 */
    BIG_ETOOBIG,    /* the result would pass BIG_MAX_DIGITS: MemoryError */
    BIG_EOVERFLOW,  /* too large for a double */
    BIG_EINVALID,   /* big_from_str: not an int literal in that base */
    BIG_ELIMIT,     /* more than BIG_MAX_STR_DIGITS decimal digits */
    BIG_ENOINVERSE  /* big_powmod: negative exponent, base not invertible */
} BigStatus;

/* ---- life cycle and conversions ---------------------------------------- */

void big_init(BigInt *b);                 /* b = 0, nothing allocated */
void big_free(BigInt *b);                 /* back to big_init's state */
void big_copy(BigInt *dst, const BigInt *src);
void big_swap(BigInt *a, BigInt *b);
void big_from_i64(BigInt *b, int64_t v);
void big_from_u64(BigInt *b, uint64_t v);
/* True when b fits int64_t; then *out (may be NULL) gets its value. */
bool big_to_i64(const BigInt *b, int64_t *out);

/* int(x) of a finite double: x truncated toward zero (exact). */
void big_from_double(BigInt *b, double x);
/* float(b), correctly rounded (half to even). BIG_EOVERFLOW when it is
 * 2**1024 or more after rounding ("int too large to convert to float"). */
BigStatus big_to_double(const BigInt *b, double *out);
/* Compares b with x exactly: -1, 0 or 1 for b <, ==, > x; 2 when x is nan
 * (every comparison false). */
int big_cmp_double(const BigInt *b, double x);

/* ---- properties -------------------------------------------------------- */

static inline bool big_is_zero(const BigInt *b) { return b->sign == 0; }
int big_cmp(const BigInt *a, const BigInt *b);   /* -1, 0, 1 */
uint64_t big_bit_length(const BigInt *b);        /* of |b|; 0 for 0 */
/* sys.getsizeof of the int: 24 + 4 per digit, 28 for 0 (CPython 3.11
 * keeps one digit for zero). */
size_t big_sizeof(const BigInt *b);
/* hash(b) as CPython 3.11: |b| mod 2**61 - 1 with b's sign; -1 -> -2. */
int64_t big_hash(const BigInt *b);

/* ---- arithmetic -------------------------------------------------------- */

void big_neg(BigInt *r, const BigInt *a);
void big_abs(BigInt *r, const BigInt *a);
BigStatus big_add(BigInt *r, const BigInt *a, const BigInt *b);
BigStatus big_sub(BigInt *r, const BigInt *a, const BigInt *b);
BigStatus big_mul(BigInt *r, const BigInt *a, const BigInt *b);
/* q = a // b and m = a % b rounding toward -inf (m has b's sign); q or m
 * may be NULL. BIG_EZERODIV when b == 0. */
BigStatus big_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b);
/* a / b correctly rounded, as CPython's int true division. BIG_EZERODIV,
 * or BIG_EOVERFLOW ("integer division result too large for a float"). */
BigStatus big_truediv(const BigInt *a, const BigInt *b, double *out);
/* a ** e for e >= 0 (asserted). 0 ** 0 == 1; bases 0, 1 and -1 take any
 * exponent, every other base is refused at once (BIG_ETOOBIG) when the
 * result cannot fit BIG_MAX_DIGITS. */
BigStatus big_pow(BigInt *r, const BigInt *a, const BigInt *e);
/* pow(a, e, m), m != 0 (else BIG_EZERODIV): the result has m's sign (or
 * is 0); a negative e raises the inverse of a modulo m, BIG_ENOINVERSE
 * when there is none. */
BigStatus big_powmod(BigInt *r, const BigInt *a, const BigInt *e, const BigInt *m);

/* a << n and a >> n (floor, so -1 >> n == -1). */
BigStatus big_lshift(BigInt *r, const BigInt *a, uint64_t n);
void big_rshift(BigInt *r, const BigInt *a, uint64_t n);

/* &, |, ^ and ~ on the two's complement of negative values, as Python. */
void big_and(BigInt *r, const BigInt *a, const BigInt *b);
void big_or(BigInt *r, const BigInt *a, const BigInt *b);
void big_xor(BigInt *r, const BigInt *a, const BigInt *b);
void big_invert(BigInt *r, const BigInt *a);    /* -(a + 1) */

/* ---- text -------------------------------------------------------------- */

/* b in base 2..36 (asserted), digits 0-9a-z (A-Z if upper), '-' first for
 * negatives; with prefix, 0b/0o/0x (0B/0O/0X if upper) after the sign for
 * bases 2, 8, 16, as bin(), oct(), hex(). Returns a NUL-terminated string
 * from xmalloc (caller frees) and its length in *len, or NULL with
 * BIG_ELIMIT in *st for a base that is not a power of 2 and a result of
 * more than BIG_MAX_STR_DIGITS digits ("Exceeds the limit (4300 digits)
 * for integer string conversion; use sys.set_int_max_str_digits() to
 * increase the limit"). st may be NULL when the base is a power of 2. */
char *big_to_str(const BigInt *b, int base, bool prefix, bool upper, size_t *len,
                 BigStatus *st);

/* int(s, base) of ASCII text s[0..len): base 0 or 2..36 (asserted);
 * whitespace around, a sign, a prefix matching the base (any of them with
 * base 0, where "012" is refused), '_' between digits. Errors:
 * BIG_EINVALID; BIG_ELIMIT when a base that is not a power of 2 has more
 * than BIG_MAX_STR_DIGITS digits (*ndigits, if not NULL, gets their
 * count); BIG_ETOOBIG past BIG_MAX_DIGITS. */
BigStatus big_from_str(BigInt *b, const char *s, size_t len, int base, size_t *ndigits);

#endif
