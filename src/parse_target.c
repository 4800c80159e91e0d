/* parse_target: what can be assigned to or deleted. The error rules of
 * CPython's second pass classify expressions (parse_expr_name, parse_invalid_target)
 * and re-read bad targets as expressions; the target lists of for and del
 * are parsed here the same way. */
#include "parse_impl.h"

#include <stdlib.h>
#include <string.h>

/* ---- what the error rules need to know about an expression ---- */

const char *parse_expr_name(const Node *e)
{
    switch (e->kind) {
    case E_ATTR: return "attribute";
    case E_SUBSCRIPT: return "subscript";
    case E_STARRED: return "starred";
    case E_NAME: return "name";
    case E_LIST: return "list";
    case E_TUPLE: return "tuple";
    case E_LAMBDA: return "lambda";
    case E_CALL: return "function call";
    case E_BOOLOP: case E_BINOP: case E_UNARY: return "expression";
    case E_GENEXP: return "generator expression";
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_FSTRING: case E_FORMATTED: return "f-string expression";
    case E_NONE: return e->op ? "ellipsis" : "None"; /* op marks "..." */
    case E_TRUE: return "True";
    case E_FALSE: return "False";
    case E_COMPARE: return "comparison";
    case E_IFEXP: return "conditional expression";
    default: return "literal";
    }
}

/* Could this be CPython's bitwise_or, the level below comparisons? */
int parse_is_bitor(const Node *e)
{
    switch (e->kind) {
    case E_BOOLOP: case E_COMPARE: case E_IFEXP: case E_LAMBDA: case E_STARRED:
        return 0;
    case E_UNARY:
        return e->op != OP_NOT;
    default:
        return 1;
    }
}

static int same_start(const Node *a, const Node *b)
{
    return a->line == b->line && a->col == b->col;
}

int parse_bare_tuple(const Node *e)
{
    return e->kind == E_TUPLE && e->l1.len > 0 && !(e->op & MARK_PAREN);
}

/* Does e begin with a list display, a parenthesized tuple, a generator
 * expression or True/False/None? (CPython then skips a message.) */
int parse_starts_with_display(const Node *e)
{
    const Node *n = e;
    for (;;) {
        if (!same_start(n, e))
            return 0; /* a parenthesized group in between */
        switch (n->kind) {
        case E_LIST: case E_GENEXP: case E_TRUE: case E_FALSE:
            return 1;
        case E_NONE:
            return !n->op;
        case E_TUPLE:
            return !parse_bare_tuple(n);
        case E_BINOP: case E_ATTR: case E_SUBSCRIPT: case E_CALL:
            n = n->a;
            break;
        default:
            return 0;
        }
    }
}

/* The first sub-expression that cannot be assigned to (or deleted), as
 * CPython's _PyPegen_get_invalid_target finds it, or NULL. */
const Node *parse_invalid_target(const Node *e, int type)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case E_LIST: case E_TUPLE:
        for (int i = 0; i < e->l1.len; i++) {
            const Node *bad = parse_invalid_target(e->l1.items[i], type);
            if (bad)
                return bad;
        }
        return NULL;
    case E_STARRED:
        return type == TGT_DEL ? e : parse_invalid_target(e->a, type);
    case E_COMPARE:
        /* "for a in b" reads as a comparison: look at its left side */
        if (type == TGT_FOR)
            return e->ops[0] == CMP_IN ? parse_invalid_target(e->a, type) : NULL;
        return e;
    case E_NAME: case E_SUBSCRIPT: case E_ATTR:
        return NULL;
    default:
        return e;
    }
}

/* e is followed by '=' where an expression was expected: CPython reads
 * it as a comparison gone wrong if a bitwise-or expression follows and no
 * second '='. Returns 1 if it reported that (tokens are read either way). */
int parse_named_assign_msg(Parser *p, Node *e)
{
    if (e->kind != E_NAME && !(parse_is_bitor(e) && !parse_starts_with_display(e)))
        return 0;
    parse_advance(p);
    if (!parse_probe(p, parse_bitor, NULL) || (!p->backed_off && (parse_at(p, T_EQUAL)
                                                                  || parse_at(p, T_COLONEQUAL))))
        return 0;
    if (e->kind == E_NAME)
        parse_err_node(p, e, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        parse_err_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                       parse_expr_name(e));
    return 1;
}

/* After a named expression, '=' is always an error. */
void parse_check_named_assign(Parser *p, Node *e)
{
    Token eq = *parse_tok(p);
    if (!parse_named_assign_msg(p, e) && !p->stop)
        parse_syntax_error_at(p, &eq);
}

/* ---- targets of for and del ---- */

static int targets_end(Parser *p, int type)
{
    return type == TGT_FOR ? parse_at(p, T_IN) : parse_at(p, T_SEMI) || parse_at(p, T_NEWLINE);
}


static Node *pack(Parser *p, Vec *v, int comma, const Token *first)
{
    if (v->len == 1 && !comma)
        return v->items[0];
    Node *t = parse_node(p, E_TUPLE, first);
    t->l1 = parse_list(v);
    parse_end_prev(p, t);
    return t;
}

/* The second pass's reading of a bad target list: the last element
 * continued as an expression, then more elements. Works on
 * p->resume_elts in place. */
static Node *resume_targets(Parser *p)
{
    Vec *v = p->resume_elts;
    Node **last = &v->items[v->len - 1];
    if ((*last)->kind == E_STARRED) {
        Node *x = parse_resume(p, (*last)->a, 1);
        if (!x)
            return NULL;
        (*last)->a = x;
    } else {
        Node *x = parse_resume(p, *last, 0);
        if (!x)
            return NULL;
        *last = x;
    }
    while (parse_accept(p, T_COMMA)) {
        if (!parse_can_start_expr(parse_tok(p)->kind) && !parse_at(p, T_STAR))
            break;
        Node *e = parse_at(p, T_STAR) ? parse_starred(p, parse_bitor) : parse_expr(p);
        if (!e)
            return NULL;
        parse_push(p, v, e);
    }
    return v->items[0];
}

static void bad_target(Parser *p, const Node *bad, int type)
{
    parse_err_node(p, bad, type == TGT_DEL ? "cannot delete %s" : "cannot assign to %s",
                   parse_expr_name(bad));
}

static Node *starred_bitor(Parser *p) { return parse_starred(p, parse_bitor); }

/* Reads the rest of a bad target list on, in CPython's second-pass way,
 * and reports the first part that cannot be a target, else "invalid
 * syntax" at stop (where the first pass stopped). */
static Node *bad_targets(Parser *p, Vec *v, int comma, const Token *first, const Token *stop,
                         int type)
{
    Vec *saved = p->resume_elts;
    p->resume_elts = v;
    parse_probe(p, resume_targets, NULL);
    p->resume_elts = saved;
    if (p->stop)
        return NULL;
    const Node *bad = parse_invalid_target(pack(p, v, comma, first), type);
    if (bad)
        bad_target(p, bad, type);
    else
        parse_syntax_error_at(p, stop);
    return NULL;
}

/* Targets of 'for' (up to 'in') and 'del' (up to ';' or the end of the
 * line). CPython's first pass reads them as primaries; when that fails,
 * its second pass reads an expression there and reports the first part
 * that cannot be a target, else "invalid syntax" where the first pass
 * stopped. We do the same, continuing the last primary as an expression
 * instead of reading it again. */
Node *parse_targets(Parser *p, int type)
{
    Token first = *parse_tok(p);
    Vec v = {0};
    int comma = 0, strict = 1;
    Token stop;
    for (;;) {
        Node *e;
        TokKind k = parse_tok(p)->kind;
        if (k == T_MINUS || k == T_PLUS || k == T_TILDE || k == T_NOT || k == T_LAMBDA ||
            (type == TGT_DEL && k == T_STAR)) {
            /* cannot begin a target: the first pass stops right here */
            stop = *parse_tok(p);
            strict = 0;
            if (!parse_probe(p, k == T_STAR ? starred_bitor : parse_expr, &e)) {
                if (!p->stop)
                    parse_syntax_error_at(p, &stop);
                return NULL;
            }
            if (!p->backed_off) {
                p->last_expr = e;
                p->last_end = p->idx;
            }
        } else {
            e = k == T_STAR ? parse_starred(p, parse_primary) : parse_primary(p);
            if (!e)
                return NULL;
            if (p->last_end != p->idx) {
                p->last_expr = e;
                p->last_end = p->idx;
            }
        }
        parse_push(p, &v, e);
        if (!strict || !parse_accept(p, T_COMMA))
            break;
        comma = 1;
        if (targets_end(p, type))
            break;
    }
    if (strict && targets_end(p, type)) {
        Node *t = pack(p, &v, comma, &first);
        if (!parse_invalid_target(t, type))
            return t;
        stop = *parse_tok(p);
        return bad_targets(p, &v, comma, &first, &stop, type);
    }
    TokKind k = parse_tok(p)->kind;
    if (strict)
        stop = *parse_tok(p);
    if ((strict ? k != T_MINUS && k != T_PLUS && k != T_NOT : !p->backed_off) &&
        parse_can_start_expr(k)) {
        /* an expression right after: CPython's comma and print rules first */
        Snapshot *snap = xmalloc(sizeof *snap);
        parse_save(p, snap);
        int found = parse_juxta_error(p) || p->stop;
        if (!found)
            parse_restore(p, snap);
        free(snap);
        if (found)
            return NULL;
    }
    return bad_targets(p, &v, comma, &first, &stop, type);
}
