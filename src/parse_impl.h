/* parse_impl: what the parser's files share (parse.c, parse_expr.c,
 * parse_args.c, parse_target.c, parse_stmt.c, parse_str.c, parse_check.c).
 * Not for other modules. */
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
    Node *last_expr;    /* innermost expression ending at token last_end */
    size_t last_end;
    Vec *resume_elts;   /* see parse_targets */
    const Token *resume_open; /* see subscript */
    Node *resume_node;
    int expr_line, expr_col; /* start of the innermost expression being read */
    /* A probe that fails part way, like CPython's backtracking, keeps the
     * longest expression it read: backoff is then set, and until the probe
     * returns the parser sees an end marker placed after backoff_prev, the
     * last token kept. backed_off tells the prober afterwards. */
    int backoff, backed_off;
    size_t operand_end; /* an operand ended at this token: CPython peeks past 'not' */
    Token backoff_prev;
    Token sentinel;
} Parser;

/* ---- parse.c: tokens, nodes, errors ---- */
const Token *parse_tok(Parser *p);
const Token *parse_peek(Parser *p, int k);       /* k tokens after the current */
void parse_advance(Parser *p);
int parse_at(Parser *p, TokKind k);
int parse_accept(Parser *p, TokKind k);

Node *parse_node(Parser *p, NodeKind kind, const Token *start);
Node *parse_node_at(Parser *p, NodeKind kind, const Node *start);
void parse_end_prev(Parser *p, Node *n);      /* n ends with the last token */
void parse_end_at(Node *n, const Node *last);
void parse_push(Parser *p, Vec *v, Node *n);
NodeList parse_list(const Vec *v);
const char *parse_intern(Parser *p, const char *s, size_t n);

/* Errors. The *_1 forms are errors CPython finds on its first pass. */
void parse_err(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void parse_err1(Parser *p, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void parse_err_node(Parser *p, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void parse_err_tok(Parser *p, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void parse_err_tok1(Parser *p, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void parse_syntax_error(Parser *p);              /* "invalid syntax" at the current token */
void parse_syntax_error_at(Parser *p, const Token *t);
int parse_juxta_error(Parser *p);
void parse_late(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int parse_enter(Parser *p);                      /* depth guard; 0 = too deep */
void parse_leave(Parser *p);
int parse_can_start_expr(TokKind k);
int parse_probe(Parser *p, Node *(*fn)(Parser *), Node **out);
int parse_back_off(Parser *p, const Token *last);
int parse_probe_clean(Parser *p, Node *(*fn)(Parser *), Node **out);

/* The parser's position, to read the same tokens twice (error paths only). */
typedef struct {
    Lexer lx;
    Parser p;
} Snapshot;
void parse_save(Parser *p, Snapshot *s);
void parse_restore(Parser *p, const Snapshot *s);

/* ---- parse_expr.c ---- */
Node *parse_star_exprs(Parser *p);
Node *parse_primary(Parser *p);
Node *parse_starred(Parser *p, Node *(*operand)(Parser *));
int parse_comp_clauses(Parser *p, Vec *gens);
Node *parse_expr(Parser *p);
Node *parse_named_expr(Parser *p);
Node *parse_bitor(Parser *p);
Node *parse_disjunction(Parser *p);
Node *parse_resume(Parser *p, Node *primary, int star_level);
Node *parse_yield(Parser *p);
Node *parse_star_named_bare(Parser *p);

/* ---- parse_args.c ---- */
int parse_params(Parser *p, int lambda, TokKind close, Vec *out);
int parse_args(Parser *p, int class_bases, const Token *open, Vec *args, Vec *kws);
int parse_probe_comp(Parser *p);

/* ---- parse_target.c ---- */
Node *parse_targets(Parser *p, int type);
void parse_check_named_assign(Parser *p, Node *e);
int parse_named_assign_msg(Parser *p, Node *e);
int parse_is_bitor(const Node *e);
int parse_starts_with_display(const Node *e);
const char *parse_expr_name(const Node *e);
enum { TGT_STAR, TGT_DEL, TGT_FOR };
const Node *parse_invalid_target(const Node *e, int type);
int parse_bare_tuple(const Node *e);

/* ---- parse_stmt.c ---- */
void parse_file_input(Parser *p, Vec *body);

/* ---- parse_str.c ---- */
Node *parse_strings(Parser *p);
Node *parse_number(Parser *p, const Token *t);
Node *parse_field(Parser *outer, size_t start, size_t end, int line, int col,
                  size_t line_start);

/* ---- parse_check.c: CPython's symtable and compiler checks ---- */
void parse_check_tree(Parser *p, NodeList body);

#endif
