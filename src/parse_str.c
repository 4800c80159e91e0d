/* parse_str: literals. Numbers (int64, or decimal digits when bigger),
 * strings with their escapes, implicit concatenation, and f-strings,
 * whose fields are parsed as expressions at their true positions.
 * Messages follow CPython 3.11, including its quirk of placing most
 * string errors at the token after the literal. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* newlocale/uselocale: floats read in the C locale */
#endif

#include "parse_impl.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_STR_DIGITS = 4300 }; /* CPython's int/str conversion limit */

/* ---- a byte buffer (host memory, freed by its user) ---- */

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    xgrow((void **)&b->s, &b->cap, b->len + n + 1, 1);
    memcpy(b->s + b->len, s, n);
    b->len += n;
}

static void buf_byte(Buf *b, int c)
{
    char ch = (char)c;
    buf_add(b, &ch, 1);
}

/* UTF-8 of a code point; lone surrogates get the 3-byte form. */
static void buf_cp(Buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_add(b, u, n);
}

/* ---- numbers ---- */

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/* Decimal digits of a non-decimal literal too big for int64, or NULL if
 * it has more than MAX_STR_DIGITS of them. Limbs of 10^9, little end first. */
static char *to_decimal(Parser *p, const char *d, size_t n, int base, size_t *len)
{
    size_t cap = 8, used = 1;
    uint32_t *limb = xcalloc(cap, sizeof *limb);
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = (uint64_t)digit_value((unsigned char)d[i]);
        for (size_t k = 0; k < used; k++) {
            uint64_t v = (uint64_t)limb[k] * (uint64_t)base + carry;
            limb[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) {
            if (used * 9 > MAX_STR_DIGITS + 9) {
                free(limb);
                return NULL;
            }
            xgrow((void **)&limb, &cap, used + 1, sizeof *limb);
            limb[used++] = (uint32_t)carry;
        }
    }
    char head[16];
    int hn = snprintf(head, sizeof head, "%u", (unsigned)limb[used - 1]);
    size_t total = (size_t)hn + (used - 1) * 9;
    if (total > MAX_STR_DIGITS) {
        free(limb);
        return NULL;
    }
    char *out = arena_alloc(p->sh->arena, total + 1);
    memcpy(out, head, (size_t)hn);
    size_t at = (size_t)hn;
    for (size_t k = used - 1; k-- > 0;) {
        snprintf(out + at, 10, "%09u", (unsigned)limb[k]);
        at += 9;
    }
    out[total] = '\0';
    free(limb);
    *len = total;
    return out;
}

/* strtod in the C locale, whatever locale the program runs in. */
static double c_strtod(const char *s)
{
    const char *point = localeconv()->decimal_point;
    if (point[0] == '.' && point[1] == '\0')
        return strtod(s, NULL);
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (!c)
        return strtod(s, NULL);
    locale_t old = uselocale(c);
    double v = strtod(s, NULL);
    uselocale(old);
    freelocale(c);
    return v;
}

Node *parse_number(Parser *p, const Token *t)
{
    const char *s = p->lx->src + t->start;
    size_t n = t->end - t->start;
    Node *node = parse_node(p, E_INT, t);
    if (s[n - 1] == 'j' || s[n - 1] == 'J') {
        parse_late(p, DIAG_UNSUPPORTED, t->line, t->col, "complex numbers are not supported");
        node->kind = E_FLOAT;
        return node;
    }
    /* the literal without its underscores */
    char small[64];
    char *d = n < sizeof small ? small : xmalloc(n + 1);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            d[len++] = s[i];
    d[len] = '\0';
    int base = 10;
    size_t skip = 0;
    if (len > 1 && d[0] == '0' && strchr("xXoObB", d[1])) {
        base = d[1] == 'x' || d[1] == 'X' ? 16 : d[1] == 'o' || d[1] == 'O' ? 8 : 2;
        skip = 2;
    } else if (strpbrk(d, ".eE")) {
        node->kind = E_FLOAT;
        node->fval = c_strtod(d);
        if (d != small)
            free(d);
        return node;
    }
    uint64_t v = 0;
    int big = 0;
    for (size_t i = skip; i < len; i++) {
        uint64_t dv = (uint64_t)digit_value((unsigned char)d[i]);
        if (v > (UINT64_MAX - dv) / (uint64_t)base) {
            big = 1;
            break;
        }
        v = v * (uint64_t)base + dv;
    }
    if (!big && v <= (uint64_t)INT64_MAX) {
        node->ival = (int64_t)v;
        if (d != small)
            free(d);
        return node;
    }
    node->kind = E_BIGINT;
    if (base == 10) {
        if (len > MAX_STR_DIGITS)
            parse_err1(p, t->line, t->col,
                       "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                       "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                       "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                       MAX_STR_DIGITS, len);
        else
            node->str = arena_strndup(p->sh->arena, d, len);
        node->slen = len;
    } else {
        node->str = to_decimal(p, d + skip, len - skip, base, &node->slen);
        if (!node->str) {
            parse_late(p, DIAG_OVERFLOW, t->line, t->col,
                       "integer literal too large (more than %d decimal digits)", MAX_STR_DIGITS);
            node->str = "0";
            node->slen = 1;
        }
    }
    if (d != small)
        free(d);
    return node;
}

/* ---- string literals ---- */

typedef struct {
    int bytes, raw, fmt;
    size_t body, body_end; /* the text between the quotes */
} Lit;

static Lit analyze(const char *src, const Token *t)
{
    Lit l = {0, 0, 0, 0, 0};
    size_t i = t->start;
    for (; src[i] != '\'' && src[i] != '"'; i++) {
        char c = src[i];
        if (c == 'b' || c == 'B')
            l.bytes = 1;
        else if (c == 'r' || c == 'R')
            l.raw = 1;
        else if (c == 'f' || c == 'F')
            l.fmt = 1;
    }
    char q = src[i];
    size_t qn = t->end - i >= 6 && src[i + 1] == q && src[i + 2] == q ? 3 : 1;
    l.body = i + qn;
    l.body_end = t->end - qn;
    return l;
}

/* Where a string error is reported, and what it says. CPython puts most
 * of them at the token after the literal, which is only known once all
 * the adjacent strings are read. */
typedef struct {
    int set, at_token, line, col;
    char msg[256];
    int tline, tcol; /* the literal being read, for deferred messages */
} StrErr;

static void str_err(StrErr *e, const Token *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void str_err(StrErr *e, const Token *at, const char *fmt, ...)
{
    if (e->set)
        return;
    e->set = 1;
    e->at_token = at != NULL;
    if (at) {
        e->line = at->line;
        e->col = at->col;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

/* Length of s[a..b) as CPython's escape decoder counts it (see decode). */
static size_t dec_len(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80)
            n++;
        else if ((c & 0xC0) != 0x80)
            n += 10;
    }
    return n;
}

static int hexval(const char *s, size_t i, size_t end, int n, unsigned *out, size_t *stop)
{
    unsigned v = 0;
    for (int k = 0; k < n; k++) {
        if (i + (size_t)k >= end || digit_value((unsigned char)s[i + k]) > 15) {
            *stop = i + (size_t)k;
            return 0;
        }
        v = v * 16 + (unsigned)digit_value((unsigned char)s[i + k]);
    }
    *out = v;
    *stop = i + (size_t)n;
    return 1;
}

/* Decodes src[a..b) into out: escapes unless raw, newlines as '\n'.
 * Returns 0 after recording an error in e. Positions in messages count
 * characters as CPython's decoder sees them (it first turns each
 * non-ASCII character into a 10-character \U escape). */
static int decode(Parser *p, Buf *out, size_t a, size_t b, int raw, int bytes, StrErr *e)
{
    const char *s = p->lx->src;
    size_t pos = 0; /* decoder position */
    size_t i = a;
    while (i < b) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r') {
            buf_byte(out, '\n');
            i += i + 1 < b && s[i + 1] == '\n' ? 2 : 1;
            pos++;
            continue;
        }
        if (c != '\\' || raw) {
            if (c >= 0x80) {
                size_t used;
                if (lex_decode_utf8(s + i, b - i, &used) < 0)
                    used = 1;
                buf_add(out, s + i, used);
                i += used;
                pos += 10;
            } else {
                buf_byte(out, c);
                i++;
                pos++;
            }
            continue;
        }
        size_t start = pos;
        if (i + 1 >= b || ((unsigned char)s[i + 1] & 0x80)) {
            if (i + 1 >= b) {
                str_err(e, NULL, "(unicode error) 'unicodeescape' codec can't decode byte 0x5c "
                        "in position %zu: \\ at end of string", start);
                return 0;
            }
            /* backslash before a non-ASCII character: kept as is */
            buf_byte(out, '\\');
            i++;
            pos += 6;
            continue;
        }
        char n = s[i + 1];
        i += 2;
        pos += 2;
        unsigned v;
        size_t stop;
        switch (n) {
        case '\n': break;
        case '\r':
            if (i < b && s[i] == '\n')
                i++;
            break;
        case '\\': buf_byte(out, '\\'); break;
        case '\'': buf_byte(out, '\''); break;
        case '"': buf_byte(out, '"'); break;
        case 'a': buf_byte(out, 7); break;
        case 'b': buf_byte(out, 8); break;
        case 'f': buf_byte(out, 12); break;
        case 'n': buf_byte(out, 10); break;
        case 'r': buf_byte(out, 13); break;
        case 't': buf_byte(out, 9); break;
        case 'v': buf_byte(out, 11); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            v = (unsigned)(n - '0');
            for (int k = 0; k < 2 && i < b && s[i] >= '0' && s[i] <= '7'; k++, i++, pos++)
                v = v * 8 + (unsigned)(s[i] - '0');
            if (bytes)
                buf_byte(out, (int)(v & 0xFF));
            else
                buf_cp(out, v);
            break;
        case 'x':
            if (!hexval(s, i, b, 2, &v, &stop)) {
                if (bytes)
                    str_err(e, NULL, "(value error) invalid \\x escape at position %zu", start);
                else
                    str_err(e, NULL, "(unicode error) 'unicodeescape' codec can't decode bytes "
                            "in position %zu-%zu: truncated \\xXX escape",
                            start, start + 1 + (stop - i));
                return 0;
            }
            i = stop;
            pos += 2;
            if (bytes)
                buf_byte(out, (int)v);
            else
                buf_cp(out, v);
            break;
        case 'u': case 'U': {
            if (bytes)
                goto keep;
            int nd = n == 'u' ? 4 : 8;
            if (!hexval(s, i, b, nd, &v, &stop)) {
                str_err(e, NULL, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                        "position %zu-%zu: truncated \\%s escape", start,
                        start + 1 + (stop - i), n == 'u' ? "uXXXX" : "UXXXXXXXX");
                return 0;
            }
            i = stop;
            pos += (size_t)nd;
            if (v > 0x10FFFF) {
                str_err(e, NULL, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                        "position %zu-%zu: illegal Unicode character", start, pos - 1);
                return 0;
            }
            buf_cp(out, v);
            break;
        }
        case 'N': {
            if (bytes)
                goto keep;
            size_t k = i;
            if (k < b && s[k] == '{') {
                while (k < b && s[k] != '}')
                    k++;
            }
            if (k >= b || s[i] != '{' || k == i + 1) {
                size_t last = i < b && s[i] == '{' ? start + 1 + dec_len(s, i, k < b ? k + 1 : b)
                                                   : start + 1;
                str_err(e, NULL, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                        "position %zu-%zu: malformed \\N character escape", start, last);
                return 0;
            }
            /* names of characters are letters, digits, spaces and hyphens */
            for (size_t j = i + 1; j < k; j++) {
                char c = s[j];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == ' ' || c == '-')) {
                    str_err(e, NULL, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                            "position %zu-%zu: unknown Unicode character name", start,
                            start + 1 + dec_len(s, i, k + 1));
                    return 0;
                }
            }
            parse_late(p, DIAG_UNSUPPORTED, e->tline, e->tcol,
                       "\\N{...} escapes are not supported");
            buf_add(out, s + i - 2, k + 1 - (i - 2));
            pos += k + 1 - i;
            i = k + 1;
            break;
        }
        default:
        keep:
            /* not an escape: both characters stay */
            buf_byte(out, '\\');
            i--;
            pos--;
            break;
        }
    }
    return 1;
}

/* ---- f-strings ---- */

/* Line and column of a byte inside a string token, found by walking
 * forward from the token's start (f-strings are parsed left to right). */
typedef struct {
    size_t pos, line_start;
    int line, col;
} Cursor;

static void cursor_to(const char *s, size_t end, Cursor *c, size_t target)
{
    while (c->pos < target) {
        unsigned char ch = (unsigned char)s[c->pos];
        if (ch == '\r' && c->pos + 1 < end && s[c->pos + 1] == '\n') {
            c->pos++;
            continue;
        }
        c->pos++;
        if (ch == '\n' || ch == '\r') {
            c->line++;
            c->line_start = c->pos;
            c->col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c->col++;
        }
    }
}

typedef struct {
    Parser *p;
    const char *src;
    size_t src_end;
    Cursor cur;
    int raw;
    StrErr *err;
    Vec *strs; /* every E_STR and spec E_FSTRING made, to place them at the end */
} FCtx;

static void flush(FCtx *c, Vec *parts, Buf *pend)
{
    if (!pend->len)
        return;
    Node *s = parse_node(c->p, E_STR, &c->p->prev);
    s->str = arena_strndup(c->p->sh->arena, pend->s, pend->len);
    s->slen = pend->len;
    pend->len = 0;
    parse_push(c->p, parts, s);
    parse_push(c->p, c->strs, s);
}

static int fs_parse(FCtx *c, size_t *pi, size_t end, int lvl, Vec *parts, Buf *pend);

/* Literal text up to the next unescaped, undoubled brace. Returns 1 if it
 * stopped at a doubled brace (keep going), 0 normally, -1 on error. */
static int fs_literal(FCtx *c, size_t *pi, size_t end, int lvl, Buf *pend)
{
    const char *src = c->src;
    size_t s = *pi, start = s, lit_end;
    int result = 0;
    while (s < end) {
        char ch = src[s++];
        if (!c->raw && ch == '\\' && s < end) {
            ch = src[s++];
            if (ch == 'N') {
                if (s < end && src[s++] == '{')
                    while (s < end && src[s++] != '}')
                        ;
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            /* doubled braces only count at the top level: f'{x:{y}}' */
            if (lvl == 0) {
                if (s < end && src[s] == ch) {
                    lit_end = s;
                    *pi = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    str_err(c->err, NULL, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    lit_end = s;
    *pi = s;
done:
    if (lit_end > start && !decode(c->p, pend, start, lit_end, c->raw, 0, c->err))
        return -1;
    return result;
}

static int is_space(int ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* A replacement field "{expr[=][!c][:spec]}", *pi at its '{'. */
static int fs_field(FCtx *c, size_t *pi, size_t end, int lvl, Vec *parts, Buf *pend)
{
    Parser *p = c->p;
    const char *src = c->src;
    size_t open = *pi;
    if (lvl >= 2) {
        str_err(c->err, NULL, "f-string: expressions nested too deeply");
        return 0;
    }
    size_t s = open + 1, expr_start = s;
    char stack[LEX_MAXLEVEL];
    int depth = 0, quote = 0, triple = 0;
    while (s < end) {
        char ch = src[s];
        if (ch == '\\') {
            str_err(c->err, NULL, "f-string expression part cannot include a backslash");
            return 0;
        }
        if (quote) {
            if (ch == quote && !triple) {
                quote = 0;
            } else if (ch == quote && s + 2 < end && src[s + 1] == ch && src[s + 2] == ch) {
                quote = 0;
                s += 2;
            }
            s++;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            triple = s + 2 < end && src[s + 1] == ch && src[s + 2] == ch;
            if (triple)
                s += 2;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= LEX_MAXLEVEL) {
                str_err(c->err, NULL, "f-string: too many nested parenthesis");
                return 0;
            }
            stack[depth++] = ch;
        } else if (ch == '#') {
            str_err(c->err, NULL, "f-string expression part cannot include '#'");
            return 0;
        } else if (depth == 0 && ch && strchr("!:}=<>", ch)) {
            if (s + 1 < end && src[s + 1] == '=' && ch != ':' && ch != '}') {
                s += 2; /* != == <= >= */
                continue;
            }
            if (ch != '<' && ch != '>')
                break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                str_err(c->err, NULL, "f-string: unmatched '%c'", ch);
                return 0;
            }
            char o = stack[--depth];
            if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') || (o == '{' && ch == '}'))) {
                str_err(c->err, NULL, "f-string: closing parenthesis '%c' does not match "
                        "opening parenthesis '%c'", ch, o);
                return 0;
            }
        }
        s++;
    }
    size_t expr_end = s;
    if (quote) {
        str_err(c->err, NULL, "f-string: unterminated string");
        return 0;
    }
    if (depth) {
        str_err(c->err, NULL, "f-string: unmatched '%c'", stack[depth - 1]);
        return 0;
    }
    if (s >= end)
        goto expecting;
    size_t k = expr_start;
    while (k < expr_end && is_space((unsigned char)src[k]))
        k++;
    if (k == expr_end) {
        if (src[s] == '!' || src[s] == ':' || src[s] == '=')
            str_err(c->err, NULL, "f-string: expression required before '%c'", src[s]);
        else
            str_err(c->err, NULL, "f-string: empty expression not allowed");
        return 0;
    }
    Cursor at_open = c->cur;
    cursor_to(src, c->src_end, &at_open, open);
    Cursor at_expr = at_open;
    cursor_to(src, c->src_end, &at_expr, expr_start);
    Node *value = parse_field(p, expr_start, expr_end, at_expr.line, at_expr.col,
                              at_expr.line_start);
    if (!value)
        return 0;
    c->cur = at_expr;
    size_t text_end = 0;
    if (src[s] == '=') {
        s++;
        while (s < end && is_space((unsigned char)src[s]))
            s++;
        if (s >= end)
            goto expecting;
        text_end = s;
    }
    int conversion = 0;
    if (src[s] == '!') {
        if (++s >= end)
            goto expecting;
        conversion = (unsigned char)src[s++];
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            str_err(c->err, NULL,
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return 0;
        }
    }
    Node *spec = NULL;
    if (s < end && src[s] == ':') {
        if (++s >= end)
            goto expecting;
        Vec sparts = {0};
        Buf spend = {0};
        int ok = fs_parse(c, &s, end, lvl + 1, &sparts, &spend);
        if (ok)
            flush(c, &sparts, &spend);
        free(spend.s);
        if (!ok)
            return 0;
        spec = parse_node(p, E_FSTRING, &p->prev);
        spec->l1 = parse_list(&sparts);
        parse_push(p, c->strs, spec);
    }
    if (s >= end || src[s] != '}')
        goto expecting;
    s++;
    if (text_end) {
        /* f'{x=}': the expression's text, then its repr */
        Buf text = {0};
        decode(p, &text, expr_start, text_end, 1, 0, c->err);
        buf_add(pend, text.s, text.len);
        free(text.s);
        if (!conversion && !spec)
            conversion = 'r';
    }
    flush(c, parts, pend);
    Node *f = parse_node(p, E_FORMATTED, &p->prev);
    f->line = at_open.line;
    f->col = at_open.col;
    Cursor at_close = c->cur;
    cursor_to(src, c->src_end, &at_close, s);
    f->end_line = at_close.line;
    f->end_col = at_close.col;
    f->a = value;
    f->op = conversion;
    f->b = spec;
    parse_push(p, parts, f);
    *pi = s;
    return 1;
expecting:
    str_err(c->err, NULL, "f-string: expecting '}'");
    return 0;
}

static int fs_parse(FCtx *c, size_t *pi, size_t end, int lvl, Vec *parts, Buf *pend)
{
    for (;;) {
        int r = fs_literal(c, pi, end, lvl, pend);
        if (r < 0)
            return 0;
        if (r == 1)
            continue;
        if (*pi >= end || c->src[*pi] == '}')
            break;
        if (!fs_field(c, pi, end, lvl, parts, pend))
            return 0;
    }
    if (lvl && (*pi >= end || c->src[*pi] != '}')) {
        str_err(c->err, NULL, "f-string: expecting '}'");
        return 0;
    }
    return 1;
}

/* ---- adjacent literals ---- */

Node *parse_strings(Parser *p)
{
    const char *src = p->lx->src;
    Token first = *parse_tok(p);
    StrErr err;
    memset(&err, 0, sizeof err);
    Buf pend = {0};
    Vec parts = {0}, strs = {0};
    int bytes = -1, fmode = 0;
    while (parse_at(p, T_STRING)) {
        Token t = *parse_tok(p);
        parse_advance(p);
        if (err.set || p->stop)
            continue;
        err.tline = t.line;
        err.tcol = t.col;
        Lit l = analyze(src, &t);
        if (l.bytes) {
            for (size_t i = l.body; i < l.body_end; i++)
                if ((unsigned char)src[i] >= 0x80) {
                    str_err(&err, &t, "bytes can only contain ASCII literal characters");
                    break;
                }
        }
        if (!err.set && bytes >= 0 && bytes != l.bytes)
            str_err(&err, NULL, "cannot mix bytes and nonbytes literals");
        if (err.set)
            continue;
        bytes = l.bytes;
        if (l.fmt) {
            fmode = 1;
            FCtx c = {p, src, p->lx->end, {t.start, t.line_start, t.line, t.col}, l.raw, &err,
                      &strs};
            size_t i = l.body;
            fs_parse(&c, &i, l.body_end, 0, &parts, &pend);
        } else {
            decode(p, &pend, l.body, l.body_end, l.raw, l.bytes, &err);
        }
    }
    Node *n = NULL;
    if (err.set) {
        if (err.at_token)
            parse_err1(p, err.line, err.col, "%s", err.msg);
        else
            parse_err_tok1(p, parse_tok(p), "%s", err.msg);
    } else if (!p->stop) {
        if (fmode) {
            flush(&(FCtx){p, src, 0, {0, 0, 0, 0}, 0, &err, &strs}, &parts, &pend);
            n = parse_node(p, E_FSTRING, &first);
            n->l1 = parse_list(&parts);
        } else {
            n = parse_node(p, E_STR, &first);
            n->str = arena_strndup(p->sh->arena, pend.s ? pend.s : "", pend.len);
            n->slen = pend.len;
            if (bytes == 1)
                parse_late(p, DIAG_UNSUPPORTED, first.line, first.col,
                           "bytes literals are not supported");
        }
        parse_end_prev(p, n);
        for (int i = 0; i < strs.len; i++) {
            Node *s = strs.items[i];
            s->line = n->line;
            s->col = n->col;
            s->end_line = n->end_line;
            s->end_col = n->end_col;
        }
    }
    free(pend.s);
    return n;
}

/* ---- f-string fields ---- */

Node *parse_field(Parser *outer, size_t start, size_t end, int line, int col,
                  size_t line_start)
{
    Lexer lx;
    lex_init_field(&lx, outer->lx->src, start, end, line, col, line_start);
    Parser p;
    memset(&p, 0, sizeof p);
    p.lx = &lx;
    p.sh = outer->sh;
    p.field = 1;
    Node *e = parse_star_exprs(&p);
    if (e && !parse_at(&p, T_ENDMARKER)) {
        parse_syntax_error(&p);
        e = NULL;
    }
    if (e && e->kind == E_STARRED) {
        parse_err_node(&p, e, "cannot use starred expression here");
        e = NULL;
    }
    if (p.stop || !e) {
        outer->stop = 1;
        return NULL;
    }
    return e;
}
