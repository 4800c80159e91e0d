/* parse_expr: expressions, by CPython's precedence: lambda, if-else, or,
 * and, not, comparisons, | ^ & << >> + - * / // % @, unary - + ~, **,
 * await, calls/attributes/subscripts, atoms.
 *
 * The "*_rest" functions continue an expression whose left operand is
 * already parsed; besides binary operators, that lets the target parsers
 * re-read a target as an expression, which is how CPython finds the
 * error to report in a bad target. */
#include "parse_impl.h"

#include <string.h>

static Node *factor(Parser *p);
static Node *primary(Parser *p);
static Node *trailers(Parser *p, Node *n, const Token *st);
static Node *lambdef(Parser *p);
static Node *ifexp_rest(Parser *p, Node *body, const Token *st);
static Node *comparison_rest(Parser *p, Node *left, const Token *st);
static Node *and_rest(Parser *p, Node *left, const Token *st);
static Node *or_rest(Parser *p, Node *left, const Token *st);
static Node *binary_rest(Parser *p, Node *left, int minprec, const Token *st);
static Node *power_rest(Parser *p, Node *base, const Token *st);
static Node *star_named_expression(Parser *p);
static Node *starred_with(Parser *p, Node *(*operand)(Parser *));
static int for_if_clauses(Parser *p, Vec *gens);

/* Nodes span the tokens their rule consumed, as in CPython: an operand in
 * parentheses stretches its parent to the parentheses. So the functions
 * that continue an already parsed operand also get the token it began
 * with (st). */

/* ---- what the error rules need to know about an expression ---- */

const char *expr_name(const Node *e)
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
int is_bitor_level(const Node *e)
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

int is_unparenthesized_tuple(const Node *e)
{
    return e->kind == E_TUPLE && e->l1.len > 0 && !(e->op & MARK_PAREN);
}

/* Does e begin with a list display, a parenthesized tuple, a generator
 * expression or True/False/None? (CPython then skips a message.) */
int starts_with_display(const Node *e)
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
            return !is_unparenthesized_tuple(n);
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
const Node *invalid_target(const Node *e, int type)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case E_LIST: case E_TUPLE:
        for (int i = 0; i < e->l1.len; i++) {
            const Node *bad = invalid_target(e->l1.items[i], type);
            if (bad)
                return bad;
        }
        return NULL;
    case E_STARRED:
        return type == TGT_DEL ? e : invalid_target(e->a, type);
    case E_COMPARE:
        /* "for a in b" reads as a comparison: look at its left side */
        if (type == TGT_FOR)
            return e->ops[0] == CMP_IN ? invalid_target(e->a, type) : NULL;
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
int named_assign_msg(Parser *p, Node *e)
{
    if (e->kind != E_NAME && !(is_bitor_level(e) && !starts_with_display(e)))
        return 0;
    advance(p);
    if (!probe(p, pe_bitor, NULL) || at(p, T_EQUAL) || at(p, T_COLONEQUAL))
        return 0;
    if (e->kind == E_NAME)
        perr_node(p, e, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        perr_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                  expr_name(e));
    return 1;
}

/* After a named expression, '=' is always an error. */
void check_named_assign(Parser *p, Node *e)
{
    Token eq = *tok(p);
    if (!named_assign_msg(p, e) && !p->stop)
        syntax_error_at(p, &eq);
}

/* ---- the precedence chain ---- */

Node *pe_star_expressions(Parser *p)
{
    Token first = *tok(p);
    Node *e = at(p, T_STAR) ? starred_with(p, pe_bitor) : pe_expression(p);
    if (!e || !at(p, T_COMMA))
        return e;
    Node *t = mk(p, E_TUPLE, &first);
    Vec v = {0};
    vec_push(p, &v, e);
    while (accept(p, T_COMMA)) {
        TokKind k = tok(p)->kind;
        if (!can_start_expr(k) && k != T_STAR)
            break;
        if (!(e = k == T_STAR ? starred_with(p, pe_bitor) : pe_expression(p)))
            return NULL;
        vec_push(p, &v, e);
    }
    t->l1 = vec_list(&v);
    end_at_prev(p, t);
    return t;
}

static int is_print(const Token *t, const char *src)
{
    size_t n = t->end - t->start;
    return t->kind == T_NAME && ((n == 5 && memcmp(src + t->start, "print", 5) == 0) ||
                                 (n == 4 && memcmp(src + t->start, "exec", 4) == 0));
}

/* "print -x", "print [x]" and the like parse, but CPython's second pass
 * reads them as Python 2 print statements: remember the first one, for
 * when a syntax error turns up later (parse.c). */
static void note_legacy(Parser *p, Node *e)
{
    const Node *n = e;
    while (n->kind == E_BINOP || n->kind == E_SUBSCRIPT || n->kind == E_COMPARE ||
           n->kind == E_CALL || n->kind == E_ATTR) {
        if (n->a->kind == E_NAME && same_start(n->a, e)) {
            if (n->kind == E_SUBSCRIPT) {
                const Node *b = n->b;
                if (b->kind == E_SLICE)
                    return;
                if (b->kind == E_TUPLE)
                    for (int i = 0; i < b->l1.len; i++)
                        if (b->l1.items[i]->kind == E_SLICE)
                            return;
            }
            p->sh->legacy = n->a;
            p->sh->legacy_line = n->a->line;
            return;
        }
        n = n->a;
    }
}

Node *pe_expression(Parser *p)
{
    if (!enter(p))
        return NULL;
    int legacy = 0;
    if (!p->field && !p->probing && !p->sh->legacy && is_print(tok(p), p->lx->src)) {
        TokKind k = peek(p, 1)->kind;
        legacy = k == T_MINUS || k == T_PLUS || k == T_TILDE || k == T_STAR || k == T_LSQB;
    }
    Node *n;
    Token st = *tok(p);
    int outer_line = p->expr_line, outer_col = p->expr_col;
    p->expr_line = st.line;
    p->expr_col = st.col;
    if (at(p, T_LAMBDA)) {
        n = lambdef(p);
    } else {
        n = pe_disjunction(p);
        n = ifexp_rest(p, n, &st);
    }
    p->expr_line = outer_line;
    p->expr_col = outer_col;
    leave(p);
    if (!n || p->stop)
        return NULL;
    if (p->last_end != p->idx) {
        p->last_expr = n;
        p->last_end = p->idx;
    }
    if (legacy)
        note_legacy(p, n);
    return n;
}

static Node *ifexp_rest(Parser *p, Node *body, const Token *st)
{
    if (!body || !at(p, T_IF))
        return body;
    advance(p);
    Node *test = pe_disjunction(p);
    if (!test)
        return NULL;
    if (!accept(p, T_ELSE)) {
        if (at(p, T_COLON))
            syntax_error(p);
        else
            perr_node(p, body, "expected 'else' after 'if' expression");
        return NULL;
    }
    Node *orelse = pe_expression(p);
    if (!orelse)
        return NULL;
    Node *n = mk(p, E_IFEXP, st);
    n->a = test;
    n->b = body;
    n->c = orelse;
    end_at_prev(p, n);
    return n;
}

static Node *inversion(Parser *p)
{
    if (at(p, T_NOT)) {
        if (!enter(p))
            return NULL;
        Token t = *tok(p);
        advance(p);
        Node *o = inversion(p);
        leave(p);
        if (!o)
            return NULL;
        Node *n = mk(p, E_UNARY, &t);
        n->op = OP_NOT;
        n->a = o;
        end_at_prev(p, n);
        return n;
    }
    Token st = *tok(p);
    return comparison_rest(p, pe_bitor(p), &st);
}

/* and/or: flat operand lists, as CPython's BoolOp. */
static Node *boolop_rest(Parser *p, Node *left, TokKind kw, int op, const Token *st)
{
    if (!left || !at(p, kw))
        return left;
    Vec v = {0};
    vec_push(p, &v, left);
    while (accept(p, kw)) {
        Token rst = *tok(p);
        Node *r = inversion(p);
        if (op == OP_OR)
            r = and_rest(p, r, &rst);
        if (!r)
            return NULL;
        vec_push(p, &v, r);
    }
    Node *n = mk(p, E_BOOLOP, st);
    n->op = op;
    n->l1 = vec_list(&v);
    end_at_prev(p, n);
    return n;
}

static Node *and_rest(Parser *p, Node *left, const Token *st)
{
    return boolop_rest(p, left, T_AND, OP_AND, st);
}

static Node *or_rest(Parser *p, Node *left, const Token *st)
{
    return boolop_rest(p, left, T_OR, OP_OR, st);
}

Node *pe_disjunction(Parser *p)
{
    Token st = *tok(p);
    return or_rest(p, and_rest(p, inversion(p), &st), &st);
}

/* Consumes a comparison operator if there is one. */
static int cmp_op(Parser *p, int *op)
{
    switch (tok(p)->kind) {
    case T_LESS: *op = CMP_LT; break;
    case T_LESSEQUAL: *op = CMP_LE; break;
    case T_EQEQUAL: *op = CMP_EQ; break;
    case T_NOTEQUAL: *op = CMP_NE; break;
    case T_GREATER: *op = CMP_GT; break;
    case T_GREATEREQUAL: *op = CMP_GE; break;
    case T_IN:
        if (p->no_in)
            return 0;
        *op = CMP_IN;
        break;
    case T_IS:
        advance(p);
        *op = accept(p, T_NOT) ? CMP_IS_NOT : CMP_IS;
        return 1;
    case T_NOT:
        if (p->no_in || peek(p, 1)->kind != T_IN)
            return 0;
        advance(p);
        *op = CMP_NOT_IN;
        break;
    default:
        return 0;
    }
    advance(p);
    return 1;
}

static Node *comparison_rest(Parser *p, Node *left, const Token *st)
{
    int op;
    if (!left || !cmp_op(p, &op))
        return left;
    Vec v = {0};
    int cap = 0, n_ops = 0, *ops = NULL;
    do {
        Node *r = pe_bitor(p);
        if (!r)
            return NULL;
        vec_push(p, &v, r);
        if (n_ops == cap) {
            cap = cap ? cap * 2 : 4;
            int *grown = arena_alloc(p->sh->arena, (size_t)cap * sizeof *grown);
            if (n_ops)
                memcpy(grown, ops, (size_t)n_ops * sizeof *ops);
            ops = grown;
        }
        ops[n_ops++] = op;
    } while (cmp_op(p, &op));
    Node *n = mk(p, E_COMPARE, st);
    n->a = left;
    n->l1 = vec_list(&v);
    n->ops = ops;
    end_at_prev(p, n);
    return n;
}

static int binary_op(TokKind k, int *op)
{
    switch (k) {
    case T_VBAR: *op = OP_OR_BITS; return 1;
    case T_CIRCUMFLEX: *op = OP_XOR; return 2;
    case T_AMPER: *op = OP_AND_BITS; return 3;
    case T_LSHIFT: *op = OP_LSHIFT; return 4;
    case T_RSHIFT: *op = OP_RSHIFT; return 4;
    case T_PLUS: *op = OP_ADD; return 5;
    case T_MINUS: *op = OP_SUB; return 5;
    case T_STAR: *op = OP_MUL; return 6;
    case T_SLASH: *op = OP_TRUEDIV; return 6;
    case T_DOUBLESLASH: *op = OP_FLOORDIV; return 6;
    case T_PERCENT: *op = OP_MOD; return 6;
    case T_AT: *op = OP_MATMUL; return 6;
    default: return 0;
    }
}

static Node *binop(Parser *p, Node *l, int op, Node *r, const Token *st)
{
    Node *n = mk(p, E_BINOP, st);
    n->op = op;
    n->a = l;
    n->b = r;
    end_at_prev(p, n);
    return n;
}

/* Precedence climbing: left-associative chains are loops, so only the
 * six levels can recurse. */
static Node *binary_rest(Parser *p, Node *left, int minprec, const Token *st)
{
    while (left) {
        int op, prec = binary_op(tok(p)->kind, &op);
        if (!prec || prec < minprec)
            return left;
        advance(p);
        Token rst = *tok(p);
        Node *right = factor(p);
        int op2;
        if (right && binary_op(tok(p)->kind, &op2) > prec)
            right = binary_rest(p, right, prec + 1, &rst);
        if (!right)
            return NULL;
        left = binop(p, left, op, right, st);
    }
    return NULL;
}

Node *pe_bitor(Parser *p)
{
    Token st = *tok(p);
    return binary_rest(p, factor(p), 1, &st);
}

static Node *factor(Parser *p)
{
    int op;
    switch (tok(p)->kind) {
    case T_MINUS: op = OP_NEG; break;
    case T_PLUS: op = OP_POS; break;
    case T_TILDE: op = OP_INVERT; break;
    default: {
        Token st = *tok(p);
        return power_rest(p, primary(p), &st);
    }
    }
    if (!enter(p))
        return NULL;
    Token t = *tok(p);
    advance(p);
    Node *o = factor(p);
    leave(p);
    if (!o)
        return NULL;
    Node *n = mk(p, E_UNARY, &t);
    n->op = op;
    n->a = o;
    end_at_prev(p, n);
    return n;
}

static Node *power_rest(Parser *p, Node *base, const Token *st)
{
    if (!base || !at(p, T_DOUBLESTAR))
        return base;
    advance(p);
    if (!enter(p))
        return NULL;
    Node *e = factor(p);
    leave(p);
    return e ? binop(p, base, OP_POW, e, st) : NULL;
}

Node *pe_resume(Parser *p, Node *n, int star_level)
{
    if (!n)
        return NULL;
    Token st;
    memset(&st, 0, sizeof st);
    st.line = n->line;
    st.col = n->col;
    n = trailers(p, n, &st);
    n = power_rest(p, n, &st);
    n = binary_rest(p, n, 1, &st);
    if (star_level)
        return n;
    n = comparison_rest(p, n, &st);
    n = and_rest(p, n, &st);
    n = or_rest(p, n, &st);
    return ifexp_rest(p, n, &st);
}

/* ---- lambda and parameters ---- */

static Node *lambdef(Parser *p)
{
    Token t = *tok(p);
    advance(p);
    Node *n = mk(p, E_LAMBDA, &t);
    Vec params = {0};
    if (!at(p, T_COLON) && !pe_params(p, 1, T_COLON, &params))
        return NULL;
    if (!accept(p, T_COLON)) {
        syntax_error(p);
        return NULL;
    }
    n->l1 = vec_list(&params);
    if (!(n->a = pe_expression(p)))
        return NULL;
    end_at_prev(p, n);
    return n;
}

/* "def f((a, b)):" gets its own message. */
static int parenthesized_params(Parser *p)
{
    int k = 1;
    if (peek(p, k)->kind != T_NAME)
        return 0;
    for (;;) {
        k++;
        if (peek(p, k)->kind == T_RPAR)
            return 1;
        if (peek(p, k)->kind != T_COMMA)
            return 0;
        k++;
        if (peek(p, k)->kind == T_RPAR)
            return 1;
        if (peek(p, k)->kind != T_NAME || k > RING - 3)
            return 0;
    }
}

static Node *param(Parser *p, int kind, int lambda)
{
    const Token *t = tok(p);
    if (t->kind != T_NAME) {
        syntax_error(p);
        return NULL;
    }
    Node *n = mk(p, E_PARAM, t);
    n->op = kind;
    n->name = intern(p, p->lx->src + t->start, t->end - t->start);
    advance(p);
    if (!lambda && at(p, T_COLON)) {
        Token c = *tok(p);
        advance(p);
        Node *ann = pe_expression(p);
        if (!ann)
            return NULL;
        late(p, DIAG_UNSUPPORTED, c.line, c.col, "annotations are not supported");
        end_at_prev(p, n);
    }
    return n;
}

/* Parameters of def (lambda = 0, up to ')') or lambda (up to ':'), with
 * CPython's checks on their order. Returns 0 after an error. */
int pe_params(Parser *p, int lambda, TokKind close, Vec *out)
{
    int seen_default = 0, seen_star = 0, seen_dstar = 0, seen_slash = 0;
    while (!at(p, close)) {
        Token t = *tok(p);
        if (seen_dstar && (t.kind == T_NAME || t.kind == T_STAR || t.kind == T_DOUBLESTAR ||
                           t.kind == T_SLASH)) {
            perr_tok(p, &t, "arguments cannot follow var-keyword argument");
            return 0;
        }
        if (t.kind == T_SLASH) {
            if (!out->len) {
                perr_tok(p, &t, "at least one argument must precede /");
                return 0;
            }
            if (seen_slash) {
                perr_tok(p, &t, "/ may appear only once");
                return 0;
            }
            if (seen_star) {
                perr_tok(p, &t, "/ must be ahead of *");
                return 0;
            }
            seen_slash = 1;
            advance(p);
            late(p, DIAG_UNSUPPORTED, t.line, t.col, "positional-only parameters are not supported");
        } else if (t.kind == T_STAR) {
            advance(p);
            TokKind k = tok(p)->kind;
            if (seen_star && (k == T_NAME || k == T_COMMA)) {
                perr_tok(p, &t, "* argument may appear only once");
                return 0;
            }
            if (k == close || (k == T_COMMA && (peek(p, 1)->kind == close ||
                                                peek(p, 1)->kind == T_DOUBLESTAR))) {
                perr_tok(p, &t, "named arguments must follow bare *");
                return 0;
            }
            seen_star = 1;
            if (k != T_COMMA) {
                Node *n = param(p, PARAM_STAR, lambda);
                if (!n)
                    return 0;
                if (at(p, T_EQUAL)) {
                    perr_tok(p, tok(p), "var-positional argument cannot have default value");
                    return 0;
                }
                vec_push(p, out, n);
            }
        } else if (t.kind == T_DOUBLESTAR) {
            advance(p);
            Node *n = param(p, PARAM_DSTAR, lambda);
            if (!n)
                return 0;
            if (at(p, T_EQUAL)) {
                perr_tok(p, tok(p), "var-keyword argument cannot have default value");
                return 0;
            }
            seen_dstar = 1;
            vec_push(p, out, n);
        } else if (t.kind == T_NAME) {
            Node *n = param(p, seen_star ? PARAM_KWONLY : PARAM_PLAIN, lambda);
            if (!n)
                return 0;
            if (at(p, T_EQUAL)) {
                Token eq = *tok(p);
                advance(p);
                if (at(p, T_COMMA) || at(p, close)) {
                    perr_tok(p, &eq, "expected default value expression");
                    return 0;
                }
                if (!(n->a = pe_expression(p)))
                    return 0;
                if (!seen_star)
                    seen_default = 1;
            } else if (seen_default && !seen_star) {
                if (at(p, T_COMMA) || at(p, close))
                    perr_node(p, n, "non-default argument follows default argument");
                else
                    syntax_error(p);
                return 0;
            }
            vec_push(p, out, n);
        } else if (t.kind == T_LPAR && !lambda && parenthesized_params(p)) {
            perr_tok(p, &t, "Function parameters cannot be parenthesized");
            return 0;
        } else {
            syntax_error(p);
            return 0;
        }
        if (!accept(p, T_COMMA))
            break;
    }
    return !p->stop;
}

/* ---- calls ---- */

static int probe_comp(Parser *p)
{
    Vec g = {0};
    int saved = p->probing;
    if (p->probing < PROBE_QUIET_GENERIC)
        p->probing = PROBE_QUIET_GENERIC;
    int ok = for_if_clauses(p, &g) && !p->stop;
    p->probing = saved;
    if (p->sh->err.set)
        return 0;
    p->stop = 0;
    return ok;
}

/* Arguments of a call or class bases, after '(' and up to and including
 * ')'. Positional ones go to args, keywords to kws. Returns 0 after an
 * error. */
static int args_inner(Parser *p, int class_bases, const Token *open, Vec *args, Vec *kws,
                      int *misplaced, int *misplaced_dstar, Token *bad)
{
    int seen_kw = 0, seen_dstar = 0;
    while (!at(p, T_RPAR)) {
        Token t = *tok(p);
        if (t.kind == T_STAR) {
            advance(p);
            if (seen_dstar) {
                perr_tok(p, &t, "iterable argument unpacking follows keyword argument unpacking");
                return 0;
            }
            Node *v = pe_expression(p);
            if (!v)
                return 0;
            Node *s = mk(p, E_STARRED, &t);
            s->a = v;
            end_at_prev(p, s);
            vec_push(p, args, s);
        } else if (t.kind == T_DOUBLESTAR) {
            advance(p);
            Node *v = pe_expression(p);
            if (!v)
                return 0;
            Node *k = mk(p, E_KEYWORD, &t);
            k->a = v;
            end_at_prev(p, k);
            vec_push(p, kws, k);
            seen_kw = seen_dstar = 1;
        } else if ((t.kind == T_NAME || t.kind == T_TRUE || t.kind == T_FALSE ||
                    t.kind == T_NONE) && peek(p, 1)->kind == T_EQUAL) {
            if (t.kind != T_NAME) {
                perr_tok(p, &t, "cannot assign to %s", t.kind == T_TRUE ? "True"
                                                       : t.kind == T_FALSE ? "False" : "None");
                return 0;
            }
            advance(p);
            advance(p);
            Node *v = pe_expression(p);
            if (!v)
                return 0;
            if (at(p, T_FOR) || at(p, T_ASYNC)) {
                Token f = *tok(p);
                if (probe_comp(p))
                    perr_tok(p, &t, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                else
                    syntax_error_at(p, &f);
                return 0;
            }
            Node *k = mk(p, E_KEYWORD, &t);
            k->name = intern(p, p->lx->src + t.start, t.end - t.start);
            k->a = v;
            end_at_prev(p, k);
            vec_push(p, kws, k);
            seen_kw = 1;
        } else {
            Node *e;
            if (seen_kw && !*misplaced) {
                *misplaced = 1;
                *misplaced_dstar = seen_dstar;
                *bad = t;
            }
            if (t.kind == T_NAME && peek(p, 1)->kind == T_COLONEQUAL) {
                e = pe_named_expression(p);
            } else {
                e = pe_expression(p);
                if (e && at(p, T_EQUAL)) {
                    perr_node(p, e, "expression cannot contain assignment, perhaps you meant \"==\"?");
                    return 0;
                }
            }
            if (!e)
                return 0;
            if (at(p, T_FOR) || at(p, T_ASYNC)) {
                Token f = *tok(p);
                int sole = !args->len && !kws->len && !class_bases;
                if (sole) {
                    Vec gens = {0};
                    if (!for_if_clauses(p, &gens))
                        return 0;
                    Node *g = mk(p, E_GENEXP, open);
                    g->a = e;
                    g->l1 = vec_list(&gens);
                    if (at(p, T_RPAR)) {
                        advance(p);
                        end_at_prev(p, g);
                        vec_push(p, args, g);
                        return 1;
                    }
                    if (at(p, T_COMMA))
                        perr_node(p, e, "Generator expression must be parenthesized");
                    else
                        syntax_error(p);
                    return 0;
                }
                if (class_bases && args->len == 0)
                    syntax_error_at(p, &f);
                else if (probe_comp(p))
                    perr_node(p, e, "Generator expression must be parenthesized");
                else
                    syntax_error_at(p, &f);
                return 0;
            }
            vec_push(p, args, e);
        }
        if (!accept(p, T_COMMA))
            break;
    }
    if (!at(p, T_RPAR)) {
        syntax_error(p);
        return 0;
    }
    if (*misplaced)
        return 0;
    advance(p);
    return 1;
}

/* A positional argument after keywords: CPython reports it where its
 * parser stopped reading, unless a more specific error came up first. */
int pe_args(Parser *p, int class_bases, const Token *open, Vec *args, Vec *kws)
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
    const Token *t = tok(p);
    sh->err.set = 0;
    p->stop = 0;
    TokKind k = bad.kind;
    if (generic && k != T_NAME && k != T_NUMBER && k != T_STRING && k != T_TRUE &&
        k != T_FALSE && k != T_NONE) {
        /* nothing there reads as an argument: the first pass stopped at it */
        if (p->probing)
            p->stop = 1;
        else
            perr(p, DIAG_SYNTAX, bad.err_line, bad.err_col, "invalid syntax");
        return 0;
    }
    perr(p, DIAG_SYNTAX, p->field ? t->err_line : sh->far_line, p->field ? t->err_col : sh->far_col,
         "%s", dstar ? "positional argument follows keyword argument unpacking"
                     : "positional argument follows keyword argument");
    return 0;
}

/* ---- primaries ---- */

static Node *slice_item(Parser *p)
{
    Token t = *tok(p);
    if (t.kind == T_STAR)
        return starred_with(p, pe_expression);
    Node *lower = NULL;
    if (!at(p, T_COLON)) {
        lower = pe_named_expression(p);
        if (!lower || !at(p, T_COLON))
            return lower;
    }
    Node *s = mk(p, E_SLICE, &t);
    s->a = lower;
    advance(p);
    TokKind k = tok(p)->kind;
    if (k != T_COLON && k != T_RSQB && k != T_COMMA && !(s->b = pe_expression(p)))
        return NULL;
    if (accept(p, T_COLON)) {
        k = tok(p)->kind;
        if (k != T_RSQB && k != T_COMMA && !(s->c = pe_expression(p)))
            return NULL;
    }
    end_at_prev(p, s);
    return s;
}

static Node *subscript(Parser *p, Node *value, const Token *st)
{
    advance(p);
    Token ist = *tok(p);
    Node *index = slice_item(p);
    if (!index)
        return NULL;
    if (at(p, T_COMMA)) {
        Node *t = mk(p, E_TUPLE, &ist);
        Vec v = {0};
        vec_push(p, &v, index);
        while (accept(p, T_COMMA) && !at(p, T_RSQB)) {
            Node *e = slice_item(p);
            if (!e)
                return NULL;
            vec_push(p, &v, e);
        }
        t->l1 = vec_list(&v);
        end_at_prev(p, t);
        index = t;
    }
    if (!accept(p, T_RSQB)) {
        syntax_error(p);
        return NULL;
    }
    Node *n = mk(p, E_SUBSCRIPT, st);
    n->a = value;
    n->b = index;
    end_at_prev(p, n);
    return n;
}

static Node *trailers(Parser *p, Node *n, const Token *st)
{
    while (n) {
        if (at(p, T_DOT)) {
            advance(p);
            const Token *t = tok(p);
            if (t->kind != T_NAME) {
                syntax_error(p);
                return NULL;
            }
            Node *a = mk(p, E_ATTR, st);
            a->a = n;
            a->name = intern(p, p->lx->src + t->start, t->end - t->start);
            advance(p);
            end_at_prev(p, a);
            n = a;
        } else if (at(p, T_LPAR)) {
            Token open = *tok(p);
            advance(p);
            Node *c = mk(p, E_CALL, st);
            Vec args = {0}, kws = {0};
            if (!pe_args(p, 0, &open, &args, &kws))
                return NULL;
            c->a = n;
            c->l1 = vec_list(&args);
            c->l2 = vec_list(&kws);
            end_at_prev(p, c);
            n = c;
        } else if (at(p, T_LSQB)) {
            if (peek(p, 1)->kind == T_RSQB) {
                /* "x[]": CPython then reads "[]" as a list after x, and
                 * inside brackets suggests a comma */
                Token close = *peek(p, 1);
                int line = p->expr_line, col = p->expr_col;
                if (!p->probing && probe_clean(p, pe_expression, NULL) && p->prev.level > 0)
                    perr(p, DIAG_SYNTAX, line, col, "invalid syntax. Perhaps you forgot a comma?");
                else
                    syntax_error_at(p, &close);
                return NULL;
            }
            n = subscript(p, n, st);
        } else {
            break;
        }
    }
    return n;
}

static Node *atom(Parser *p);

static Node *primary(Parser *p)
{
    if (at(p, T_AWAIT)) {
        Token t = *tok(p);
        advance(p);
        late(p, DIAG_UNSUPPORTED, t.line, t.col, "'await' is not supported");
    }
    Token st = *tok(p);
    return trailers(p, atom(p), &st);
}

/* ---- displays and comprehensions ---- */

static int for_if_clauses(Parser *p, Vec *gens)
{
    while (at(p, T_FOR) || (at(p, T_ASYNC) && peek(p, 1)->kind == T_FOR)) {
        if (at(p, T_ASYNC)) {
            late(p, DIAG_UNSUPPORTED, tok(p)->line, tok(p)->col,
                 "asynchronous comprehensions are not supported");
            advance(p);
        }
        Node *c = mk(p, E_COMPFOR, tok(p));
        advance(p);
        if (!(c->a = pe_target_list(p, TGT_FOR)))
            return 0;
        advance(p); /* 'in' */
        if (!(c->b = pe_disjunction(p)))
            return 0;
        Vec ifs = {0};
        while (accept(p, T_IF)) {
            Node *cond = pe_disjunction(p);
            if (!cond)
                return 0;
            vec_push(p, &ifs, cond);
        }
        c->l1 = vec_list(&ifs);
        end_at_prev(p, c);
        vec_push(p, gens, c);
    }
    return !p->stop;
}

static Node *comprehension(Parser *p, NodeKind kind, const Token *open, Node *elt, Node *val,
                           TokKind close)
{
    Node *n = mk(p, kind, open);
    n->a = elt;
    n->b = val;
    Vec gens = {0};
    if (!for_if_clauses(p, &gens))
        return NULL;
    n->l1 = vec_list(&gens);
    if (!accept(p, close)) {
        syntax_error(p);
        return NULL;
    }
    end_at_prev(p, n);
    return n;
}

/* A '*' element right before "for": CPython's own message, if the
 * comprehension would parse. */
static Node *starred_comprehension(Parser *p, Node *first)
{
    Token f = *tok(p);
    if (probe_comp(p))
        perr_node(p, first, "iterable unpacking cannot be used in comprehension");
    else
        syntax_error_at(p, &f);
    return NULL;
}

/* "[a, b for ...]": elements then "for". */
static Node *forgot_parens(Parser *p, Node *first)
{
    Token f = *tok(p);
    if (probe_comp(p))
        perr_node(p, first, "did you forget parentheses around the comprehension target?");
    else
        syntax_error_at(p, &f);
    return NULL;
}

/* Elements of a list, set or tuple after the first, up to close. */
static Node *display_rest(Parser *p, NodeKind kind, const Token *open, Node *first,
                          TokKind close, int check_comp)
{
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (at(p, close))
            break;
        if (check_comp && (at(p, T_FOR) || at(p, T_ASYNC)))
            return forgot_parens(p, first);
        Node *e = star_named_expression(p);
        if (!e)
            return NULL;
        vec_push(p, &v, e);
        if (check_comp && (at(p, T_FOR) || at(p, T_ASYNC)))
            return forgot_parens(p, first);
    }
    if (!accept(p, close)) {
        syntax_error(p);
        return NULL;
    }
    Node *n = mk(p, kind, open);
    n->l1 = vec_list(&v);
    if (kind == E_TUPLE)
        n->op = MARK_PAREN;
    end_at_prev(p, n);
    return n;
}

static Node *yield_expr(Parser *p)
{
    Token t = *tok(p);
    advance(p);
    late(p, DIAG_UNSUPPORTED, t.line, t.col, "'yield' is not supported");
    Node *n = mk(p, E_NONE, &t);
    if (accept(p, T_FROM)) {
        if (!pe_expression(p))
            return NULL;
    } else if (can_start_expr(tok(p)->kind) || at(p, T_STAR)) {
        if (!pe_star_expressions(p))
            return NULL;
    }
    end_at_prev(p, n);
    return n;
}

Node *pe_yield(Parser *p) { return yield_expr(p); }

static Node *paren_atom(Parser *p)
{
    Token open = *tok(p);
    advance(p);
    if (accept(p, T_RPAR)) {
        Node *n = mk(p, E_TUPLE, &open);
        n->op = MARK_PAREN;
        end_at_prev(p, n);
        return n;
    }
    if (at(p, T_YIELD)) {
        Node *y = yield_expr(p);
        if (y && !accept(p, T_RPAR)) {
            syntax_error(p);
            return NULL;
        }
        return y;
    }
    if (at(p, T_DOUBLESTAR)) {
        Token ds = *tok(p);
        advance(p);
        if (probe(p, pe_expression, NULL) && at(p, T_RPAR))
            perr_tok(p, &ds, "cannot use double starred expression here");
        else
            syntax_error_at(p, &ds);
        return NULL;
    }
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at(p, T_FOR) || at(p, T_ASYNC)) {
        if (first->kind == E_STARRED)
            return starred_comprehension(p, first);
        return comprehension(p, E_GENEXP, &open, first, NULL, T_RPAR);
    }
    if (at(p, T_RPAR)) {
        if (first->kind == E_STARRED) {
            perr_node(p, first, "cannot use starred expression here");
            return NULL;
        }
        advance(p);
        return first;
    }
    if (at(p, T_COMMA))
        return display_rest(p, E_TUPLE, &open, first, T_RPAR, 0);
    syntax_error(p);
    return NULL;
}

static Node *list_atom(Parser *p)
{
    Token open = *tok(p);
    advance(p);
    if (accept(p, T_RSQB)) {
        Node *n = mk(p, E_LIST, &open);
        end_at_prev(p, n);
        return n;
    }
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at(p, T_FOR) || at(p, T_ASYNC)) {
        if (first->kind == E_STARRED)
            return starred_comprehension(p, first);
        return comprehension(p, E_LISTCOMP, &open, first, NULL, T_RSQB);
    }
    return display_rest(p, E_LIST, &open, first, T_RSQB, 1);
}

/* One "key: value" of a dict display, key already parsed. */
static int dict_value(Parser *p, Node *key, Vec *keys, Vec *vals, int first)
{
    if (!at(p, T_COLON)) {
        if (first && (juxta_error(p) || p->stop))
            return 0;
        perr(p, DIAG_SYNTAX, key->end_line, key->end_col - 1, "':' expected after dictionary key");
        return 0;
    }
    Token colon = *tok(p);
    advance(p);
    if (at(p, T_RBRACE) || at(p, T_COMMA)) {
        perr_tok(p, &colon, "expression expected after dictionary key and ':'");
        return 0;
    }
    if (at(p, T_STAR)) {
        Token s = *tok(p);
        advance(p);
        if (probe(p, pe_bitor, NULL))
            perr_tok(p, &s, "cannot use a starred expression in a dictionary value");
        else
            syntax_error_at(p, &s);
        return 0;
    }
    Node *v = pe_expression(p);
    if (!v)
        return 0;
    vec_push(p, keys, key);
    vec_push(p, vals, v);
    return 1;
}

static Node *dict_display(Parser *p, const Token *open, Node *first_key)
{
    Vec keys = {0}, vals = {0};
    int first = 1;
    for (;;) {
        if (first && first_key) {
            if (!dict_value(p, first_key, &keys, &vals, 1))
                return NULL;
            if (at(p, T_FOR) || at(p, T_ASYNC))
                return comprehension(p, E_DICTCOMP, open, keys.items[0], vals.items[0], T_RBRACE);
        } else if (at(p, T_DOUBLESTAR)) {
            Token ds = *tok(p);
            advance(p);
            Node *v = pe_bitor(p);
            if (!v)
                return NULL;
            if (first && (at(p, T_FOR) || at(p, T_ASYNC))) {
                Token f = *tok(p);
                if (probe_comp(p) && at(p, T_RBRACE))
                    perr_tok(p, &ds, "dict unpacking cannot be used in dict comprehension");
                else
                    syntax_error_at(p, &f);
                return NULL;
            }
            vec_push(p, &keys, NULL);
            vec_push(p, &vals, v);
        } else {
            /* a later key: CPython reads the longest expression it can and
             * wants a ':' after it */
            Token kt = *tok(p);
            TokKind kk = kt.kind;
            Node *k;
            if (kk == T_NAME || kk == T_NUMBER || kk == T_STRING || kk == T_TRUE ||
                kk == T_FALSE || kk == T_NONE) {
                if (!probe_clean(p, pe_expression, &k)) {
                    if (!p->stop)
                        perr(p, DIAG_SYNTAX, kt.end_line, kt.end_col - 1,
                             "':' expected after dictionary key");
                    return NULL;
                }
            } else if (!(k = pe_expression(p))) {
                return NULL;
            }
            if (!dict_value(p, k, &keys, &vals, 0))
                return NULL;
        }
        first = 0;
        if (!accept(p, T_COMMA) || at(p, T_RBRACE))
            break;
    }
    if (!accept(p, T_RBRACE)) {
        syntax_error(p);
        return NULL;
    }
    Node *n = mk(p, E_DICT, open);
    n->l1 = vec_list(&keys);
    n->l2 = vec_list(&vals);
    end_at_prev(p, n);
    return n;
}

static Node *brace_atom(Parser *p)
{
    Token open = *tok(p);
    advance(p);
    if (accept(p, T_RBRACE)) {
        Node *n = mk(p, E_DICT, &open);
        end_at_prev(p, n);
        return n;
    }
    if (at(p, T_DOUBLESTAR))
        return dict_display(p, &open, NULL);
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at(p, T_COLON) && first->kind != E_STARRED)
        return dict_display(p, &open, first);
    if (at(p, T_FOR) || at(p, T_ASYNC)) {
        if (first->kind == E_STARRED)
            return starred_comprehension(p, first);
        return comprehension(p, E_SETCOMP, &open, first, NULL, T_RBRACE);
    }
    return display_rest(p, E_SET, &open, first, T_RBRACE, 1);
}

static Node *atom(Parser *p)
{
    const Token *t = tok(p);
    Node *n;
    switch (t->kind) {
    case T_NAME:
        n = mk(p, E_NAME, t);
        n->name = intern(p, p->lx->src + t->start, t->end - t->start);
        advance(p);
        return n;
    case T_TRUE: case T_FALSE: case T_NONE:
        n = mk(p, t->kind == T_TRUE ? E_TRUE : t->kind == T_FALSE ? E_FALSE : E_NONE, t);
        advance(p);
        return n;
    case T_ELLIPSIS:
        late(p, DIAG_UNSUPPORTED, t->line, t->col, "'...' (Ellipsis) is not supported");
        n = mk(p, E_NONE, t);
        n->op = 1;
        advance(p);
        return n;
    case T_NUMBER:
        n = pe_number(p, t);
        advance(p);
        return p->stop ? NULL : n;
    case T_STRING:
        return pe_strings(p);
    case T_LPAR:
        return paren_atom(p);
    case T_LSQB:
        return list_atom(p);
    case T_LBRACE:
        return brace_atom(p);
    default:
        syntax_error(p);
        return NULL;
    }
}

/* ---- named expressions ---- */

Node *pe_named_expression(Parser *p)
{
    if (at(p, T_NAME) && peek(p, 1)->kind == T_COLONEQUAL) {
        Token t = *tok(p);
        advance(p);
        advance(p);
        late(p, DIAG_UNSUPPORTED, t.line, t.col, "assignment expressions (:=) are not supported");
        return pe_expression(p);
    }
    Node *e = pe_expression(p);
    if (!e)
        return NULL;
    if (at(p, T_EQUAL)) {
        check_named_assign(p, e);
        return NULL;
    }
    if (at(p, T_COLONEQUAL)) {
        Token t = *tok(p);
        advance(p);
        if (probe(p, pe_expression, NULL))
            perr_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
        else
            syntax_error_at(p, &t);
        return NULL;
    }
    return e;
}

static Node *star_named_expression(Parser *p)
{
    return at(p, T_STAR) ? starred_with(p, pe_bitor) : pe_named_expression(p);
}

/* The same, leaving a following '=' to the caller. */
Node *pe_star_named_nocheck(Parser *p)
{
    return at(p, T_STAR) ? starred_with(p, pe_bitor) : pe_expression(p);
}

/* ---- targets of for and del ---- */

static int targets_end(Parser *p, int type)
{
    return type == TGT_FOR ? at(p, T_IN) : at(p, T_SEMI) || at(p, T_NEWLINE);
}

static Node *starred_with(Parser *p, Node *(*operand)(Parser *))
{
    Token t = *tok(p);
    advance(p);
    Node *v = operand(p);
    if (!v)
        return NULL;
    Node *s = mk(p, E_STARRED, &t);
    s->a = v;
    end_at_prev(p, s);
    return s;
}

static Node *pack(Parser *p, Vec *v, int comma, const Token *first)
{
    if (v->len == 1 && !comma)
        return v->items[0];
    Node *t = mk(p, E_TUPLE, first);
    t->l1 = vec_list(v);
    end_at_prev(p, t);
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
        Node *x = pe_resume(p, (*last)->a, 1);
        if (!x)
            return NULL;
        (*last)->a = x;
    } else {
        Node *x = pe_resume(p, *last, 0);
        if (!x)
            return NULL;
        *last = x;
    }
    while (accept(p, T_COMMA)) {
        if (!can_start_expr(tok(p)->kind) && !at(p, T_STAR))
            break;
        Node *e = at(p, T_STAR) ? starred_with(p, pe_bitor) : pe_expression(p);
        if (!e)
            return NULL;
        vec_push(p, v, e);
    }
    return v->items[0];
}

static void bad_target(Parser *p, const Node *bad, int type)
{
    perr_node(p, bad, type == TGT_DEL ? "cannot delete %s" : "cannot assign to %s",
              expr_name(bad));
}

/* Targets of 'for' (up to 'in') and 'del' (up to ';' or the end of the
 * line). CPython's first pass reads them as primaries; when that fails,
 * its second pass reads an expression there and reports the first part
 * that cannot be a target, else "invalid syntax" where the first pass
 * stopped. We do the same, continuing the last primary as an expression
 * instead of reading it again. */
Node *pe_target_list(Parser *p, int type)
{
    Token first = *tok(p);
    Vec v = {0};
    int comma = 0, strict = 1;
    Token stop;
    for (;;) {
        Node *e;
        if (at(p, T_STAR)) {
            e = starred_with(p, primary);
        } else if (at(p, T_NOT) || at(p, T_LAMBDA)) {
            stop = *tok(p);
            strict = 0;
            e = pe_expression(p);
        } else {
            e = primary(p);
        }
        if (!e)
            return NULL;
        if (p->last_end != p->idx) {
            p->last_expr = e;
            p->last_end = p->idx;
        }
        vec_push(p, &v, e);
        if (!strict || !accept(p, T_COMMA))
            break;
        comma = 1;
        if (targets_end(p, type))
            break;
    }
    if (strict && targets_end(p, type)) {
        Node *t = pack(p, &v, comma, &first);
        const Node *bad = invalid_target(t, type);
        if (!bad)
            return t;
        bad_target(p, bad, type);
        return NULL;
    }
    if (strict) {
        stop = *tok(p);
        TokKind k = stop.kind;
        if (k != T_MINUS && k != T_PLUS && k != T_NOT && (juxta_error(p) || p->stop))
            return NULL;
        Vec *saved = p->resume_elts;
        p->resume_elts = &v;
        probe(p, resume_targets, NULL);
        p->resume_elts = saved;
        if (p->stop)
            return NULL;
    }
    const Node *bad = invalid_target(pack(p, &v, comma, &first), type);
    if (bad)
        bad_target(p, bad, type);
    else
        syntax_error_at(p, &stop);
    return NULL;
}
