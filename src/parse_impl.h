/* parse_impl: what the parser's files (parse.c, parse_expr.c,
 * parse_stmt.c, parse_str.c, parse_check.c) share. Not for other modules. */
#ifndef MEMVIZ_PARSE_IMPL_H
#define MEMVIZ_PARSE_IMPL_H

#include <stdarg.h>

#include "lex.h"
#include "parse.h"

/* Probes re-read text the way CPython's second pass does. A "clean" one
 * (its expression_without_invalid) reports nothing; an ordinary one
 * reports the specific errors of the rules it goes through, but a plain
 * "invalid syntax" only ends it. Errors of literals and of the tokenizer
 * are always reported. */
enum { PROBE_NONE, PROBE_QUIET_GENERIC, PROBE_CLEAN };

enum {
    MARK_PAREN = 1,         /* E_TUPLE.op while parsing: written with ( ) */
    PARSE_MAX_DEPTH = 1000, /* nested expressions while parsing */
    TREE_MAX_DEPTH = 2000,  /* nodes on any path of the finished tree */
    RING = 8                /* tokens of lookahead kept */
};

/* A growable list in the arena (no cleanup needed on error paths). */
typedef struct {
    Node **items;
    int len, cap;
} Vec;

typedef struct Names Names; /* interned identifiers (parse.c) */

/* State shared by a parser and the parsers of the f-string fields inside. */
typedef struct {
    Arena *arena;
    Names *names;
    Diag err;           /* the first error */
    int err_final;      /* a tokenizer error: nothing can replace it */
    int err_pass1;      /* found on CPython's first pass: no print check */
    int err_indent;     /* "unexpected indent": no later tokenizer error wins */
    Diag late;          /* first construct MiniPy does not run (deferred) */
    Node *legacy;       /* first "print -x" style expression (see parse.c) */
    int legacy_line;
    int furthest_line;  /* line of the furthest token read */
    int far_line, far_col; /* where that token puts an error */
    int depth;          /* nesting, shared across f-string fields */
} Shared;

typedef struct Parser {
    Lexer *lx;
    Shared *sh;
    int field;          /* parsing an f-string field */
    Token ring[RING];
    int head, count;    /* ring[head] is the current token */
    size_t idx;         /* number of tokens consumed so far */
    Token prev;         /* the last token consumed */
    int stop;           /* an error (or a failed probe): unwind */
    int probing;        /* PROBE_*: which errors only fail the probe */
    int no_in;          /* a for-target: 'in' ends it */
    int lambda_depth;
    Node *last_expr;    /* innermost expression ending at token last_end */
    size_t last_end;
    Vec *resume_elts;   /* see pe_target_list */
    int expr_line, expr_col; /* start of the innermost expression being read */
} Parser;

/* ---- parse.c: tokens, nodes, errors ---- */
const Token *tok(Parser *p);
const Token *peek(Parser *p, int k);       /* k tokens after the current */
void advance(Parser *p);
int at(Parser *p, TokKind k);
int accept(Parser *p, TokKind k);

Node *mk(Parser *p, NodeKind kind, const Token *start);
Node *mk_at(Parser *p, NodeKind kind, const Node *start);
void end_at_prev(Parser *p, Node *n);      /* n ends with the last token */
void end_at(Node *n, const Node *last);
void vec_push(Parser *p, Vec *v, Node *n);
NodeList vec_list(const Vec *v);
const char *intern(Parser *p, const char *s, size_t n);

/* Errors. The *_1 forms are errors CPython finds on its first pass. */
void perr(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void perr_1(Parser *p, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void perr_node(Parser *p, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void perr_tok(Parser *p, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void perr_tok_1(Parser *p, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void syntax_error(Parser *p);              /* "invalid syntax" at the current token */
void syntax_error_at(Parser *p, const Token *t);
int juxta_error(Parser *p);
void late(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int enter(Parser *p);                      /* depth guard; 0 = too deep */
void leave(Parser *p);
int can_start_expr(TokKind k);
int probe(Parser *p, Node *(*fn)(Parser *), Node **out);
int probe_clean(Parser *p, Node *(*fn)(Parser *), Node **out);

/* The parser's position, to read the same tokens twice (error paths only). */
typedef struct {
    Lexer lx;
    Parser p;
} Snapshot;
void save_state(Parser *p, Snapshot *s);
void restore_state(Parser *p, const Snapshot *s);

/* ---- parse_expr.c ---- */
Node *pe_star_expressions(Parser *p);
Node *pe_expression(Parser *p);
Node *pe_named_expression(Parser *p);
Node *pe_bitor(Parser *p);
Node *pe_disjunction(Parser *p);
Node *pe_resume(Parser *p, Node *primary, int star_level);
Node *pe_target_list(Parser *p, int type);
int pe_params(Parser *p, int lambda, TokKind close, Vec *out);
int pe_args(Parser *p, int class_bases, const Token *open, Vec *args, Vec *kws);
Node *pe_yield(Parser *p);
void check_named_assign(Parser *p, Node *e);
int named_assign_msg(Parser *p, Node *e);
Node *pe_star_named_nocheck(Parser *p);
int is_bitor_level(const Node *e);
int starts_with_display(const Node *e);
const char *expr_name(const Node *e);
enum { TGT_STAR, TGT_DEL, TGT_FOR };
const Node *invalid_target(const Node *e, int type);
int is_unparenthesized_tuple(const Node *e);

/* ---- parse_stmt.c ---- */
void ps_file(Parser *p, Vec *body);

/* ---- parse_str.c ---- */
Node *pe_strings(Parser *p);
Node *pe_number(Parser *p, const Token *t);
Node *parse_field(Parser *outer, size_t start, size_t end, int line, int col,
                  size_t line_start);

/* ---- parse_check.c: CPython's symtable and compiler checks ---- */
void check_tree(Parser *p, NodeList body);

#endif
