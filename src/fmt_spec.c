/* fmt_spec: the format-spec mini-language of format(), str.format and
 * f-strings, with CPython 3.11's results and error messages.
 *
 * A number is laid out as
 *     <lpad> <sign> <prefix> <spad> <grouped digits> <.> <rest> <rpad>
 * where at most one of the three paddings is non-empty ('=' alignment pads
 * between the sign and the digits), and zero padding ('0' fill with '='
 * alignment) pads the digits themselves, so separators apply to it too. */
#include "fmt.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

static void set_err(FmtBuf *err, const char *msg)
{
    if (err) {
        fmt_buf_clear(err);
        fmt_buf_puts(err, msg);
    }
}

static const char *default_type_name(FmtKind kind)
{
    return kind == FMT_KIND_INT ? "int" : kind == FMT_KIND_FLOAT ? "float"
                                                                 : "str";
}

/* "'d'" for printable ASCII, "'\x1f600'" otherwise, as CPython quotes a
 * type code in its messages. */
static void put_code(FmtBuf *b, uint32_t code)
{
    if (code > 32 && code < 128)
        fmt_buf_printf(b, "'%c'", (char)code);
    else
        fmt_buf_printf(b, "'\\x%x'", (unsigned)code);
}

static FmtStatus unknown_code(uint32_t code, const char *type_name,
                              FmtBuf *err)
{
    if (err) {
        fmt_buf_clear(err);
        fmt_buf_puts(err, "Unknown format code ");
        put_code(err, code);
        fmt_buf_printf(err, " for object of type '%.200s'", type_name);
    }
    return FMT_EVALUE;
}

/* ---- parsing ----------------------------------------------------------- */

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Reads a run of decimal digits (Unicode ones too, as CPython) at *pos.
 * Returns the digits read, or -1 if the value exceeds int64 (Py_ssize_t). */
static int64_t get_integer(const uint32_t *cps, size_t n, size_t *pos,
                           int64_t *value)
{
    int64_t acc = 0, count = 0;
    for (; *pos < n; (*pos)++, count++) {
        int d = fmt_uni_decimal(cps[*pos]);
        if (d < 0)
            break;
        if (acc > (INT64_MAX - d) / 10)
            return -1;
        acc = acc * 10 + d;
    }
    *value = acc;
    return count;
}

static FmtStatus parse_cps(const char *spec, size_t len, const uint32_t *cps,
                           size_t n, FmtKind kind, const char *type_name,
                           FmtSpec *f, FmtBuf *err)
{
    size_t pos = 0;
    bool fill_given = false, align_given = false;
    char default_align = kind == FMT_KIND_STR ? '<' : '>';

    if (n - pos >= 2 && is_align(cps[pos + 1])) {
        f->fill = cps[pos];
        f->align = (char)cps[pos + 1];
        fill_given = align_given = true;
        pos += 2;
    } else if (n - pos >= 1 && is_align(cps[pos])) {
        f->align = (char)cps[pos];
        align_given = true;
        pos++;
    }
    if (pos < n && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' '))
        f->sign = (char)cps[pos++];
    if (pos < n && cps[pos] == 'z') {
        f->no_neg_zero = true;
        pos++;
    }
    if (pos < n && cps[pos] == '#') {
        f->alternate = true;
        pos++;
    }
    /* A leading '0' means fill with zeros after the sign, unless a fill
     * or an alignment was given. */
    if (!fill_given && pos < n && cps[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    int64_t got = get_integer(cps, n, &pos, &f->width);
    if (got < 0)
        goto too_many_digits;
    if (got == 0)
        f->width = -1;
    if (pos < n && cps[pos] == ',') {
        f->grouping = ',';
        pos++;
    }
    if (pos < n && cps[pos] == '_') {
        if (f->grouping)
            goto comma_and_underscore;
        f->grouping = '_';
        pos++;
    }
    if (pos < n && cps[pos] == ',' && f->grouping == '_')
        goto comma_and_underscore;
    if (pos < n && cps[pos] == '.') {
        pos++;
        got = get_integer(cps, n, &pos, &f->precision);
        if (got < 0)
            goto too_many_digits;
        if (got == 0) {
            set_err(err, "Format specifier missing precision");
            return FMT_EVALUE;
        }
    }
    if (n - pos > 1) {
        if (err) {
            fmt_buf_clear(err);
            fmt_buf_puts(err, "Invalid format specifier '");
            fmt_buf_put(err, spec, len);
            fmt_buf_printf(err, "' for object of type '%.200s'", type_name);
        }
        return FMT_EVALUE;
    }
    if (n - pos == 1)
        f->type = cps[pos];

    /* Separators go with decimal presentations, and '_' also with b o x X
     * (in groups of four there). */
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G':
        case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_')
                break;
            /* fall through */
        default:
            if (err) {
                fmt_buf_clear(err);
                fmt_buf_printf(err, "Cannot specify '%c' with ", f->grouping);
                put_code(err, f->type);
                fmt_buf_putc(err, '.');
            }
            return FMT_EVALUE;
        }
    }
    return FMT_OK;

too_many_digits:
    set_err(err, "Too many decimal digits in format string");
    return FMT_EVALUE;
comma_and_underscore:
    set_err(err, "Cannot specify both ',' and '_'.");
    return FMT_EVALUE;
}

FmtStatus fmt_spec_parse(const char *spec, size_t len, FmtKind kind,
                         const char *type_name, FmtSpec *out, FmtBuf *err)
{
    FmtSpec f = {
        .kind = kind,
        .empty = len == 0,
        .fill = ' ',
        .align = kind == FMT_KIND_STR ? '<' : '>',
        .width = -1,
        .precision = -1,
        .type = kind == FMT_KIND_INT ? 'd' : kind == FMT_KIND_STR ? 's' : 0,
    };
    if (!type_name)
        type_name = default_type_name(kind);
    uint32_t small[32];
    uint32_t *cps = len <= 32 ? small : xmalloc(len * sizeof *cps);
    size_t n = 0;
    for (size_t i = 0; i < len; n++)
        i += fmt_utf8_decode(spec + i, len - i, &cps[n]);
    FmtStatus st = parse_cps(spec, len, cps, n, kind, type_name, &f, err);
    if (cps != small)
        free(cps);
    if (st == FMT_OK)
        *out = f;
    return st;
}

/* ---- numbers ----------------------------------------------------------- */

typedef struct Number {
    bool negative;
    const char *prefix; /* "0x" and the like, already in its case */
    size_t nprefix;
    const char *digits; /* the integer digits: grouped and zero-padded */
    size_t ndigits;
    bool has_point;
    const char *rest;   /* after the point, or the character of 'c' */
    size_t nrest;       /* bytes */
    size_t rest_cps;    /* code points */
} Number;

/* Appends digits[0..n) with sep between groups of size from the right
 * (size 0: no grouping), first padded with zeros to min_width characters
 * counting the separators; a separator never starts the result. */
static void put_grouped(FmtBuf *out, const char *digits, size_t n,
                        int64_t min_width, int size, char sep)
{
    FmtBuf rev = FMT_BUF_INIT; /* built right to left */
    int64_t remaining = (int64_t)n;
    int64_t width = min_width > 0 ? min_width : 0;
    const char *p = digits + n;
    for (bool first = true;; first = false) {
        int64_t len = remaining > width ? remaining : width;
        if (len < 1)
            len = 1;
        if (size && len > size)
            len = size;
        int64_t take = remaining < len ? remaining : len;
        if (!first)
            fmt_buf_putc(&rev, sep);
        for (int64_t i = 0; i < take; i++)
            fmt_buf_putc(&rev, *--p);
        for (int64_t i = take; i < len; i++)
            fmt_buf_putc(&rev, '0');
        remaining -= take;
        width -= len;
        if (!size || (remaining <= 0 && width <= 0))
            break;
        width -= 1; /* the separator */
    }
    fmt_buf_reserve(out, rev.len);
    for (size_t i = rev.len; i > 0; i--)
        out->data[out->len++] = rev.data[i - 1];
    out->data[out->len] = '\0';
    fmt_buf_free(&rev);
}

static void put_number(const Number *num, const FmtSpec *spec, int group,
                       FmtBuf *out)
{
    char sign = 0;
    if (num->negative)
        sign = '-';
    else if (spec->sign == '+' || spec->sign == ' ')
        sign = spec->sign;
    int64_t fixed = (sign ? 1 : 0) + (int64_t)num->nprefix +
                    (num->has_point ? 1 : 0) + (int64_t)num->rest_cps;
    int64_t min_width = 0;
    if (spec->fill == '0' && spec->align == '=')
        min_width = spec->width - fixed;
    char sep = spec->grouping ? spec->grouping : ',';
    FmtBuf grouped = FMT_BUF_INIT;
    if (num->ndigits)
        put_grouped(&grouped, num->digits, num->ndigits, min_width, group,
                    sep);
    int64_t pad = spec->width - (fixed + (int64_t)grouped.len);
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (spec->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    fmt_buf_fill_cp(out, spec->fill, (size_t)lpad);
    if (sign)
        fmt_buf_putc(out, sign);
    fmt_buf_put(out, num->prefix, num->nprefix);
    fmt_buf_fill_cp(out, spec->fill, (size_t)spad);
    fmt_buf_put(out, grouped.data, grouped.len);
    if (num->has_point)
        fmt_buf_putc(out, '.');
    fmt_buf_put(out, num->rest, num->nrest);
    fmt_buf_fill_cp(out, spec->fill, (size_t)rpad);
    fmt_buf_free(&grouped);
}

static bool too_wide(const FmtSpec *spec)
{
    return spec->width > FMT_MAX_OUTPUT;
}

/* Float presentation of x (also used for ints with e f g %). */
static FmtStatus format_float(double x, const FmtSpec *spec, FmtBuf *out,
                              FmtBuf *err)
{
    if (spec->precision > INT_MAX) {
        set_err(err, "precision too big");
        return FMT_EVALUE;
    }
    if (too_wide(spec) || spec->precision > FMT_MAX_OUTPUT) {
        set_err(err, "");
        return FMT_EMEMORY;
    }
    unsigned flags = 0;
    if (spec->alternate)
        flags |= FMT_DTS_ALT;
    if (spec->no_neg_zero)
        flags |= FMT_DTS_NO_NEG_0;
    char code = (char)spec->type;
    int64_t precision = spec->precision;
    int64_t default_precision = 6;
    bool percent = false;
    if (code == 0) {
        /* repr() when no precision is given, else 'g' that keeps a '.0' */
        flags |= FMT_DTS_ADD_DOT_0;
        code = 'r';
        default_precision = 0;
    } else if (code == 'n') {
        code = 'g'; /* the C locale: no separators, '.' */
    } else if (code == '%') {
        code = 'f';
        x *= 100;
        percent = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (code == 'r')
        code = 'g';

    FmtBuf text = FMT_BUF_INIT;
    fmt_float_to_string(x, code, precision, flags, &text);
    if (percent)
        fmt_buf_putc(&text, '%');

    Number num = {0};
    const char *p = text.data;
    const char *end = text.data + text.len;
    if (*p == '-') {
        num.negative = true;
        p++;
    }
    num.digits = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    num.ndigits = (size_t)(p - num.digits);
    if (p < end && *p == '.') {
        num.has_point = true;
        p++;
    }
    num.rest = p;
    num.nrest = num.rest_cps = (size_t)(end - p);
    int group = spec->grouping && spec->type != 'n' ? 3 : 0;
    put_number(&num, spec, group, out);
    fmt_buf_free(&text);
    return FMT_OK;
}

/* The checks of int.__format__ before any conversion of the value, in
 * CPython's order. *base gets 2, 8, 10 or 16 for the codes that show
 * digits, 0 for those that format the value as a float, -1 for 'c'. */
static FmtStatus check_int(const FmtSpec *spec, const char *type_name,
                           int *base, FmtBuf *err)
{
    *base = 10;
    if (spec->empty)
        return FMT_OK;
    switch (spec->type) {
    case 'b': *base = 2; break;
    case 'o': *base = 8; break;
    case 'x': case 'X': *base = 16; break;
    case 'c': *base = -1; break;
    case 'd': case 'n': break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        *base = 0;
        return FMT_OK;
    default:
        return unknown_code(spec->type, type_name, err);
    }
    if (spec->precision != -1) {
        set_err(err, "Precision not allowed in integer format specifier");
        return FMT_EVALUE;
    }
    if (spec->no_neg_zero) {
        set_err(err, "Negative zero coercion (z) not allowed in integer"
                     " format specifier");
        return FMT_EVALUE;
    }
    if (spec->type == 'c') {
        if (spec->sign) {
            set_err(err, "Sign not allowed with integer format specifier 'c'");
            return FMT_EVALUE;
        }
        if (spec->alternate) {
            set_err(err, "Alternate form (#) not allowed with integer format"
                         " specifier 'c'");
            return FMT_EVALUE;
        }
    }
    return FMT_OK;
}

/* Lays out an int's magnitude digits[0..n) in base (2, 8, 10 or 16) with
 * its sign, the '#' prefix, grouping and padding. */
static void put_int_digits(bool negative, const char *digits, size_t n,
                           int base, const FmtSpec *spec, FmtBuf *out)
{
    Number num = {0};
    num.negative = negative;
    num.digits = digits;
    num.ndigits = n;
    if (spec->alternate && base != 10) {
        num.prefix = base == 2 ? "0b" : base == 8 ? "0o"
                   : spec->type == 'X' ? "0X" : "0x";
        num.nprefix = 2;
    }
    int group = 0;
    if (spec->grouping && spec->type != 'n')
        group = base == 10 ? 3 : 4;
    put_number(&num, spec, group, out);
}

FmtStatus fmt_spec_int(int64_t v, const FmtSpec *spec, const char *type_name,
                       FmtBuf *out, FmtBuf *err)
{
    assert(spec->kind == FMT_KIND_INT);
    if (!type_name)
        type_name = "int";
    if (spec->empty) {
        fmt_int_str(v, out);
        return FMT_OK;
    }
    int base;
    FmtStatus st = check_int(spec, type_name, &base, err);
    if (st != FMT_OK)
        return st;
    if (base == 0)
        return format_float((double)v, spec, out, err);
    if (base < 0) {
        if (v < 0 || v > 0x10ffff) {
            set_err(err, "%c arg not in range(0x110000)");
            return FMT_EOVERFLOW;
        }
        if (too_wide(spec)) {
            set_err(err, "");
            return FMT_EMEMORY;
        }
        /* The character is laid out like the digits after a point: never
         * grouped, never zero-padded itself. */
        Number num = {0};
        FmtBuf ch = FMT_BUF_INIT;
        fmt_buf_put_cp(&ch, (uint32_t)v);
        num.rest = ch.data;
        num.nrest = ch.len;
        num.rest_cps = 1;
        put_number(&num, spec, 0, out);
        fmt_buf_free(&ch);
        return FMT_OK;
    }
    if (too_wide(spec)) {
        set_err(err, "");
        return FMT_EMEMORY;
    }
    FmtBuf digits = FMT_BUF_INIT;
    fmt_int_to_base(v, base, false, spec->type == 'X', &digits);
    put_int_digits(v < 0, digits.data + (v < 0), digits.len - (v < 0), base,
                   spec, out);
    fmt_buf_free(&digits);
    return FMT_OK;
}

FmtStatus fmt_spec_int_plan(const FmtSpec *spec, const char *type_name,
                            int *base, FmtBuf *err)
{
    assert(spec->kind == FMT_KIND_INT);
    if (!type_name)
        type_name = "int";
    FmtStatus st = check_int(spec, type_name, base, err);
    if (st != FMT_OK)
        return st;
    if (*base < 0) {
        /* no int outside int64 is a code point */
        set_err(err, "Python int too large to convert to C long");
        return FMT_EOVERFLOW;
    }
    if (*base > 0 && too_wide(spec)) {
        set_err(err, "");
        return FMT_EMEMORY;
    }
    return FMT_OK;
}

FmtStatus fmt_spec_int_text(bool negative, const char *digits, size_t ndigits,
                            double x, const FmtSpec *spec, FmtBuf *out,
                            FmtBuf *err)
{
    assert(spec->kind == FMT_KIND_INT);
    int base;
    FmtStatus st = check_int(spec, "int", &base, err);
    assert(st == FMT_OK && base >= 0);
    (void)st;
    if (base == 0)
        return format_float(x, spec, out, err);
    if (spec->empty) {
        if (negative)
            fmt_buf_putc(out, '-');
        fmt_buf_put(out, digits, ndigits);
        return FMT_OK;
    }
    put_int_digits(negative, digits, ndigits, base, spec, out);
    return FMT_OK;
}

FmtStatus fmt_spec_float(double x, const FmtSpec *spec, const char *type_name,
                         FmtBuf *out, FmtBuf *err)
{
    assert(spec->kind == FMT_KIND_FLOAT);
    if (!type_name)
        type_name = "float";
    if (spec->empty) {
        fmt_float_repr(x, out);
        return FMT_OK;
    }
    switch (spec->type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'n': case '%':
        return format_float(x, spec, out, err);
    default:
        return unknown_code(spec->type, type_name, err);
    }
}

FmtStatus fmt_spec_str(const char *s, size_t len, const FmtSpec *spec,
                       const char *type_name, FmtBuf *out, FmtBuf *err)
{
    assert(spec->kind == FMT_KIND_STR);
    if (!type_name)
        type_name = "str";
    if (spec->empty) {
        fmt_buf_put(out, s, len);
        return FMT_OK;
    }
    if (spec->type != 's')
        return unknown_code(spec->type, type_name, err);
    if (spec->sign) {
        set_err(err, spec->sign == ' '
                         ? "Space not allowed in string format specifier"
                         : "Sign not allowed in string format specifier");
        return FMT_EVALUE;
    }
    if (spec->no_neg_zero) {
        set_err(err, "Negative zero coercion (z) not allowed in string format"
                     " specifier");
        return FMT_EVALUE;
    }
    if (spec->alternate) {
        set_err(err, "Alternate form (#) not allowed in string format"
                     " specifier");
        return FMT_EVALUE;
    }
    if (spec->align == '=') {
        set_err(err, "'=' alignment not allowed in string format specifier");
        return FMT_EVALUE;
    }
    if (too_wide(spec)) {
        set_err(err, "");
        return FMT_EMEMORY;
    }
    /* Keep at most precision code points. */
    size_t bytes = 0;
    int64_t count = 0;
    while (bytes < len && (spec->precision < 0 || count < spec->precision)) {
        uint32_t cp;
        bytes += fmt_utf8_decode(s + bytes, len - bytes, &cp);
        count++;
    }
    int64_t pad = spec->width > count ? spec->width - count : 0;
    int64_t lpad = spec->align == '>' ? pad : spec->align == '^' ? pad / 2 : 0;
    fmt_buf_fill_cp(out, spec->fill, (size_t)lpad);
    fmt_buf_put(out, s, bytes);
    fmt_buf_fill_cp(out, spec->fill, (size_t)(pad - lpad));
    return FMT_OK;
}

FmtStatus fmt_format_int(int64_t v, const char *spec, size_t len,
                         const char *type_name, FmtBuf *out, FmtBuf *err)
{
    FmtSpec f;
    FmtStatus st = fmt_spec_parse(spec, len, FMT_KIND_INT, type_name, &f, err);
    return st != FMT_OK ? st : fmt_spec_int(v, &f, type_name, out, err);
}

FmtStatus fmt_format_float(double x, const char *spec, size_t len,
                           const char *type_name, FmtBuf *out, FmtBuf *err)
{
    FmtSpec f;
    FmtStatus st =
        fmt_spec_parse(spec, len, FMT_KIND_FLOAT, type_name, &f, err);
    return st != FMT_OK ? st : fmt_spec_float(x, &f, type_name, out, err);
}

FmtStatus fmt_format_str(const char *s, size_t len, const char *spec,
                         size_t spec_len, const char *type_name, FmtBuf *out,
                         FmtBuf *err)
{
    FmtSpec f;
    FmtStatus st =
        fmt_spec_parse(spec, spec_len, FMT_KIND_STR, type_name, &f, err);
    return st != FMT_OK ? st : fmt_spec_str(s, len, &f, type_name, out, err);
}
