/* fmt: text <-> numbers with CPython 3.11's exact results.
 *
 * Pure functions on C values, no interpreter objects: repr/str of floats,
 * ints and strs, the format-spec mini-language of format() and f-strings,
 * int() and float() parsing, hashes, and arithmetic on int64_t and double
 * with Python's semantics.
 *
 * Conventions:
 * - Text is UTF-8. A lone surrogate (valid in a Python str) is its 3-byte
 *   encoding; a byte that starts no valid sequence reads as U+FFFD.
 * - Output is appended to a FmtBuf, never replaced, so callers can build a
 *   string piece by piece.
 * - A function that can fail returns a FmtStatus naming the exception the
 *   interpreter should raise and, when err is not NULL, replaces err's
 *   contents with CPython's message (first line, no newline). On failure
 *   the outputs (*out, or the FmtBuf being appended to) are left unchanged.
 */
#ifndef MEMVIZ_FMT_H
#define MEMVIZ_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- growable byte buffer ---------------------------------------------- */

/* data is NULL until the first append, then always NUL-terminated
 * (data[len] == 0). Memory comes from xmalloc; release with fmt_buf_free. */
typedef struct FmtBuf {
    char *data;
    size_t len, cap;
} FmtBuf;

#define FMT_BUF_INIT {NULL, 0, 0}

void fmt_buf_init(FmtBuf *b);
void fmt_buf_free(FmtBuf *b);                 /* back to the empty state */
void fmt_buf_clear(FmtBuf *b);                /* len = 0, keeps storage */
void fmt_buf_reserve(FmtBuf *b, size_t extra);
void fmt_buf_truncate(FmtBuf *b, size_t len); /* len <= b->len */
void fmt_buf_putc(FmtBuf *b, char c);
void fmt_buf_put(FmtBuf *b, const char *s, size_t n);
void fmt_buf_puts(FmtBuf *b, const char *s);
void fmt_buf_put_cp(FmtBuf *b, uint32_t cp);  /* UTF-8 encode one code point */
void fmt_buf_fill_cp(FmtBuf *b, uint32_t cp, size_t count);
/* printf-style append. Only for integers and strings: floating conversions
 * would follow the C locale of the moment, use fmt_float_* instead. */
void fmt_buf_printf(FmtBuf *b, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
const char *fmt_buf_cstr(const FmtBuf *b);    /* "" while data is NULL */
char *fmt_buf_take(FmtBuf *b);                /* caller frees; b is emptied */

/* ---- status ------------------------------------------------------------ */

typedef enum FmtStatus {
    FMT_OK = 0,
    FMT_EVALUE,     /* ValueError */
    FMT_EOVERFLOW,  /* OverflowError, or an int result outside int64 */
    FMT_EZERODIV,   /* ZeroDivisionError */
    FMT_EMEMORY     /* result longer than FMT_MAX_OUTPUT: MemoryError */
} FmtStatus;

/* The message given with FMT_EOVERFLOW when an int result leaves the int64
 * range. Python's ints have no such limit: the interpreter redoes those
 * operations in arbitrary precision (bigint.h), so users never see it. */
#define FMT_MSG_INT_RANGE "int result outside the int64 range"

/* Widths and precisions that would make a result longer than this (64 MiB)
 * fail with FMT_EMEMORY, where CPython would build the string. */
#define FMT_MAX_OUTPUT ((int64_t)1 << 26)

/* ---- UTF-8 and Unicode properties (Unicode 14.0, as CPython 3.11) ------ */

/* Decodes the code point at s[0..len), len > 0, into *cp; returns the bytes
 * used (1..4). Invalid or truncated sequences give U+FFFD and use 1 byte. */
size_t fmt_utf8_decode(const char *s, size_t len, uint32_t *cp);
size_t fmt_utf8_length(const char *s, size_t len);  /* in code points */

bool fmt_uni_isprintable(uint32_t cp);  /* str.isprintable() of chr(cp) */
bool fmt_uni_isspace(uint32_t cp);      /* str.isspace() of chr(cp) */
int fmt_uni_decimal(uint32_t cp);       /* unicodedata.decimal(), or -1 */

/* ---- repr / str -------------------------------------------------------- */

/* Appends repr(s): quotes chosen and characters escaped as CPython does. */
void fmt_str_repr(const char *s, size_t len, FmtBuf *out);

/* Appends repr(x) == str(x): the shortest digits that read back as x. */
void fmt_float_repr(double x, FmtBuf *out);

/* Appends v in base 2..36 (asserted), digits 0-9a-z (A-Z if upper). With
 * prefix, bases 2, 8 and 16 get 0b/0o/0x (0B/0O/0X if upper) after the
 * sign, as bin(), oct() and hex() do: hex(-255) == '-0xff'. */
void fmt_int_to_base(int64_t v, int base, bool prefix, bool upper,
                     FmtBuf *out);
void fmt_int_str(int64_t v, FmtBuf *out);  /* str(v), repr(v) */

/* Flags of fmt_float_to_string, as CPython's PyOS_double_to_string. */
enum {
    FMT_DTS_SIGN = 1,      /* '+' before non-negative numbers */
    FMT_DTS_ADD_DOT_0 = 2, /* '1.0', not '1', when there is no exponent */
    FMT_DTS_ALT = 4,       /* '#': keep the point and 'g''s trailing zeros */
    FMT_DTS_NO_NEG_0 = 8   /* 'z': drop the '-' of a result that rounds to 0 */
};

/* Appends x in one of the styles 'e' 'E' 'f' 'F' 'g' 'G' with precision
 * digits (>= 0), or 'r' (repr's shortest digits; precision ignored).
 * inf and nan are 'inf', 'nan' ('INF', 'NAN' for upper-case codes).
 * Returns FMT_EMEMORY if precision > FMT_MAX_OUTPUT, else FMT_OK. */
FmtStatus fmt_float_to_string(double x, char code, int64_t precision,
                              unsigned flags, FmtBuf *out);

/* ---- format-spec mini-language ----------------------------------------- */

typedef enum FmtKind { FMT_KIND_INT, FMT_KIND_FLOAT, FMT_KIND_STR } FmtKind;

/* [[fill]align][sign][z][#][0][width][,|_][.precision][type], parsed with
 * the defaults of the kind of value it will format. */
typedef struct FmtSpec {
    FmtKind kind;
    bool empty;         /* "": format(v, '') is str(v) */
    uint32_t fill;      /* code point, ' ' unless given */
    char align;         /* '<' '>' '^' '=' */
    char sign;          /* '+' '-' ' ', or 0 when absent */
    bool no_neg_zero;   /* 'z' */
    bool alternate;     /* '#' */
    char grouping;      /* ',' or '_', or 0 */
    int64_t width;      /* -1 when absent */
    int64_t precision;  /* -1 when absent */
    uint32_t type;      /* code point; kind's default: 'd', 0 (float), 's' */
} FmtSpec;

/* Parses spec[0..len) for a value of kind whose Python type is type_name
 * (NULL: "int", "float" or "str"), which appears in error messages.
 * Returns FMT_OK, or FMT_EVALUE for a malformed spec ("Invalid format
 * specifier 'abc' for object of type 'int'", "Format specifier missing
 * precision", "Cannot specify ',' with 's'.", ...). */
FmtStatus fmt_spec_parse(const char *spec, size_t len, FmtKind kind,
                         const char *type_name, FmtSpec *out, FmtBuf *err);

/* Append v, x or s formatted by a parsed spec of the matching kind.
 * Errors: FMT_EVALUE for a type code or option the value does not take
 * ("Unknown format code 'd' for object of type 'float'", "Precision not
 * allowed in integer format specifier", ...), FMT_EOVERFLOW for 'c' outside
 * range(0x110000), FMT_EMEMORY for a width or precision beyond
 * FMT_MAX_OUTPUT. An empty spec gives str(v) (for a bool the caller writes
 * 'True'/'False' itself). type_name as in fmt_spec_parse. */
FmtStatus fmt_spec_int(int64_t v, const FmtSpec *spec, const char *type_name,
                       FmtBuf *out, FmtBuf *err);
FmtStatus fmt_spec_float(double x, const FmtSpec *spec, const char *type_name,
                         FmtBuf *out, FmtBuf *err);
FmtStatus fmt_spec_str(const char *s, size_t len, const FmtSpec *spec,
                       const char *type_name, FmtBuf *out, FmtBuf *err);

/* An int outside int64 (bigint.h) is formatted in two steps, so that its
 * digits are computed only in the base the spec asks for.
 * fmt_spec_int_plan checks the spec as fmt_spec_int would (the same errors
 * in the same order) and sets *base to 2, 8, 10 or 16 for a code that shows
 * digits, or to 0 for one that formats the value as a float ('e' 'f' 'g'
 * '%'...); 'c' fails with FMT_EOVERFLOW ("Python int too large to convert
 * to C long"), FMT_EMEMORY for a width beyond FMT_MAX_OUTPUT. Then
 * fmt_spec_int_text lays out the magnitude digits[0..ndigits) in that base
 * (upper-case letters for 'X') with the sign negative; with *base 0 it
 * formats x, the value converted to a double by the caller, instead. */
FmtStatus fmt_spec_int_plan(const FmtSpec *spec, const char *type_name,
                            int *base, FmtBuf *err);
FmtStatus fmt_spec_int_text(bool negative, const char *digits, size_t ndigits,
                            double x, const FmtSpec *spec, FmtBuf *out,
                            FmtBuf *err);

/* format(v, spec): fmt_spec_parse followed by fmt_spec_*. */
FmtStatus fmt_format_int(int64_t v, const char *spec, size_t len,
                         const char *type_name, FmtBuf *out, FmtBuf *err);
FmtStatus fmt_format_float(double x, const char *spec, size_t len,
                           const char *type_name, FmtBuf *out, FmtBuf *err);
FmtStatus fmt_format_str(const char *s, size_t len, const char *spec,
                         size_t spec_len, const char *type_name, FmtBuf *out,
                         FmtBuf *err);

/* ---- parsing ----------------------------------------------------------- */

/* The shape of an int(s, base) literal in ASCII s[0..n), scanned but not
 * judged: whitespace, a sign, a base prefix matching base (base 0: inferred
 * from "0x", "0o", "0b", else 10, old_octal set for a leading "0"), digits
 * of that base with underscores, whitespace. The digits are s[start, end),
 * underscores included; bad_underscore is set for a leading, doubled or
 * trailing underscore; after is the index past the trailing whitespace
 * (n when nothing else follows). Callers decide what is an error. */
typedef struct FmtIntText {
    int base;
    bool negative, old_octal, bad_underscore, any_nonzero;
    size_t start, end, ndigits, after;
} FmtIntText;
void fmt_int_text(const char *s, size_t n, int base, FmtIntText *t);
int fmt_digit_value(char c);   /* 0..35, or 99 for a non-digit */

/* int(s, base): base 0 or 2..36; whitespace around, a sign, a prefix that
 * matches the base, '_' between digits, Unicode digits and spaces.
 * Returns FMT_OK; FMT_EVALUE for a bad base, a malformed literal ("invalid
 * literal for int() with base 10: 'abc'") or more than 4300 digits in a
 * base that is not a power of 2; FMT_EOVERFLOW (FMT_MSG_INT_RANGE) for a
 * valid literal outside int64. */
FmtStatus fmt_parse_int(const char *s, size_t len, int base, int64_t *out,
                        FmtBuf *err);
/* Appends the text int() parses, reduced to ASCII as CPython does first:
 * non-ASCII decimal digits become ASCII ones, non-ASCII spaces ' ', and any
 * other non-ASCII character ends the text as a '?'. For callers that parse
 * a literal fmt_parse_int found valid but outside int64. */
void fmt_int_ascii(const char *s, size_t len, FmtBuf *ascii);

/* float(s): whitespace around, a sign, digits with '_' between them, an
 * exponent, 'inf', 'infinity', 'nan' in any case; Unicode digits and
 * spaces. Returns FMT_OK or FMT_EVALUE ("could not convert string to float:
 * 'abc'"). Out-of-range values become inf or 0.0, as in CPython. */
FmtStatus fmt_parse_float(const char *s, size_t len, double *out,
                          FmtBuf *err);

/* ---- hashes (CPython 3.11 values, 64-bit) ------------------------------ */

int64_t fmt_hash_int(int64_t v);   /* v mod 2**61-1 with v's sign; -1 -> -2 */
/* Integral floats hash as the equal int; inf 314159, -inf -314159. CPython
 * hashes a nan by its address; this returns 0 and leaves that to callers. */
int64_t fmt_hash_float(double x);
/* CPython randomises str hashes per process; this is the value CPython
 * gives with PYTHONHASHSEED=0 (SipHash-1-3 with a zero key over the str's
 * 1-, 2- or 4-byte storage), so sets and dicts of strs iterate in that
 * run's order. "" hashes to 0; never returns -1. */
int64_t fmt_hash_str(const char *s, size_t len);
/* hash(t) of a tuple whose items hash to item_hashes[0..n). */
int64_t fmt_hash_tuple(const int64_t *item_hashes, size_t n);

/* ---- arithmetic with Python semantics ---------------------------------- */

/* Checked int64 arithmetic: return true on overflow (*out untouched). */
bool fmt_int_add(int64_t a, int64_t b, int64_t *out);
bool fmt_int_sub(int64_t a, int64_t b, int64_t *out);
bool fmt_int_mul(int64_t a, int64_t b, int64_t *out);
bool fmt_int_neg(int64_t a, int64_t *out);

/* a // b and a % b rounding toward -inf. FMT_EZERODIV when b == 0,
 * FMT_EOVERFLOW for INT64_MIN // -1. */
FmtStatus fmt_int_floordiv(int64_t a, int64_t b, int64_t *out, FmtBuf *err);
FmtStatus fmt_int_mod(int64_t a, int64_t b, int64_t *out, FmtBuf *err);
FmtStatus fmt_int_divmod(int64_t a, int64_t b, int64_t *q, int64_t *r,
                         FmtBuf *err);
/* a / b, correctly rounded as CPython's. FMT_EZERODIV when b == 0. */
FmtStatus fmt_int_truediv(int64_t a, int64_t b, double *out, FmtBuf *err);

/* An int or a float: the type of a ** b depends on the sign of b. */
typedef struct FmtNum {
    bool is_float;
    int64_t i;
    double f;
} FmtNum;

/* a ** b: an int for b >= 0 (FMT_EOVERFLOW outside int64), else the float
 * (double)a ** (double)b (FMT_EZERODIV for 0 ** -n). */
FmtStatus fmt_int_pow(int64_t a, int64_t b, FmtNum *out, FmtBuf *err);
/* a << b and a >> b. FMT_EVALUE for b < 0, FMT_EOVERFLOW if a << b leaves
 * int64. */
FmtStatus fmt_int_lshift(int64_t a, int64_t b, int64_t *out, FmtBuf *err);
FmtStatus fmt_int_rshift(int64_t a, int64_t b, int64_t *out, FmtBuf *err);

/* Float operators: FMT_EZERODIV when b == 0 ("float division by zero",
 * "float floor division by zero", "float modulo", "float divmod()").
 * The remainder takes the sign of b, -0.0 included. */
FmtStatus fmt_float_truediv(double a, double b, double *out, FmtBuf *err);
FmtStatus fmt_float_floordiv(double a, double b, double *out, FmtBuf *err);
FmtStatus fmt_float_mod(double a, double b, double *out, FmtBuf *err);
FmtStatus fmt_float_divmod(double a, double b, double *q, double *r,
                           FmtBuf *err);
/* a ** b. FMT_EZERODIV for 0.0 ** negative, FMT_EOVERFLOW when a finite
 * base and exponent overflow, FMT_EVALUE for a negative base and a
 * non-integral exponent (CPython answers with a complex, which MiniPy
 * lacks). */
FmtStatus fmt_float_pow(double a, double b, double *out, FmtBuf *err);

/* int(x): truncates toward 0. FMT_EVALUE for nan, FMT_EOVERFLOW for inf
 * ("cannot convert float infinity to integer") or outside int64
 * (FMT_MSG_INT_RANGE). */
FmtStatus fmt_float_to_int(double x, int64_t *out, FmtBuf *err);

/* Compares i with x exactly, as CPython's int/float comparisons do:
 * -1, 0 or 1 for i <, ==, > x; 2 when x is nan (every comparison false). */
int fmt_int_float_cmp(int64_t i, double x);

#endif
