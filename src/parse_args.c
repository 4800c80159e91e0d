/* parse_args: the parameters of def and lambda, and the arguments of calls
 * and class bases, with CPython 3.11's checks on their order and its
 * messages for the usual mistakes. */
#include "parse_impl.h"

#include <string.h>

/* "def f((a, b)):" gets its own message. */
static int parenthesized_params(Parser *p)
{
    int k = 1;
    if (parse_peek(p, k)->kind != T_NAME)
        return 0;
    for (;;) {
        k++;
        if (parse_peek(p, k)->kind == T_RPAR)
            return 1;
        if (parse_peek(p, k)->kind != T_COMMA)
            return 0;
        k++;
        if (parse_peek(p, k)->kind == T_RPAR)
            return 1;
        if (parse_peek(p, k)->kind != T_NAME || k > RING - 3)
            return 0;
    }
}

static Node *param(Parser *p, int kind, int lambda)
{
    const Token *t = parse_tok(p);
    if (t->kind != T_NAME) {
        parse_syntax_error(p);
        return NULL;
    }
    Node *n = parse_node(p, E_PARAM, t);
    n->op = kind;
    n->name = parse_intern(p, p->lx->src + t->start, t->end - t->start);
    parse_advance(p);
    if (!lambda && parse_at(p, T_COLON)) {
        Token c = *parse_tok(p);
        parse_advance(p);
        Node *ann = parse_expr(p);
        if (!ann)
            return NULL;
        parse_late(p, DIAG_UNSUPPORTED, c.line, c.col, "annotations are not supported");
        parse_end_prev(p, n);
    }
    return n;
}

/* Parameters of def (lambda = 0, up to ')') or lambda (up to ':'), with
 * CPython's checks on their order. Returns 0 after an error. */
int parse_params(Parser *p, int lambda, TokKind close, Vec *out)
{
    int seen_default = 0, seen_star = 0, seen_dstar = 0, seen_slash = 0;
    while (!parse_at(p, close)) {
        Token t = *parse_tok(p);
        if (seen_dstar && (t.kind == T_NAME || t.kind == T_STAR || t.kind == T_DOUBLESTAR ||
                           t.kind == T_SLASH)) {
            parse_err_tok(p, &t, "arguments cannot follow var-keyword argument");
            return 0;
        }
        if (t.kind == T_SLASH) {
            if (!out->len) {
                if (parse_peek(p, 1)->kind == T_COMMA)
                    parse_err_tok(p, &t, "at least one argument must precede /");
                else
                    parse_syntax_error(p);
                return 0;
            }
            if (seen_slash) {
                parse_err_tok(p, &t, "/ may appear only once");
                return 0;
            }
            if (seen_star) {
                parse_err_tok(p, &t, "/ must be ahead of *");
                return 0;
            }
            seen_slash = 1;
            parse_advance(p);
            parse_late(p, DIAG_UNSUPPORTED, t.line, t.col,
                       "positional-only parameters are not supported");
        } else if (t.kind == T_STAR) {
            parse_advance(p);
            TokKind k = parse_tok(p)->kind;
            if (seen_star && (k == T_NAME || k == T_COMMA)) {
                parse_err_tok(p, &t, "* argument may appear only once");
                return 0;
            }
            if (k == close || (k == T_COMMA && (parse_peek(p, 1)->kind == close ||
                                                parse_peek(p, 1)->kind == T_DOUBLESTAR))) {
                parse_err_tok(p, &t, "named arguments must follow bare *");
                return 0;
            }
            seen_star = 1;
            if (k != T_COMMA) {
                Node *n = param(p, PARAM_STAR, lambda);
                if (!n)
                    return 0;
                if (parse_at(p, T_EQUAL)) {
                    parse_err_tok(p, parse_tok(p),
                                  "var-positional argument cannot have default value");
                    return 0;
                }
                parse_push(p, out, n);
            }
        } else if (t.kind == T_DOUBLESTAR) {
            parse_advance(p);
            Node *n = param(p, PARAM_DSTAR, lambda);
            if (!n)
                return 0;
            if (parse_at(p, T_EQUAL)) {
                parse_err_tok(p, parse_tok(p), "var-keyword argument cannot have default value");
                return 0;
            }
            seen_dstar = 1;
            parse_push(p, out, n);
        } else if (t.kind == T_NAME) {
            Node *n = param(p, seen_star ? PARAM_KWONLY : PARAM_PLAIN, lambda);
            if (!n)
                return 0;
            if (parse_at(p, T_EQUAL)) {
                Token eq = *parse_tok(p);
                parse_advance(p);
                if (parse_at(p, T_COMMA) || parse_at(p, T_RPAR)) {
                    parse_err_tok(p, &eq, "expected default value expression");
                    return 0;
                }
                if (!(n->a = parse_expr(p)))
                    return 0;
                if (!seen_star)
                    seen_default = 1;
            } else if (seen_default && !seen_star) {
                if (parse_at(p, T_COMMA) || parse_at(p, close))
                    parse_err_node(p, n, "non-default argument follows default argument");
                else
                    parse_syntax_error(p);
                return 0;
            }
            parse_push(p, out, n);
        } else if (t.kind == T_LPAR && parenthesized_params(p)) {
            parse_err_tok(p, &t, lambda ? "Lambda expression parameters cannot be parenthesized"
                          : "Function parameters cannot be parenthesized");
            return 0;
        } else {
            parse_syntax_error(p);
            return 0;
        }
        if (!parse_accept(p, T_COMMA))
            break;
    }
    return !p->stop;
}

/* ---- calls ---- */

static Node *comp_clauses(Parser *p)
{
    Vec g = {0};
    return parse_comp_clauses(p, &g) ? parse_node(p, E_NONE, &p->prev) : NULL;
}

/* Would for-clauses parse here? (CPython's second pass, which reports
 * specific errors in them on the way.) */
int parse_probe_comp(Parser *p)
{
    return parse_probe(p, comp_clauses, NULL);
}

/* Arguments of a call or class bases, after '(' and up to and including
 * ')'. Positional ones go to args, keywords to kws. Returns 0 after an
 * error. */
static int args_inner(Parser *p, int class_bases, const Token *open, Vec *args, Vec *kws,
                      int *misplaced, int *misplaced_dstar, Token *bad)
{
    int seen_kw = 0, seen_dstar = 0;
    while (!parse_at(p, T_RPAR)) {
        Token t = *parse_tok(p);
        if (t.kind == T_STAR) {
            parse_advance(p);
            if (seen_dstar) {
                parse_err_tok(p, &t,
                              "iterable argument unpacking follows keyword argument unpacking");
                return 0;
            }
            Node *v = parse_expr(p);
            if (!v) {
                /* "f(a, *, b)": CPython's rule for "args, *" words it so */
                Shared *sh = p->sh;
                int generic = !sh->err.set ? p->stop && p->probing == PROBE_QUIET_GENERIC
                                           : !sh->err_final && !sh->err_pass1 &&
                                                 sh->err.kind == DIAG_SYNTAX &&
                                                 strcmp(sh->err.msg, "invalid syntax") == 0;
                if (generic && kws->len) {
                    sh->err.set = 0;
                    p->stop = 0;
                    parse_err_tok(p, &t,
                                  "iterable argument unpacking follows keyword argument unpacking");
                }
                return 0;
            }
            Node *s = parse_node(p, E_STARRED, &t);
            s->a = v;
            parse_end_prev(p, s);
            parse_push(p, args, s);
        } else if (t.kind == T_DOUBLESTAR) {
            parse_advance(p);
            Node *v = parse_expr(p);
            if (!v)
                return 0;
            Node *k = parse_node(p, E_KEYWORD, &t);
            k->a = v;
            parse_end_prev(p, k);
            parse_push(p, kws, k);
            seen_kw = seen_dstar = 1;
        } else if ((t.kind == T_NAME || t.kind == T_TRUE || t.kind == T_FALSE ||
                    t.kind == T_NONE) && parse_peek(p, 1)->kind == T_EQUAL) {
            if (t.kind != T_NAME) {
                parse_err_tok(p, &t, "cannot assign to %s", t.kind == T_TRUE ? "True"
                              : t.kind == T_FALSE ? "False" : "None");
                return 0;
            }
            parse_advance(p);
            parse_advance(p);
            Node *v = parse_expr(p);
            if (!v)
                return 0;
            if (parse_at(p, T_FOR) || parse_at(p, T_ASYNC)) {
                Token f = *parse_tok(p);
                if (parse_probe_comp(p))
                    parse_err_tok(p, &t,
                                  "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                else
                    parse_syntax_error_at(p, &f);
                return 0;
            }
            Node *k = parse_node(p, E_KEYWORD, &t);
            k->name = parse_intern(p, p->lx->src + t.start, t.end - t.start);
            k->a = v;
            parse_end_prev(p, k);
            parse_push(p, kws, k);
            seen_kw = 1;
        } else {
            Node *e;
            if (seen_kw && !*misplaced) {
                *misplaced = 1;
                *misplaced_dstar = seen_dstar;
                *bad = t;
            }
            if (t.kind == T_NAME && parse_peek(p, 1)->kind == T_COLONEQUAL) {
                e = parse_named_expr(p);
            } else {
                e = parse_expr(p);
                if (e && parse_at(p, T_EQUAL)) {
                    parse_err_node(p, e, "expression cannot contain assignment, "
                                   "perhaps you meant \"==\"?");
                    return 0;
                }
            }
            if (!e)
                return 0;
            if (parse_at(p, T_FOR) || parse_at(p, T_ASYNC)) {
                Token f = *parse_tok(p);
                int sole = !args->len && !kws->len && !class_bases;
                if (sole) {
                    Vec gens = {0};
                    if (!parse_comp_clauses(p, &gens))
                        return 0;
                    Node *g = parse_node(p, E_GENEXP, open);
                    g->a = e;
                    g->l1 = parse_list(&gens);
                    if (parse_at(p, T_RPAR)) {
                        parse_advance(p);
                        parse_end_prev(p, g);
                        parse_push(p, args, g);
                        return 1;
                    }
                    if (parse_at(p, T_COMMA))
                        parse_err_node(p, e, "Generator expression must be parenthesized");
                    else
                        parse_syntax_error(p);
                    return 0;
                }
                if (class_bases && args->len == 0)
                    parse_syntax_error_at(p, &f);
                else if (parse_probe_comp(p))
                    parse_err_node(p, e, "Generator expression must be parenthesized");
                else
                    parse_syntax_error_at(p, &f);
                return 0;
            }
            parse_push(p, args, e);
        }
        if (!parse_accept(p, T_COMMA))
            break;
    }
    if (!parse_at(p, T_RPAR)) {
        parse_syntax_error(p);
        return 0;
    }
    if (*misplaced)
        return 0;
    parse_advance(p);
    return 1;
}

/* A positional argument after keywords: CPython reports it where its
 * parser stopped reading, unless a more specific error came up first. */
int parse_args(Parser *p, int class_bases, const Token *open, Vec *args, Vec *kws)
{
    int misplaced = 0, dstar = 0;
    Token bad;
    memset(&bad, 0, sizeof bad);
    if (args_inner(p, class_bases, open, args, kws, &misplaced, &dstar, &bad))
        return 1;
    Shared *sh = p->sh;
    if (!misplaced || p->probing == PROBE_CLEAN)
        return 0;
    int generic = !p->stop ? 0
                  : !sh->err.set ? p->probing != PROBE_NONE
                                 : !sh->err_final && !sh->err_pass1 &&
                                       strcmp(sh->err.msg, "invalid syntax") == 0;
    if (p->stop && !generic)
        return 0;
    const Token *t = parse_tok(p);
    sh->err.set = 0;
    p->stop = 0;
    TokKind k = bad.kind;
    if (generic && k != T_NAME && k != T_NUMBER && k != T_STRING && k != T_TRUE &&
        k != T_FALSE && k != T_NONE) {
        /* nothing there reads as an argument: the first pass stopped at it */
        if (p->probing)
            p->stop = 1;
        else
            parse_err(p, DIAG_SYNTAX, bad.err_line, bad.err_col, "invalid syntax");
        return 0;
    }
    parse_err(p, DIAG_SYNTAX, p->field ? t->err_line : sh->far_line, p->field ? t->err_col
              : sh->far_col,
              "%s", dstar ? "positional argument follows keyword argument unpacking"
              : "positional argument follows keyword argument");
    return 0;
}
