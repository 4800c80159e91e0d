/* diag: errors found in a scenario's text before it runs (lexer, parser,
 * compiler), reported as FILE:LINE:COL: Kind: message, the line, a caret. */
#ifndef MEMVIZ_DIAG_H
#define MEMVIZ_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    DIAG_SYNTAX,      /* SyntaxError */
    DIAG_INDENT,      /* IndentationError */
    DIAG_TAB,         /* TabError */
    DIAG_OVERFLOW,    /* OverflowError (a literal too large) */
    DIAG_UNSUPPORTED  /* SyntaxError: valid Python that MiniPy does not run */
} DiagKind;

typedef struct {
    int set;          /* 0 until the first error; later errors are ignored */
    DiagKind kind;
    int line, col;    /* 1-based; col in characters */
    char msg[256];
} Diag;

/* Records an error unless one is already recorded (only the first counts). */
void diag_set(Diag *d, DiagKind kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

const char *diag_kind_name(DiagKind kind); /* "SyntaxError", ... */

/* Prints "file:line:col: Kind: msg", then the source line and a caret under
 * col. src/len is the whole scenario text (may hold NUL bytes or invalid
 * UTF-8: those are shown escaped, never raw). */
void diag_print(FILE *out, const char *file, const char *src, size_t len, const Diag *d);

#endif
