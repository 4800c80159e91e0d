/* ast: the syntax tree the parser builds and the compiler reads.
 *
 * One node type for every kind; which fields a kind uses is written next to
 * the kind (fields not named are zero/NULL). All nodes and their strings live
 * in the Ast's arena and die with ast_free(). Positions are 1-based; col
 * counts characters (code points) from the start of the line, as CPython's
 * SyntaxError offsets do. */
#ifndef MEMVIZ_AST_H
#define MEMVIZ_AST_H

#include <stddef.h>
#include <stdint.h>

#include "ops.h"
#include "xmem.h"

typedef struct Node Node;

typedef struct {
    Node **items;
    int len;
} NodeList;

typedef enum {
    /* ---- expressions ---- */
    E_NAME,     /* name */
    E_INT,      /* ival: a literal that fits int64 */
    E_BIGINT,   /* str/slen: the digits of a decimal literal too big for int64 */
    E_FLOAT,    /* fval */
    E_STR,      /* str/slen: UTF-8 bytes, escapes already decoded, may hold NUL */
    E_NONE, E_TRUE, E_FALSE, /* (no fields) */
    E_FSTRING,  /* l1: parts, each E_STR or E_FORMATTED, in source order */
    E_FORMATTED,/* a: value; op: conversion 0, 'r', 's' or 'a';
                   b: format spec (an E_FSTRING) or NULL */
    E_BINOP,    /* op: an Op (OP_ADD..); a: left; b: right */
    E_UNARY,    /* op: OP_NEG, OP_POS, OP_INVERT or OP_NOT; a: operand */
    E_BOOLOP,   /* op: OP_AND or OP_OR; l1: two or more operands */
    E_COMPARE,  /* a: first operand; l1: the other operands;
                   ops: l1.len CmpOps (a < b <= c has ops {CMP_LT, CMP_LE}) */
    E_IFEXP,    /* a: test; b: value if true; c: value if false */
    E_CALL,     /* a: callee; l1: positional args (E_STARRED for *x);
                   l2: keyword args (E_KEYWORD, name NULL for **x) */
    E_KEYWORD,  /* name: keyword or NULL for **; a: value */
    E_STARRED,  /* a: value (in calls, displays and assignment targets) */
    E_ATTR,     /* a: object; name: attribute */
    E_SUBSCRIPT,/* a: object; b: index (an E_SLICE, an E_TUPLE for x[1, 2]) */
    E_SLICE,    /* a: lower; b: upper; c: step (each may be NULL) */
    E_LIST, E_TUPLE, E_SET, /* l1: items */
    E_DICT,     /* l1: keys; l2: values (same length; a NULL key means **value) */
    E_LISTCOMP, E_SETCOMP, E_GENEXP, /* a: element; l1: E_COMPFOR clauses */
    E_DICTCOMP, /* a: key; b: value; l1: E_COMPFOR clauses */
    E_COMPFOR,  /* a: target; b: iterable; l1: if-conditions */
    E_LAMBDA,   /* l1: E_PARAM parameters; a: body expression */
    E_PARAM,    /* name; a: default or NULL;
                   op: PARAM_PLAIN, PARAM_STAR (*args), PARAM_DSTAR (**kw),
                   PARAM_KWONLY (after *args or a bare *) */

    /* ---- statements ---- */
    S_EXPR,     /* a: expression */
    S_ASSIGN,   /* l1: targets (a = b = v has two); a: value */
    S_AUGASSIGN,/* a: target; op: an Op; b: value */
    S_DEL,      /* l1: targets */
    S_PASS, S_BREAK, S_CONTINUE, /* (no fields) */
    S_IF,       /* a: test; l1: body; l2: else body (elif is a nested S_IF) */
    S_WHILE,    /* a: test; l1: body; l2: else body */
    S_FOR,      /* a: target; b: iterable; l1: body; l2: else body */
    S_DEF,      /* name; l1: E_PARAM parameters; l2: body */
    S_RETURN,   /* a: value or NULL */
    S_CLASS,    /* name; l1: bases (expressions); l2: body;
                   l3: class keywords as E_KEYWORD (rejected by the compiler) */
    S_GLOBAL, S_NONLOCAL, /* l1: E_NAME nodes */
    S_IMPORT,   /* l1: E_ALIAS nodes */
    S_IMPORTFROM,/* name: module (dotted); l1: E_ALIAS nodes (name "*" for *) */
    E_ALIAS,    /* name: dotted module or imported name; str: "as" name or NULL */
    S_ASSERT,   /* a: test; b: message or NULL */
    S_RAISE,    /* a: exception or NULL; b: cause ("from") or NULL */
    S_TRY,      /* l1: body; l2: S_HANDLER nodes; l3: else body; l4: finally body */
    S_HANDLER,  /* a: exception type or NULL (bare except); name: "as" name or
                   NULL; l1: body */
    S_WITH,     /* parsed so the compiler can say it is not supported: l1 body */

    NODE_KIND_COUNT
} NodeKind;

enum { PARAM_PLAIN, PARAM_STAR, PARAM_DSTAR, PARAM_KWONLY };

struct Node {
    NodeKind kind;
    int line, col;         /* where the node starts */
    int end_line, end_col; /* one past its last character */
    int op;
    Node *a, *b, *c;
    NodeList l1, l2, l3, l4;
    int *ops;              /* E_COMPARE only */
    const char *name;      /* NUL-terminated identifier (ASCII or UTF-8) */
    const char *str;       /* E_STR/E_BIGINT bytes (NUL-terminated too) */
    size_t slen;
    int64_t ival;
    double fval;
};

typedef struct Ast {
    Arena *arena;
    NodeList body;         /* the module's statements */
} Ast;

void ast_free(Ast *ast);
const char *ast_kind_name(NodeKind kind); /* "E_NAME", for debugging and tests */

#endif
