/* diag: recording the first error of a scenario and printing it the way
 * CPython does (the offending line, then a caret), made safe for any
 * bytes: the line is shown escaped where it is not printable text, tabs
 * become spaces, and a long line is cut to a window around the caret. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

#include "lex.h"

enum {
    WINDOW = 100, /* characters of a long line shown around the caret */
    TABSTOP = 8
};

void diag_set(Diag *d, DiagKind kind, int line, int col, const char *fmt, ...)
{
    if (!d || d->set)
        return;
    d->set = 1;
    d->kind = kind;
    d->line = line;
    d->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
}

const char *diag_kind_name(DiagKind kind)
{
    switch (kind) {
    case DIAG_INDENT: return "IndentationError";
    case DIAG_TAB: return "TabError";
    case DIAG_OVERFLOW: return "OverflowError";
    case DIAG_SYNTAX:
    case DIAG_UNSUPPORTED:
    default: return "SyntaxError";
    }
}

/* One character of the shown line: its bytes as printed and its width. */
typedef struct {
    char text[16];
    int width;
    size_t used; /* bytes of the source it stands for */
} Cell;

static int is_wide(int cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* col is the display column the cell starts at (for tabs). */
static Cell cell_at(const char *s, size_t n, int col)
{
    Cell c;
    unsigned char b = (unsigned char)s[0];
    if (b == '\t') {
        c.width = TABSTOP - col % TABSTOP;
        memset(c.text, ' ', (size_t)c.width);
        c.text[c.width] = '\0';
        c.used = 1;
        return c;
    }
    size_t used;
    int cp = lex_decode_utf8(s, n, &used);
    if (cp < 0 || cp < 0x20 || cp == 0x7f) {
        snprintf(c.text, sizeof c.text, "\\x%02x", b);
        c.width = 4;
        c.used = 1;
    } else if (!lex_is_printable(cp)) {
        snprintf(c.text, sizeof c.text, cp > 0xFFFF ? "\\U%08x" : "\\u%04x", (unsigned)cp);
        c.width = (int)strlen(c.text);
        c.used = used;
    } else {
        memcpy(c.text, s, used);
        c.text[used] = '\0';
        c.width = is_wide(cp) ? 2 : 1;
        c.used = used;
    }
    return c;
}

static int is_newline(char c) { return c == '\n' || c == '\r'; }

void diag_print(FILE *out, const char *file, const char *src, size_t len, const Diag *d)
{
    if (!out || !d)
        return;
    fprintf(out, "%s:%d:%d: %s: %s\n", file ? file : "<input>", d->line, d->col,
            diag_kind_name(d->kind), d->msg);
    if (!src || d->line < 1)
        return;
    /* find the line, counting newlines as the tokenizer does */
    size_t i = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (int line = 1; line < d->line; line++) {
        while (i < len && !is_newline(src[i]))
            i++;
        if (i >= len)
            return;
        i += src[i] == '\r' && i + 1 < len && src[i + 1] == '\n' ? 2 : 1;
    }
    size_t end = i;
    while (end < len && !is_newline(src[end]))
        end++;
    /* leading blanks are not shown (as CPython), nor counted for the caret */
    int skipped = 0;
    while (i < end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f')) {
        i++;
        skipped++;
    }
    long caret = (long)d->col - 1 - skipped;
    if (caret < 0)
        caret = 0;
    /* characters on the line, to know whether it must be cut */
    long total = 0;
    for (size_t k = i; k < end; total++) {
        size_t used;
        if (lex_decode_utf8(src + k, end - k, &used) < 0)
            used = 1;
        k += used;
    }
    long first = 0, last = total;
    if (total > WINDOW) {
        first = caret - WINDOW / 2;
        if (first > total - WINDOW)
            first = total - WINDOW;
        if (first < 0)
            first = 0;
        last = first + WINDOW;
    }
    fputs("    ", out);
    int col = 0, caret_col = -1;
    if (first > 0) {
        fputs("...", out);
        col = 3;
    }
    long ch = 0;
    for (size_t k = i; k < end && ch < last; ch++) {
        size_t used;
        if (lex_decode_utf8(src + k, end - k, &used) < 0)
            used = 1;
        if (ch >= first) {
            if (ch == caret)
                caret_col = col;
            Cell c = cell_at(src + k, end - k, col);
            fputs(c.text, out);
            col += c.width;
        }
        k += used;
    }
    if (last < total)
        fputs("...", out);
    if (caret_col < 0)
        caret_col = col + (int)(caret > ch ? caret - ch : 0);
    if (caret_col > col + 1)
        caret_col = col + 1;
    fputs("\n    ", out);
    for (int k = 0; k < caret_col; k++)
        fputc(' ', out);
    fputs("^\n", out);
}
