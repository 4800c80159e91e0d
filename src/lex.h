/* lex: scenario text -> tokens, one at a time, as CPython 3.11's tokenizer
 * cuts them (INDENT/DEDENT, implicit joining inside brackets, backslash
 * continuation, whole string literals including f-strings).
 *
 * Errors come in two strengths, because CPython treats them differently:
 * a "hard" error (a bad literal, an unmatched bracket, invalid text) is
 * raised by CPython's tokenizer at once and wins even over a parser error
 * found earlier on; a "soft" one (indentation, a stray backslash, end of
 * input inside brackets) only counts if the parser gets that far. */
#ifndef MEMVIZ_LEX_H
#define MEMVIZ_LEX_H

#include <stddef.h>

#include "diag.h"

typedef enum {
    T_ENDMARKER, T_NEWLINE, T_INDENT, T_DEDENT,
    T_NAME, T_NUMBER, T_STRING,
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE,
    T_COLON, T_COMMA, T_SEMI, T_DOT, T_ELLIPSIS, T_RARROW, T_COLONEQUAL,
    T_AT, T_EQUAL, T_TILDE,
    /* binary operators */
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_DOUBLESLASH, T_PERCENT, T_DOUBLESTAR,
    T_LSHIFT, T_RSHIFT, T_AMPER, T_VBAR, T_CIRCUMFLEX,
    /* augmented assignment */
    T_PLUSEQUAL, T_MINEQUAL, T_STAREQUAL, T_SLASHEQUAL, T_DOUBLESLASHEQUAL,
    T_PERCENTEQUAL, T_DOUBLESTAREQUAL, T_LSHIFTEQUAL, T_RSHIFTEQUAL,
    T_AMPEREQUAL, T_VBAREQUAL, T_CIRCUMFLEXEQUAL, T_ATEQUAL,
    /* comparisons */
    T_LESS, T_GREATER, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL, T_GREATEREQUAL,
    T_LTGT,    /* "<>": tokenized, never accepted */
    T_OP,      /* any other character ($ ? ! `) */
    /* keywords (Python 3.11), alphabetical as in keyword.kwlist */
    T_FALSE, T_NONE, T_TRUE, T_AND, T_AS, T_ASSERT, T_ASYNC, T_AWAIT,
    T_BREAK, T_CLASS, T_CONTINUE, T_DEF, T_DEL, T_ELIF, T_ELSE, T_EXCEPT,
    T_FINALLY, T_FOR, T_FROM, T_GLOBAL, T_IF, T_IMPORT, T_IN, T_IS,
    T_LAMBDA, T_NONLOCAL, T_NOT, T_OR, T_PASS, T_RAISE, T_RETURN, T_TRY,
    T_WHILE, T_WITH, T_YIELD,
    T_ERROR,   /* the lexer's error is in Lexer.err */
    T_KIND_COUNT
} TokKind;

typedef struct {
    TokKind kind;
    int line, col;          /* first character; 1-based, col in code points */
    int end_line, end_col;  /* one past the last character */
    int err_line, err_col;  /* where CPython puts an error found at this
                               token (differs for INDENT/DEDENT/ENDMARKER) */
    size_t start, end;      /* byte range in the source */
    size_t line_start;      /* byte offset where line `line` begins */
    int level;              /* bracket depth after this token */
} Token;

enum { LEX_MAXINDENT = 100, LEX_MAXLEVEL = 200 };

typedef struct {
    int set;
    int hard;               /* overrides a parser error found before it */
    int unclosed;           /* end of input inside brackets ("never closed") */
    DiagKind kind;
    int line, col;
    char msg[200];
} LexError;

typedef struct Lexer {
    const char *src;
    size_t end;             /* input ends here (exclusive) */
    size_t limit;           /* == end, or where the first unreadable line starts */
    int add_nl;             /* a newline is implied at `end` */
    int sub;                /* an f-string field: starts inside brackets */
    size_t pos;
    int line;
    size_t line_start;
    int prev_line;          /* the line before a newline just crossed */
    size_t prev_line_start;
    size_t col_pos;         /* column cache: col_val characters precede */
    int col_val;            /* col_pos on the current line */
    int atbol, pendin, indent;
    int indstack[LEX_MAXINDENT], altindstack[LEX_MAXINDENT];
    int level;
    char paren[LEX_MAXLEVEL];
    int paren_line[LEX_MAXLEVEL], paren_col[LEX_MAXLEVEL];
    /* the unreadable line (NUL byte or invalid UTF-8), if any */
    int bad_line, bad_col;
    char bad_msg[160];
    LexError err;
} Lexer;

/* Prepares to tokenize src[0..len). Never fails: unreadable text is found
 * here but reported when the tokenizer reaches its line, as CPython does. */
void lex_init(Lexer *lx, const char *src, size_t len);

/* Prepares to tokenize the expression of an f-string field, src[start..end),
 * as if it were inside parentheses; it starts at (line, col) and line
 * line_start. Ends with T_ENDMARKER. */
void lex_init_field(Lexer *lx, const char *src, size_t start, size_t end,
                    int line, int col, size_t line_start);

/* The next token. After an error, T_ERROR again and again. */
Token lex_next(Lexer *lx);

/* "NAME", "'('", ... for tests and debugging. */
const char *lex_kind_name(TokKind kind);

/* Code point classes, shared with the f-string and error printers. */
int lex_decode_utf8(const char *s, size_t n, size_t *used); /* -1 if invalid */
int lex_is_printable(int cp);

#endif
