/* lex: the tokenizer. It follows CPython 3.11's tokenizer closely enough
 * that errors land on the same line (and mostly the same column) with the
 * same words; see lex.h for the two strengths of error. */
#include "lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EOFC (-1)

/* ---- Unicode: which code points may appear in identifiers ----
 *
 * CPython allows XID_Start/XID_Continue. Rather than carry the full
 * tables, we list the non-identifier characters of the blocks where
 * people actually meet them (Latin-1 and Greek punctuation, general
 * punctuation, arrows, maths, box drawing, dingbats, CJK punctuation,
 * fullwidth forms, emoji, private use); every other code point from
 * U+0080 up counts as a letter. Generated from Unicode 14 (CPython 3.11). */
enum { U_SYM, U_CTRL, U_CONT, U_START };

static const struct {
    int lo, hi;
    unsigned char cls; /* U_SYM printable, U_CTRL not printable,
                          U_CONT may continue but not start a name */
} uni_ranges[] = {
    {0x0080, 0x00A0, U_CTRL}, {0x00A1, 0x00A9, U_SYM}, {0x00AB, 0x00AC, U_SYM},
    {0x00AD, 0x00AD, U_CTRL}, {0x00AE, 0x00B4, U_SYM}, {0x00B6, 0x00B6, U_SYM},
    {0x00B7, 0x00B7, U_CONT}, {0x00B8, 0x00B9, U_SYM}, {0x00BB, 0x00BF, U_SYM},
    {0x00D7, 0x00D7, U_SYM}, {0x00F7, 0x00F7, U_SYM}, {0x02C2, 0x02C5, U_SYM},
    {0x02D2, 0x02DF, U_SYM}, {0x02E5, 0x02EB, U_SYM}, {0x02ED, 0x02ED, U_SYM},
    {0x02EF, 0x02FF, U_SYM}, {0x0300, 0x036F, U_CONT}, {0x0375, 0x0375, U_SYM},
    {0x037A, 0x037A, U_SYM}, {0x037E, 0x037E, U_SYM}, {0x0384, 0x0385, U_SYM},
    {0x0387, 0x0387, U_CONT}, {0x03F6, 0x03F6, U_SYM}, {0x0482, 0x0482, U_SYM},
    {0x0483, 0x0487, U_CONT}, {0x0488, 0x0489, U_SYM},
    {0x0591, 0x05BD, U_CONT}, {0x05BE, 0x05BE, U_SYM},
    {0x05BF, 0x05BF, U_CONT}, {0x05C0, 0x05C0, U_SYM},
    {0x05C1, 0x05C2, U_CONT}, {0x05C3, 0x05C3, U_SYM},
    {0x05C4, 0x05C5, U_CONT}, {0x05C6, 0x05C6, U_SYM},
    {0x05C7, 0x05C7, U_CONT}, {0x05F3, 0x05F4, U_SYM},
    {0x0600, 0x0605, U_CTRL}, {0x0606, 0x060F, U_SYM},
    {0x0610, 0x061A, U_CONT}, {0x061B, 0x061B, U_SYM},
    {0x061C, 0x061C, U_CTRL}, {0x061D, 0x061F, U_SYM},
    {0x064B, 0x0669, U_CONT}, {0x066A, 0x066D, U_SYM},
    {0x0670, 0x0670, U_CONT}, {0x06D4, 0x06D4, U_SYM},
    {0x06D6, 0x06DC, U_CONT}, {0x06DD, 0x06DD, U_CTRL},
    {0x06DE, 0x06DE, U_SYM}, {0x06DF, 0x06E4, U_CONT},
    {0x06E7, 0x06E8, U_CONT}, {0x06E9, 0x06E9, U_SYM},
    {0x06EA, 0x06ED, U_CONT}, {0x06F0, 0x06F9, U_CONT},
    {0x06FD, 0x06FE, U_SYM}, {0x2000, 0x200F, U_CTRL}, {0x2010, 0x2027, U_SYM},
    {0x2028, 0x202F, U_CTRL}, {0x2030, 0x203E, U_SYM},
    {0x203F, 0x2040, U_CONT}, {0x2041, 0x2053, U_SYM},
    {0x2054, 0x2054, U_CONT}, {0x2055, 0x205E, U_SYM},
    {0x205F, 0x2064, U_CTRL}, {0x2066, 0x206F, U_CTRL},
    {0x2070, 0x2070, U_SYM}, {0x2074, 0x207E, U_SYM}, {0x2080, 0x208E, U_SYM},
    {0x20A0, 0x20C0, U_SYM}, {0x20D0, 0x20DC, U_CONT}, {0x20DD, 0x20E0, U_SYM},
    {0x20E1, 0x20E1, U_CONT}, {0x20E2, 0x20E4, U_SYM},
    {0x20E5, 0x20F0, U_CONT}, {0x2100, 0x2101, U_SYM}, {0x2103, 0x2106, U_SYM},
    {0x2108, 0x2109, U_SYM}, {0x2114, 0x2114, U_SYM}, {0x2116, 0x2117, U_SYM},
    {0x211E, 0x2123, U_SYM}, {0x2125, 0x2125, U_SYM}, {0x2127, 0x2127, U_SYM},
    {0x2129, 0x2129, U_SYM}, {0x213A, 0x213B, U_SYM}, {0x2140, 0x2144, U_SYM},
    {0x214A, 0x214D, U_SYM}, {0x214F, 0x215F, U_SYM}, {0x2189, 0x218B, U_SYM},
    {0x2190, 0x2426, U_SYM}, {0x2440, 0x244A, U_SYM}, {0x2460, 0x2B73, U_SYM},
    {0x2B76, 0x2B95, U_SYM}, {0x2B97, 0x2BFF, U_SYM}, {0x2E00, 0x2E5D, U_SYM},
    {0x3000, 0x3000, U_CTRL}, {0x3001, 0x3004, U_SYM}, {0x3008, 0x3020, U_SYM},
    {0x302A, 0x302F, U_CONT}, {0x3030, 0x3030, U_SYM}, {0x3036, 0x3037, U_SYM},
    {0x303D, 0x303F, U_SYM}, {0xE000, 0xF8FF, U_CTRL},
    {0xFE00, 0xFE0F, U_CONT}, {0xFE10, 0xFE19, U_SYM},
    {0xFE20, 0xFE2F, U_CONT}, {0xFE30, 0xFE32, U_SYM},
    {0xFE33, 0xFE34, U_CONT}, {0xFE35, 0xFE4C, U_SYM},
    {0xFE4D, 0xFE4F, U_CONT}, {0xFE50, 0xFE52, U_SYM}, {0xFE54, 0xFE66, U_SYM},
    {0xFE68, 0xFE6B, U_SYM}, {0xFE70, 0xFE70, U_SYM}, {0xFE72, 0xFE72, U_SYM},
    {0xFE74, 0xFE74, U_SYM}, {0xFE76, 0xFE76, U_SYM}, {0xFE78, 0xFE78, U_SYM},
    {0xFE7A, 0xFE7A, U_SYM}, {0xFE7C, 0xFE7C, U_SYM}, {0xFE7E, 0xFE7E, U_SYM},
    {0xFEFF, 0xFEFF, U_CTRL}, {0xFF01, 0xFF0F, U_SYM},
    {0xFF10, 0xFF19, U_CONT}, {0xFF1A, 0xFF20, U_SYM}, {0xFF3B, 0xFF3E, U_SYM},
    {0xFF3F, 0xFF3F, U_CONT}, {0xFF40, 0xFF40, U_SYM}, {0xFF5B, 0xFF65, U_SYM},
    {0xFF9E, 0xFF9F, U_CONT}, {0xFFE0, 0xFFE6, U_SYM}, {0xFFE8, 0xFFEE, U_SYM},
    {0xFFF9, 0xFFFB, U_CTRL}, {0xFFFC, 0xFFFD, U_SYM},
    {0x1F000, 0x1F02B, U_SYM}, {0x1F030, 0x1F093, U_SYM},
    {0x1F0A0, 0x1F0AE, U_SYM}, {0x1F0B1, 0x1F0BF, U_SYM},
    {0x1F0C1, 0x1F0CF, U_SYM}, {0x1F0D1, 0x1F0F5, U_SYM},
    {0x1F100, 0x1F1AD, U_SYM}, {0x1F1E6, 0x1F202, U_SYM},
    {0x1F210, 0x1F23B, U_SYM}, {0x1F240, 0x1F248, U_SYM},
    {0x1F250, 0x1F251, U_SYM}, {0x1F260, 0x1F265, U_SYM},
    {0x1F300, 0x1F6D7, U_SYM}, {0x1F6DD, 0x1F6EC, U_SYM},
    {0x1F6F0, 0x1F6FC, U_SYM}, {0x1F700, 0x1F773, U_SYM},
    {0x1F780, 0x1F7D8, U_SYM}, {0x1F7E0, 0x1F7EB, U_SYM},
    {0x1F7F0, 0x1F7F0, U_SYM}, {0x1F800, 0x1F80B, U_SYM},
    {0x1F810, 0x1F847, U_SYM}, {0x1F850, 0x1F859, U_SYM},
    {0x1F860, 0x1F887, U_SYM}, {0x1F890, 0x1F8AD, U_SYM},
    {0x1F8B0, 0x1F8B1, U_SYM}, {0x1F900, 0x1FA53, U_SYM},
    {0x1FA60, 0x1FA6D, U_SYM}, {0x1FA70, 0x1FA74, U_SYM},
    {0x1FA78, 0x1FA7C, U_SYM}, {0x1FA80, 0x1FA86, U_SYM},
    {0x1FA90, 0x1FAAC, U_SYM}, {0x1FAB0, 0x1FABA, U_SYM},
    {0x1FAC0, 0x1FAC5, U_SYM}, {0x1FAD0, 0x1FAD9, U_SYM},
    {0x1FAE0, 0x1FAE7, U_SYM}, {0x1FAF0, 0x1FAF6, U_SYM},
    {0xE0001, 0xE0001, U_CTRL}, {0xE0020, 0xE007F, U_CTRL},
    {0xE0100, 0xE01EF, U_CONT}, {0xF0000, 0x10FFFF, U_CTRL},
};

static int uni_class(int cp)
{
    int lo = 0, hi = (int)(sizeof uni_ranges / sizeof uni_ranges[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < uni_ranges[mid].lo)
            hi = mid - 1;
        else if (cp > uni_ranges[mid].hi)
            lo = mid + 1;
        else
            return uni_ranges[mid].cls;
    }
    return U_START;
}

int lex_is_printable(int cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp != 0x7f;
    return uni_class(cp) != U_CTRL;
}

/* Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF).
 * On failure returns -1 and *used is the length of the valid prefix. */
int lex_decode_utf8(const char *s, size_t n, size_t *used)
{
    const unsigned char *u = (const unsigned char *)s;
    *used = 0;
    if (n == 0)
        return -1;
    unsigned c = u[0];
    if (c < 0x80) {
        *used = 1;
        return (int)c;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF, cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return -1;
    }
    *used = 1;
    for (size_t i = 1; i < len; i++) {
        if (i >= n)
            return -1;
        unsigned b = u[i];
        if (b < lo || b > hi)
            return -1;
        lo = 0x80;
        hi = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        *used = i + 1;
    }
    return (int)cp;
}

/* ---- reading the text ---- */

static int byte_at(const Lexer *lx, size_t i)
{
    if (i < lx->limit)
        return (unsigned char)lx->src[i];
    if (i == lx->limit && lx->add_nl)
        return '\n';
    return EOFC;
}

/* Length of the newline starting at i (1, or 2 for CR LF), else 0. */
static int nl_len(const Lexer *lx, size_t i)
{
    int c = byte_at(lx, i);
    if (c == '\n')
        return 1;
    if (c == '\r')
        return byte_at(lx, i + 1) == '\n' ? 2 : 1;
    return 0;
}

static void cross_newline(Lexer *lx, int n)
{
    lx->prev_line = lx->line;
    lx->prev_line_start = lx->line_start;
    lx->pos += (size_t)n;
    lx->line++;
    lx->line_start = lx->col_pos = lx->pos;
    lx->col_val = 0;
}

/* Characters in [a, b): UTF-8 continuation bytes do not count, a CR LF
 * counts once (CPython reads it as one '\n') and so does the implied
 * final newline. */
static int span_chars(const Lexer *lx, size_t a, size_t b)
{
    int n = 0;
    size_t stop = b < lx->limit ? b : lx->limit;
    for (size_t i = a; i < stop; i++) {
        unsigned char c = (unsigned char)lx->src[i];
        if ((c & 0xC0) == 0x80)
            continue;
        if (c == '\r' && i + 1 < stop && lx->src[i + 1] == '\n')
            continue;
        n++;
    }
    if (b > lx->limit && lx->add_nl)
        n++;
    return n;
}

/* Characters before byte i on the current line. Amortized linear: tokens
 * are asked for in order, so the cache only moves forward. */
static int col_of(Lexer *lx, size_t i)
{
    if (i < lx->col_pos || lx->col_pos < lx->line_start) {
        lx->col_pos = lx->line_start;
        lx->col_val = 0;
    }
    lx->col_val += span_chars(lx, lx->col_pos, i);
    lx->col_pos = i;
    return lx->col_val;
}

/* Where CPython reports something found at the end of the input: the last
 * line, just past its newline. */
static void eof_pos(Lexer *lx, int *line, int *col)
{
    if (lx->pos == lx->line_start && lx->line > 1 && lx->prev_line_start < lx->pos) {
        *line = lx->prev_line;
        *col = span_chars(lx, lx->prev_line_start, lx->pos);
    } else {
        *line = lx->line;
        *col = col_of(lx, lx->pos);
    }
}

/* ---- errors ---- */

static Token error_token(const Lexer *lx)
{
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = T_ERROR;
    t.line = t.end_line = t.err_line = lx->err.line;
    t.col = t.end_col = t.err_col = lx->err.col;
    t.start = t.end = lx->pos;
    t.line_start = lx->line_start;
    t.level = lx->level;
    return t;
}

static Token fail(Lexer *lx, int hard, DiagKind kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static Token fail(Lexer *lx, int hard, DiagKind kind, int line, int col, const char *fmt, ...)
{
    if (!lx->err.set) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
        va_end(ap);
        lx->err.set = 1;
        lx->err.hard = hard;
        lx->err.kind = kind;
        lx->err.line = line;
        lx->err.col = col;
    }
    return error_token(lx);
}

/* A hard error located just before byte `cur` on the current line, which
 * is where CPython's tokenizer points (it counts the characters it read). */
#define FAIL_AT(lx, cur, ...) \
    fail((lx), 1, DIAG_SYNTAX, (lx)->line, col_of((lx), (cur)), __VA_ARGS__)

/* Reaching the first unreadable line is an error of that line. */
static int hit_bad_line(Lexer *lx)
{
    if (lx->bad_line && lx->pos >= lx->limit) {
        fail(lx, 1, DIAG_SYNTAX, lx->bad_line, lx->bad_col, "%s", lx->bad_msg);
        return 1;
    }
    return 0;
}

/* ---- setup ---- */

static void find_bad_text(Lexer *lx, size_t start)
{
    const char *s = lx->src;
    size_t n = lx->end, i = start, line_start = start;
    int line = 1, col = 1;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0) {
            snprintf(lx->bad_msg, sizeof lx->bad_msg, "source code cannot contain null bytes");
            break;
        }
        if (c < 0x80) {
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
                    i++;
                line++;
                col = 0;
                line_start = i + 1;
            }
            i++;
            col++;
            continue;
        }
        size_t used;
        if (lex_decode_utf8(s + i, n - i, &used) >= 0) {
            i += used;
            col++;
            continue;
        }
        size_t pos = i - line_start;
        const char *why = c < 0xC2 || c > 0xF4 ? "invalid start byte"
                          : i + used == n     ? "unexpected end of data"
                                              : "invalid continuation byte";
        if (used == 0)
            used = 1;
        if (used == 1)
            snprintf(lx->bad_msg, sizeof lx->bad_msg,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                     c, pos, why);
        else
            snprintf(lx->bad_msg, sizeof lx->bad_msg,
                     "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                     pos, pos + used - 1, why);
        break;
    }
    if (i < n) {
        lx->bad_line = line;
        lx->bad_col = col;
        lx->limit = line_start;
    }
}

void lex_init(Lexer *lx, const char *src, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->end = lx->limit = len;
    size_t start = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        start = 3; /* a UTF-8 signature is not part of the text */
    find_bad_text(lx, start);
    lx->add_nl = !lx->bad_line && len > start && src[len - 1] != '\n' && src[len - 1] != '\r';
    lx->pos = lx->line_start = lx->col_pos = lx->prev_line_start = start;
    lx->line = lx->prev_line = 1;
    lx->atbol = 1;
}

void lex_init_field(Lexer *lx, const char *src, size_t start, size_t end,
                    int line, int col, size_t line_start)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->end = lx->limit = end;
    lx->sub = 1;
    lx->pos = start;
    lx->line = lx->prev_line = line;
    lx->line_start = lx->prev_line_start = line_start;
    lx->col_pos = start;
    lx->col_val = col - 1;
    /* the implicit '(' around the field: newlines are just spaces */
    lx->level = 1;
    lx->paren[0] = '(';
    lx->paren_line[0] = line;
    lx->paren_col[0] = col;
}

/* ---- indentation ---- */

/* After a backslash: the line must end there and another must follow. */
static int continuation(Lexer *lx)
{
    int n = nl_len(lx, lx->pos);
    if (!n) {
        fail(lx, 0, DIAG_SYNTAX, lx->line, col_of(lx, lx->pos) + 1,
             "unexpected character after line continuation character");
        return -1;
    }
    cross_newline(lx, n);
    if (byte_at(lx, lx->pos) == EOFC) {
        if (hit_bad_line(lx))
            return -1;
        fail(lx, 0, DIAG_SYNTAX, lx->prev_line, span_chars(lx, lx->prev_line_start, lx->pos),
             "unexpected EOF while parsing");
        return -1;
    }
    return 0;
}

/* Length of the current line including its newline, in characters. */
static int line_chars(Lexer *lx)
{
    size_t i = lx->pos;
    while (byte_at(lx, i) != EOFC && !nl_len(lx, i))
        i++;
    return col_of(lx, i) + (byte_at(lx, i) != EOFC);
}

/* Measures the indentation at the start of a line and queues INDENT or
 * DEDENT tokens. Sets *blank for lines holding only a comment or nothing.
 * Returns -1 on error. */
static int read_indent(Lexer *lx, int *blank)
{
    int col = 0, altcol = 0, cont_col = 0, c;
    for (;;) {
        c = byte_at(lx, lx->pos);
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            /* the first backslash fixes the indentation of what follows */
            cont_col = cont_col ? cont_col : col;
            lx->pos++;
            if (continuation(lx) < 0)
                return -1;
            continue;
        } else {
            break;
        }
        lx->pos++;
    }
    if (c == EOFC && hit_bad_line(lx))
        return -1;
    *blank = c == '#' || c == '\n' || c == '\r';
    if (*blank || lx->level != 0)
        return 0;
    if (cont_col)
        col = altcol = cont_col;
    int top = lx->indent;
    if (col == lx->indstack[top]) {
        if (altcol != lx->altindstack[top])
            goto tab_error;
    } else if (col > lx->indstack[top]) {
        if (top + 1 >= LEX_MAXINDENT) {
            fail(lx, 0, DIAG_INDENT, lx->line, 1, "too many levels of indentation");
            return -1;
        }
        if (altcol <= lx->altindstack[top])
            goto tab_error;
        lx->pendin++;
        lx->indstack[++lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent]) {
            fail(lx, 0, DIAG_INDENT, lx->line, line_chars(lx),
                 "unindent does not match any outer indentation level");
            return -1;
        }
        if (altcol != lx->altindstack[lx->indent])
            goto tab_error;
    }
    return 0;
tab_error:
    fail(lx, 0, DIAG_TAB, lx->line, 1, "inconsistent use of tabs and spaces in indentation");
    return -1;
}

/* ---- tokens ---- */

static Token make(Lexer *lx, TokKind kind, size_t start, int line, int col, size_t line_start)
{
    Token t;
    t.kind = kind;
    t.line = t.err_line = line;
    t.col = t.err_col = col + 1;
    t.start = start;
    t.end = lx->pos;
    t.line_start = line_start;
    t.end_line = lx->line;
    t.end_col = col_of(lx, lx->pos) + 1;
    t.level = lx->level;
    return t;
}

static int is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_id_char(int c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static const struct {
    const char *word;
    TokKind kind;
} keywords[] = {
    {"False", T_FALSE}, {"None", T_NONE}, {"True", T_TRUE}, {"and", T_AND},
    {"as", T_AS}, {"assert", T_ASSERT}, {"async", T_ASYNC}, {"await", T_AWAIT},
    {"break", T_BREAK}, {"class", T_CLASS}, {"continue", T_CONTINUE},
    {"def", T_DEF}, {"del", T_DEL}, {"elif", T_ELIF}, {"else", T_ELSE},
    {"except", T_EXCEPT}, {"finally", T_FINALLY}, {"for", T_FOR},
    {"from", T_FROM}, {"global", T_GLOBAL}, {"if", T_IF}, {"import", T_IMPORT},
    {"in", T_IN}, {"is", T_IS}, {"lambda", T_LAMBDA}, {"nonlocal", T_NONLOCAL},
    {"not", T_NOT}, {"or", T_OR}, {"pass", T_PASS}, {"raise", T_RAISE},
    {"return", T_RETURN}, {"try", T_TRY}, {"while", T_WHILE}, {"with", T_WITH},
    {"yield", T_YIELD},
};

static TokKind keyword_kind(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return T_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i].word) == n && memcmp(keywords[i].word, s, n) == 0)
            return keywords[i].kind;
    return T_NAME;
}

/* A name with non-ASCII characters must be an identifier in Unicode's
 * sense; otherwise point at the first character that is not. */
static int verify_identifier(Lexer *lx, size_t start, size_t end)
{
    size_t i = start;
    int first = 1;
    while (i < end) {
        size_t used;
        int cp = lex_decode_utf8(lx->src + i, end - i, &used);
        if (cp < 0)
            used = 1; /* cannot happen: the text was checked */
        int ok;
        if (cp < 0x80)
            ok = first ? is_id_start(cp) : is_id_char(cp);
        else
            ok = first ? uni_class(cp) == U_START : uni_class(cp) >= U_CONT;
        if (!ok) {
            int col = col_of(lx, i + used);
            if (cp >= 0 && lex_is_printable(cp))
                fail(lx, 1, DIAG_SYNTAX, lx->line, col, "invalid character '%.*s' (U+%04X)",
                     (int)used, lx->src + i, (unsigned)cp);
            else
                fail(lx, 1, DIAG_SYNTAX, lx->line, col, "invalid non-printable character U+%04X",
                     (unsigned)(cp < 0 ? 0xFFFD : cp));
            return 0;
        }
        first = 0;
        i += used;
    }
    return 1;
}

/* Does `word` follow at i, not followed by more of a name? */
static int word_at(const Lexer *lx, size_t i, const char *word)
{
    for (; *word; word++, i++)
        if (byte_at(lx, i) != *word)
            return 0;
    return !is_id_char(byte_at(lx, i));
}

/* A number may be followed directly by one of the keywords that can come
 * after one in valid code ("1if x else y" still works in 3.11, with a
 * warning); any other letter makes it an invalid literal. i is the first
 * byte after the number. */
static int end_of_number(Lexer *lx, size_t i, const char *kind)
{
    int c = byte_at(lx, i), r = 0;
    if (c == 'a')
        r = word_at(lx, i + 1, "nd");
    else if (c == 'e')
        r = word_at(lx, i + 1, "lse");
    else if (c == 'f')
        r = word_at(lx, i + 1, "or");
    else if (c == 'i') {
        int c2 = byte_at(lx, i + 1);
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
    } else if (c == 'o')
        r = word_at(lx, i + 1, "r");
    else if (c == 'n')
        r = word_at(lx, i + 1, "ot");
    if (!r && c != EOFC && is_id_char(c)) {
        FAIL_AT(lx, i, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* Digits and single underscores between them; i is at a digit. Returns
 * the index after them, or 0 after an error. */
static size_t decimal_tail(Lexer *lx, size_t i)
{
    for (;;) {
        while (is_digit(byte_at(lx, i)))
            i++;
        if (byte_at(lx, i) != '_')
            return i;
        i++;
        if (!is_digit(byte_at(lx, i))) {
            FAIL_AT(lx, i, "invalid decimal literal");
            return 0;
        }
    }
}

/* Digits of base 16, 8 or 2 after the prefix. */
static size_t radix_digits(Lexer *lx, size_t i, int base, const char *kind)
{
    for (;;) {
        if (byte_at(lx, i) == '_')
            i++;
        int c = byte_at(lx, i);
        int ok = base == 16 ? is_xdigit(c) : c >= '0' && c < '0' + base;
        if (!ok) {
            if (base != 16 && is_digit(c)) {
                FAIL_AT(lx, i + 1, "invalid digit '%c' in %s literal", c, kind);
                return 0;
            }
            FAIL_AT(lx, i, "invalid %s literal", kind);
            return 0;
        }
        do {
            c = byte_at(lx, ++i);
        } while (base == 16 ? is_xdigit(c) : c >= '0' && c < '0' + base);
        if (c != '_')
            break;
    }
    int c = byte_at(lx, i);
    if (base != 16 && is_digit(c)) {
        FAIL_AT(lx, i + 1, "invalid digit '%c' in %s literal", c, kind);
        return 0;
    }
    return end_of_number(lx, i, kind) ? i : 0;
}

/* Fraction, exponent and imaginary suffix; i is just past the '.' (if
 * fraction) or at the 'e'/'j'. */
static size_t float_tail(Lexer *lx, size_t i, int fraction)
{
    if (fraction && is_digit(byte_at(lx, i)) && !(i = decimal_tail(lx, i)))
        return 0;
    int c = byte_at(lx, i);
    if (c == 'e' || c == 'E') {
        size_t e = i++;
        c = byte_at(lx, i);
        if (c == '+' || c == '-') {
            i++;
            if (!is_digit(byte_at(lx, i))) {
                FAIL_AT(lx, i, "invalid decimal literal");
                return 0;
            }
        } else if (!is_digit(c)) {
            /* "1else": the number ends before the 'e' */
            return end_of_number(lx, e, "decimal") ? e : 0;
        }
        if (!(i = decimal_tail(lx, i)))
            return 0;
        c = byte_at(lx, i);
    }
    if (c == 'j' || c == 'J')
        return end_of_number(lx, i + 1, "imaginary") ? i + 1 : 0;
    return end_of_number(lx, i, "decimal") ? i : 0;
}

/* Returns the end of the number starting at i, or 0 after an error. */
static size_t scan_number(Lexer *lx, size_t i)
{
    size_t start = i;
    if (byte_at(lx, i) == '.')
        return float_tail(lx, i + 1, 1);
    if (byte_at(lx, i) != '0') {
        if (!(i = decimal_tail(lx, i)))
            return 0;
        int c = byte_at(lx, i);
        if (c == '.')
            return float_tail(lx, i + 1, 1);
        return float_tail(lx, i, 0);
    }
    int c = byte_at(lx, ++i);
    if (c == 'x' || c == 'X')
        return radix_digits(lx, i + 1, 16, "hexadecimal");
    if (c == 'o' || c == 'O')
        return radix_digits(lx, i + 1, 8, "octal");
    if (c == 'b' || c == 'B')
        return radix_digits(lx, i + 1, 2, "binary");
    /* zeros, possibly an old-style octal like 012 (no longer allowed) */
    for (;;) {
        if (byte_at(lx, i) == '_') {
            i++;
            if (!is_digit(byte_at(lx, i))) {
                FAIL_AT(lx, i, "invalid decimal literal");
                return 0;
            }
        }
        if (byte_at(lx, i) != '0')
            break;
        i++;
    }
    int nonzero = 0;
    if (is_digit(byte_at(lx, i))) {
        nonzero = 1;
        if (!(i = decimal_tail(lx, i)))
            return 0;
    }
    c = byte_at(lx, i);
    if (c == '.')
        return float_tail(lx, i + 1, 1);
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return float_tail(lx, i, 0);
    if (nonzero) {
        fail(lx, 1, DIAG_SYNTAX, lx->line, col_of(lx, start) + 1,
             "leading zeros in decimal integer literals are not permitted; "
             "use an 0o prefix for octal integers");
        return 0;
    }
    return end_of_number(lx, i, "decimal") ? i : 0;
}

/* A string literal whose prefix starts at `start` and quote is at lx->pos.
 * Leaves lx->pos after the closing quote; returns 0 after an error. */
static int scan_string(Lexer *lx, size_t start)
{
    int first_line = lx->line;
    int start_col = col_of(lx, start) + 1;
    int quote = byte_at(lx, lx->pos), quote_size = 1, end_quote_size = 0;
    lx->pos++;
    if (byte_at(lx, lx->pos) == quote) {
        lx->pos++;
        if (byte_at(lx, lx->pos) == quote) {
            lx->pos++;
            quote_size = 3;
        } else {
            end_quote_size = 1; /* the empty string */
        }
    }
    while (end_quote_size != quote_size) {
        int c = byte_at(lx, lx->pos);
        int nl = nl_len(lx, lx->pos);
        if (c == EOFC || (quote_size == 1 && nl)) {
            if (c == EOFC && hit_bad_line(lx))
                return 0;
            int at = lx->line;
            if (c == EOFC) {
                int col;
                eof_pos(lx, &at, &col);
            }
            if (quote_size == 3)
                fail(lx, 1, DIAG_SYNTAX, first_line, start_col,
                     "unterminated triple-quoted string literal (detected at line %d)", at);
            else
                fail(lx, 1, DIAG_SYNTAX, first_line, start_col,
                     "unterminated string literal (detected at line %d)", at);
            return 0;
        }
        if (nl)
            cross_newline(lx, nl);
        else
            lx->pos++;
        if (c == quote) {
            end_quote_size++;
            continue;
        }
        end_quote_size = 0;
        if (c == '\\') {
            /* the escaped character, which may be a newline */
            nl = nl_len(lx, lx->pos);
            if (nl)
                cross_newline(lx, nl);
            else if (byte_at(lx, lx->pos) != EOFC)
                lx->pos++;
        }
    }
    return 1;
}

static const struct {
    const char *text;
    TokKind kind;
} operators[] = {
    /* longest first */
    {"**=", T_DOUBLESTAREQUAL}, {"//=", T_DOUBLESLASHEQUAL}, {"<<=", T_LSHIFTEQUAL},
    {">>=", T_RSHIFTEQUAL}, {"...", T_ELLIPSIS},
    {"!=", T_NOTEQUAL}, {"%=", T_PERCENTEQUAL}, {"&=", T_AMPEREQUAL},
    {"**", T_DOUBLESTAR}, {"*=", T_STAREQUAL}, {"+=", T_PLUSEQUAL},
    {"-=", T_MINEQUAL}, {"->", T_RARROW}, {"//", T_DOUBLESLASH},
    {"/=", T_SLASHEQUAL}, {":=", T_COLONEQUAL}, {"<<", T_LSHIFT},
    {"<=", T_LESSEQUAL}, {"<>", T_LTGT}, {"==", T_EQEQUAL},
    {">=", T_GREATEREQUAL}, {">>", T_RSHIFT}, {"@=", T_ATEQUAL},
    {"^=", T_CIRCUMFLEXEQUAL}, {"|=", T_VBAREQUAL},
    {"%", T_PERCENT}, {"&", T_AMPER}, {"(", T_LPAR}, {")", T_RPAR},
    {"*", T_STAR}, {"+", T_PLUS}, {",", T_COMMA}, {"-", T_MINUS},
    {".", T_DOT}, {"/", T_SLASH}, {":", T_COLON}, {";", T_SEMI},
    {"<", T_LESS}, {"=", T_EQUAL}, {">", T_GREATER}, {"@", T_AT},
    {"[", T_LSQB}, {"]", T_RSQB}, {"^", T_CIRCUMFLEX}, {"{", T_LBRACE},
    {"|", T_VBAR}, {"}", T_RBRACE}, {"~", T_TILDE},
};

static TokKind scan_operator(Lexer *lx)
{
    for (size_t k = 0; k < sizeof operators / sizeof operators[0]; k++) {
        const char *s = operators[k].text;
        size_t n = strlen(s), i = 0;
        while (i < n && byte_at(lx, lx->pos + i) == (unsigned char)s[i])
            i++;
        if (i == n) {
            lx->pos += n;
            return operators[k].kind;
        }
    }
    lx->pos++;
    return T_OP;
}

/* Brackets: keeps the stack CPython keeps, with its limits and messages. */
static int track_bracket(Lexer *lx, int c, size_t start, int col)
{
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= LEX_MAXLEVEL) {
            FAIL_AT(lx, start + 1, "too many nested parentheses");
            return 0;
        }
        lx->paren[lx->level] = (char)c;
        lx->paren_line[lx->level] = lx->line;
        lx->paren_col[lx->level] = col;
        lx->level++;
        return 1;
    }
    if (lx->level == 0) {
        FAIL_AT(lx, start + 1, "unmatched '%c'", c);
        return 0;
    }
    lx->level--;
    int open = lx->paren[lx->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))
        return 1;
    if (lx->paren_line[lx->level] != lx->line)
        FAIL_AT(lx, start + 1,
                "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                c, open, lx->paren_line[lx->level]);
    else
        FAIL_AT(lx, start + 1, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                c, open);
    return 0;
}

Token lex_next(Lexer *lx)
{
    if (lx->err.set)
        return error_token(lx);
    for (;;) {
        int blank = 0;
        if (lx->atbol) {
            lx->atbol = 0;
            if (read_indent(lx, &blank) < 0)
                return error_token(lx);
        }
        if (lx->pendin) {
            Token t;
            memset(&t, 0, sizeof t);
            t.kind = lx->pendin < 0 ? T_DEDENT : T_INDENT;
            lx->pendin += lx->pendin < 0 ? 1 : -1;
            if (byte_at(lx, lx->pos) == EOFC)
                eof_pos(lx, &t.err_line, &t.err_col);
            else {
                t.err_line = lx->line;
                t.err_col = col_of(lx, lx->pos);
            }
            t.line = t.end_line = lx->line;
            t.col = t.end_col = col_of(lx, lx->pos) + 1;
            t.start = t.end = lx->pos;
            t.line_start = lx->line_start;
            t.level = lx->level;
            return t;
        }
    again:;
        int c = byte_at(lx, lx->pos);
        while (c == ' ' || c == '\t' || c == '\f')
            c = byte_at(lx, ++lx->pos);
        size_t comment = lx->pos; /* a NEWLINE after a comment starts at the '#' */
        if (c == '#') {
            while (c != EOFC && !nl_len(lx, lx->pos))
                c = byte_at(lx, ++lx->pos);
        }
        if (c == EOFC) {
            if (hit_bad_line(lx))
                return error_token(lx);
            if (!lx->sub && lx->level > 0) {
                int k = lx->level - 1;
                fail(lx, 0, DIAG_SYNTAX, lx->paren_line[k], lx->paren_col[k],
                     "'%c' was never closed", lx->paren[k]);
                lx->err.unclosed = 1;
                return error_token(lx);
            }
            Token t = make(lx, T_ENDMARKER, lx->pos, lx->line, col_of(lx, lx->pos), lx->line_start);
            if (!lx->sub)
                eof_pos(lx, &t.err_line, &t.err_col);
            return t;
        }
        size_t start = lx->pos;
        int line = lx->line, col = col_of(lx, start);
        size_t line_start = lx->line_start;

        if (nl_len(lx, start)) {
            int n = nl_len(lx, start);
            if (blank || lx->level > 0) {
                cross_newline(lx, n);
                lx->atbol = 1;
                continue;
            }
            int ccol = comment < start ? col_of(lx, comment) : col;
            Token t = make(lx, T_NEWLINE, comment, line, ccol, line_start);
            t.end = start + (size_t)n;
            t.end_col = col + 2;
            cross_newline(lx, n);
            lx->atbol = 1;
            return t;
        }
        if (is_id_start(c)) {
            /* string prefixes: any order of b, r, u, f that Python accepts */
            int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
            size_t i = start;
            for (;; i++) {
                int d = byte_at(lx, i);
                if (!(saw_b || saw_u || saw_f) && (d == 'b' || d == 'B'))
                    saw_b = 1;
                else if (!(saw_b || saw_u || saw_r || saw_f) && (d == 'u' || d == 'U'))
                    saw_u = 1;
                else if (!(saw_r || saw_u) && (d == 'r' || d == 'R'))
                    saw_r = 1;
                else if (!(saw_f || saw_b || saw_u) && (d == 'f' || d == 'F'))
                    saw_f = 1;
                else
                    break;
                d = byte_at(lx, i + 1);
                if (d == '\'' || d == '"') {
                    lx->pos = i + 1;
                    if (!scan_string(lx, start))
                        return error_token(lx);
                    return make(lx, T_STRING, start, line, col, line_start);
                }
            }
            int nonascii = 0;
            i = start;
            while (is_id_char(byte_at(lx, i)) && i < lx->limit) {
                nonascii |= lx->src[i] & 0x80;
                i++;
            }
            if (nonascii && !verify_identifier(lx, start, i))
                return error_token(lx);
            lx->pos = i;
            TokKind k = nonascii ? T_NAME : keyword_kind(lx->src + start, i - start);
            return make(lx, k, start, line, col, line_start);
        }
        if (is_digit(c) || (c == '.' && is_digit(byte_at(lx, start + 1)))) {
            size_t e = scan_number(lx, start);
            if (!e)
                return error_token(lx);
            lx->pos = e;
            return make(lx, T_NUMBER, start, line, col, line_start);
        }
        if (c == '\'' || c == '"') {
            if (!scan_string(lx, start))
                return error_token(lx);
            return make(lx, T_STRING, start, line, col, line_start);
        }
        if (c == '\\') {
            lx->pos++;
            if (continuation(lx) < 0)
                return error_token(lx);
            goto again;
        }
        if (c < 0x20 || c == 0x7f) {
            FAIL_AT(lx, start + 1, "invalid non-printable character U+%04X", (unsigned)c);
            return error_token(lx);
        }
        TokKind k = scan_operator(lx);
        if ((k >= T_LPAR && k <= T_RBRACE) && !track_bracket(lx, c, start, col + 1))
            return error_token(lx);
        return make(lx, k, start, line, col, line_start);
    }
}

static const char *const kind_names[T_KIND_COUNT] = {
    [T_ENDMARKER] = "ENDMARKER", [T_NEWLINE] = "NEWLINE", [T_INDENT] = "INDENT",
    [T_DEDENT] = "DEDENT", [T_NAME] = "NAME", [T_NUMBER] = "NUMBER",
    [T_STRING] = "STRING", [T_OP] = "OP", [T_ERROR] = "ERRORTOKEN",
};

const char *lex_kind_name(TokKind kind)
{
    if (kind < 0 || kind >= T_KIND_COUNT)
        return "?";
    if (kind_names[kind])
        return kind_names[kind];
    for (size_t k = 0; k < sizeof operators / sizeof operators[0]; k++)
        if (operators[k].kind == kind)
            return operators[k].text;
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
        if (keywords[k].kind == kind)
            return keywords[k].word;
    return "?";
}
