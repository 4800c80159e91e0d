/* parse_expr: expressions, by CPython's precedence: lambda, if-else, or,
 * and, not, comparisons, | ^ & << >> + - * / // % @, unary - + ~, **,
 * await, calls/attributes/subscripts, atoms.
 *
 * The "*_rest" functions continue an expression whose left operand is
 * already parsed; besides binary operators, that lets the target parsers
 * re-read a target as an expression, which is how CPython finds the
 * error to report in a bad target. */
#include "parse_impl.h"

#include <stdlib.h>
#include <string.h>

static Node *factor(Parser *p);
static Node *trailers(Parser *p, Node *n, const Token *st);
static Node *lambdef(Parser *p);
static Node *ifexp_rest(Parser *p, Node *body, const Token *st);
static Node *comparison_rest(Parser *p, Node *left, const Token *st);
static Node *and_rest(Parser *p, Node *left, const Token *st);
static Node *or_rest(Parser *p, Node *left, const Token *st);
static Node *binary_rest(Parser *p, Node *left, int minprec, const Token *st);
static Node *power_rest(Parser *p, Node *base, const Token *st);
static Node *star_named_expression(Parser *p);
static Node *comprehension(Parser *p, NodeKind kind, const Token *open, Node *elt, Node *val,
                           TokKind close);

/* Nodes span the tokens their rule consumed, as in CPython: an operand in
 * parentheses stretches its parent to the parentheses. So the functions
 * that continue an already parsed operand also get the token it began
 * with (st). */

/* '*' then an operand. */
Node *parse_starred(Parser *p, Node *(*operand)(Parser *))
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *v = operand(p);
    if (!v)
        return NULL;
    Node *s = parse_node(p, E_STARRED, &t);
    s->a = v;
    parse_end_prev(p, s);
    return s;
}

/* ---- the precedence chain ---- */

Node *parse_star_exprs(Parser *p)
{
    Token first = *parse_tok(p);
    Node *e = parse_at(p, T_STAR) ? parse_starred(p, parse_bitor) : parse_expr(p);
    if (!e || !parse_at(p, T_COMMA))
        return e;
    Node *t = parse_node(p, E_TUPLE, &first);
    Vec v = {0};
    parse_push(p, &v, e);
    while (parse_accept(p, T_COMMA)) {
        TokKind k = parse_tok(p)->kind;
        if (!parse_can_start_expr(k) && k != T_STAR)
            break;
        if (!(e = k == T_STAR ? parse_starred(p, parse_bitor) : parse_expr(p)))
            return NULL;
        parse_push(p, &v, e);
    }
    t->l1 = parse_list(&v);
    parse_end_prev(p, t);
    return t;
}

static int same_start(const Node *a, const Node *b)
{
    return a->line == b->line && a->col == b->col;
}

static int is_print(const Token *t, const char *src)
{
    size_t n = t->end - t->start;
    return t->kind == T_NAME && ((n == 5 && memcmp(src + t->start, "print", 5) == 0) ||
                                 (n == 4 && memcmp(src + t->start, "exec", 4) == 0));
}

/* The name heading "print -x", "print [x]" and the like, or NULL. */
static Node *legacy_name(Node *e)
{
    Node *n = e;
    while (n->kind == E_BINOP || n->kind == E_SUBSCRIPT || n->kind == E_COMPARE ||
           n->kind == E_CALL || n->kind == E_ATTR) {
        if (n->a->kind == E_NAME && same_start(n->a, e)) {
            if (n->kind == E_SUBSCRIPT) {
                const Node *b = n->b;
                if (b->kind == E_SLICE)
                    return NULL;
                if (b->kind == E_TUPLE)
                    for (int i = 0; i < b->l1.len; i++)
                        if (b->l1.items[i]->kind == E_SLICE)
                            return NULL;
            }
            return n->a;
        }
        n = n->a;
    }
    return NULL;
}

/* "print -x", "print [x]" and the like parse, but CPython's second pass
 * reads them as Python 2 print statements: remember the first one, for
 * when a syntax error turns up later (parse.c). CPython reads what follows
 * the name as expressions, commas included, and errors there come first.
 * `at` is the state at the name, e the expression read from there;
 * without `probe` that reading is not repeated. */
static void note_legacy(Parser *p, Node *e, const Snapshot *at, int probe)
{
    Node *name = legacy_name(e);
    if (!name || p->sh->legacy)
        return;
    p->sh->legacy = name;
    if (!probe)
        return;
    Snapshot *now = xmalloc(sizeof *now);
    parse_save(p, now);
    parse_restore(p, at);
    parse_advance(p);
    int ok = parse_probe(p, parse_star_exprs, NULL);
    if (p->sh->err.set) {
        p->sh->legacy = NULL;
        free(now);
        return;
    }
    parse_restore(p, now);
    free(now);
    if (!ok)
        p->sh->legacy = NULL;
}

Node *parse_expr(Parser *p)
{
    if (!parse_enter(p))
        return NULL;
    Snapshot *legacy = NULL;
    if (!p->field && p->probing != PROBE_CLEAN && !p->sh->legacy &&
        is_print(parse_tok(p), p->lx->src)) {
        TokKind k = parse_peek(p, 1)->kind;
        if (k == T_MINUS || k == T_PLUS || k == T_TILDE || k == T_STAR || k == T_LSQB) {
            legacy = xmalloc(sizeof *legacy);
            parse_save(p, legacy);
        }
    }
    Node *n;
    Token st = *parse_tok(p);
    int outer_line = p->expr_line, outer_col = p->expr_col;
    p->expr_line = st.line;
    p->expr_col = st.col;
    if (parse_at(p, T_LAMBDA)) {
        n = lambdef(p);
    } else {
        n = parse_disjunction(p);
        Node *body = n;
        int cond = parse_at(p, T_IF);
        if (legacy && n && !p->stop && !cond)
            note_legacy(p, n, legacy, 1);
        n = ifexp_rest(p, n, &st);
        /* with an 'if' next, CPython's missing-'else' check and what it
         * reads come first: only a plain failure leaves the print */
        if (legacy && cond && body) {
            const Shared *sh = p->sh;
            if (n && !p->stop)
                note_legacy(p, body, legacy, 1);
            else if (!sh->err.set || (!sh->err_pass1 && !sh->err_final &&
                                      strcmp(sh->err.msg, "invalid syntax") == 0))
                note_legacy(p, body, legacy, 0);
        }
    }
    free(legacy);
    p->expr_line = outer_line;
    p->expr_col = outer_col;
    parse_leave(p);
    if (!n || p->stop)
        return NULL;
    if (p->last_end != p->idx) {
        p->last_expr = n;
        p->last_end = p->idx;
    }
    return n;
}

static Node *ifexp_rest(Parser *p, Node *body, const Token *st)
{
    if (!body || !parse_at(p, T_IF))
        return body;
    Token before = p->prev;
    parse_advance(p);
    TokKind k = parse_tok(p)->kind;
    Node *test = parse_disjunction(p);
    if (!test && p->probing == PROBE_CLEAN && parse_back_off(p, &before))
        return body;
    if (!test) {
        /* CPython backs off to the longest test that parses; if there is
         * one, what follows it is not 'else' */
        Shared *sh = p->sh;
        int generic = !sh->err.set ? p->stop && p->probing == PROBE_QUIET_GENERIC
                                   : !sh->err_final && !sh->err_pass1
                                       && sh->err.kind == DIAG_SYNTAX &&
                                         strcmp(sh->err.msg, "invalid syntax") == 0;
        if (generic && (k == T_NAME || k == T_NUMBER || k == T_STRING || k == T_TRUE ||
                        k == T_FALSE || k == T_NONE)) {
            sh->err.set = 0;
            p->stop = 0;
            parse_err_node(p, body, "expected 'else' after 'if' expression");
        }
        return NULL;
    }
    if (!parse_accept(p, T_ELSE)) {
        if (p->probing == PROBE_CLEAN) {
            p->stop = 1;
            return parse_back_off(p, &before) ? body : NULL;
        }
        if (parse_at(p, T_COLON))
            parse_syntax_error(p);
        else
            parse_err_node(p, body, "expected 'else' after 'if' expression");
        return NULL;
    }
    Node *orelse = parse_expr(p);
    if (!orelse)
        return parse_back_off(p, &before) ? body : NULL;
    Node *n = parse_node(p, E_IFEXP, st);
    n->a = test;
    n->b = body;
    n->c = orelse;
    parse_end_prev(p, n);
    return n;
}

static Node *inversion(Parser *p)
{
    if (parse_at(p, T_NOT)) {
        if (!parse_enter(p))
            return NULL;
        Token t = *parse_tok(p);
        parse_advance(p);
        Node *o = inversion(p);
        parse_leave(p);
        if (!o)
            return NULL;
        Node *n = parse_node(p, E_UNARY, &t);
        n->op = OP_NOT;
        n->a = o;
        parse_end_prev(p, n);
        return n;
    }
    Token st = *parse_tok(p);
    return comparison_rest(p, parse_bitor(p), &st);
}

/* and/or: flat operand lists, as CPython's BoolOp. */
static Node *boolop_rest(Parser *p, Node *left, TokKind kw, int op, const Token *st)
{
    if (!left || !parse_at(p, kw))
        return left;
    Vec v = {0};
    parse_push(p, &v, left);
    for (;;) {
        Token before = p->prev;
        if (!parse_accept(p, kw))
            break;
        Token rst = *parse_tok(p);
        Node *r = inversion(p);
        if (op == OP_OR)
            r = and_rest(p, r, &rst);
        if (!r) {
            if (!parse_back_off(p, &before))
                return NULL;
            if (v.len == 1)
                return left;
            break;
        }
        parse_push(p, &v, r);
    }
    Node *n = parse_node(p, E_BOOLOP, st);
    n->op = op;
    n->l1 = parse_list(&v);
    parse_end_prev(p, n);
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

Node *parse_disjunction(Parser *p)
{
    Token st = *parse_tok(p);
    return or_rest(p, and_rest(p, inversion(p), &st), &st);
}

/* Consumes a comparison operator if there is one. */
static int cmp_op(Parser *p, int *op)
{
    switch (parse_tok(p)->kind) {
    case T_LESS: *op = CMP_LT; break;
    case T_LESSEQUAL: *op = CMP_LE; break;
    case T_EQEQUAL: *op = CMP_EQ; break;
    case T_NOTEQUAL: *op = CMP_NE; break;
    case T_GREATER: *op = CMP_GT; break;
    case T_GREATEREQUAL: *op = CMP_GE; break;
    case T_IN:
        *op = CMP_IN;
        break;
    case T_IS:
        parse_advance(p);
        *op = parse_accept(p, T_NOT) ? CMP_IS_NOT : CMP_IS;
        return 1;
    case T_NOT:
        if (parse_peek(p, 1)->kind != T_IN)
            return 0;
        parse_advance(p);
        *op = CMP_NOT_IN;
        break;
    default:
        return 0;
    }
    parse_advance(p);
    return 1;
}

static Node *comparison_rest(Parser *p, Node *left, const Token *st)
{
    int op;
    Token before = p->prev;
    if (left)
        p->operand_end = p->idx;
    if (!left || !cmp_op(p, &op))
        return left;
    Vec v = {0};
    int cap = 0, n_ops = 0, *ops = NULL;
    do {
        Node *r = parse_bitor(p);
        if (!r) {
            if (!parse_back_off(p, &before))
                return NULL;
            if (!n_ops)
                return left;
            break;
        }
        parse_push(p, &v, r);
        if (n_ops == cap) {
            cap = cap ? cap * 2 : 4;
            int *grown = arena_alloc(p->sh->arena, (size_t)cap * sizeof *grown);
            if (n_ops)
                memcpy(grown, ops, (size_t)n_ops * sizeof *ops);
            ops = grown;
        }
        ops[n_ops++] = op;
        before = p->prev;
        p->operand_end = p->idx;
    } while (cmp_op(p, &op));
    Node *n = parse_node(p, E_COMPARE, st);
    n->a = left;
    n->l1 = parse_list(&v);
    n->ops = ops;
    parse_end_prev(p, n);
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
    Node *n = parse_node(p, E_BINOP, st);
    n->op = op;
    n->a = l;
    n->b = r;
    parse_end_prev(p, n);
    return n;
}

/* Precedence climbing: left-associative chains are loops, so only the
 * six levels can recurse. */
/* A left-leaning chain (a + b + c ..., a.b.c ...) is a loop here but a
 * deep tree for whoever walks it later: stop it at the tree's limit early,
 * before it costs memory. */
static int chain_ok(Parser *p, int links)
{
    if (links + p->sh->depth <= TREE_MAX_DEPTH)
        return 1;
    const Token *t = parse_tok(p);
    parse_err1(p, t->line, t->col, "too many nested expressions");
    return 0;
}

static Node *binary_rest(Parser *p, Node *left, int minprec, const Token *st)
{
    int links = 0;
    while (left) {
        int op, prec = binary_op(parse_tok(p)->kind, &op);
        if (!prec || prec < minprec)
            return left;
        if (!chain_ok(p, ++links))
            return NULL;
        Token before = p->prev;
        parse_advance(p);
        Token rst = *parse_tok(p);
        Node *right = factor(p);
        int op2;
        if (right && binary_op(parse_tok(p)->kind, &op2) > prec)
            right = binary_rest(p, right, prec + 1, &rst);
        if (!right)
            return parse_back_off(p, &before) ? left : NULL;
        left = binop(p, left, op, right, st);
    }
    return NULL;
}

Node *parse_bitor(Parser *p)
{
    Token st = *parse_tok(p);
    return binary_rest(p, factor(p), 1, &st);
}

static Node *factor(Parser *p)
{
    int op;
    switch (parse_tok(p)->kind) {
    case T_MINUS: op = OP_NEG; break;
    case T_PLUS: op = OP_POS; break;
    case T_TILDE: op = OP_INVERT; break;
    default: {
        Token st = *parse_tok(p);
        return power_rest(p, parse_primary(p), &st);
    }
    }
    if (!parse_enter(p))
        return NULL;
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *o = factor(p);
    parse_leave(p);
    if (!o)
        return NULL;
    Node *n = parse_node(p, E_UNARY, &t);
    n->op = op;
    n->a = o;
    parse_end_prev(p, n);
    return n;
}

static Node *power_rest(Parser *p, Node *base, const Token *st)
{
    if (!base || !parse_at(p, T_DOUBLESTAR))
        return base;
    Token before = p->prev;
    parse_advance(p);
    if (!parse_enter(p))
        return NULL;
    Node *e = factor(p);
    parse_leave(p);
    if (!e)
        return parse_back_off(p, &before) ? base : NULL;
    return binop(p, base, OP_POW, e, st);
}

Node *parse_resume(Parser *p, Node *n, int star_level)
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
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, E_LAMBDA, &t);
    Vec params = {0};
    if (!parse_at(p, T_COLON) && !parse_params(p, 1, T_COLON, &params))
        return NULL;
    if (!parse_accept(p, T_COLON)) {
        parse_syntax_error(p);
        return NULL;
    }
    n->l1 = parse_list(&params);
    if (!(n->a = parse_expr(p)))
        return NULL;
    parse_end_prev(p, n);
    return n;
}

/* ---- primaries ---- */

static Node *slice_item(Parser *p)
{
    Token t = *parse_tok(p);
    if (t.kind == T_STAR)
        return parse_starred(p, parse_expr);
    Node *lower = NULL;
    if (!parse_at(p, T_COLON)) {
        lower = parse_named_expr(p);
        if (!lower || !parse_at(p, T_COLON))
            return lower;
    }
    Node *s = parse_node(p, E_SLICE, &t);
    s->a = lower;
    parse_advance(p);
    TokKind k = parse_tok(p)->kind;
    if (k != T_COLON && k != T_RSQB && k != T_COMMA && !(s->b = parse_expr(p)))
        return NULL;
    if (parse_accept(p, T_COLON)) {
        k = parse_tok(p)->kind;
        if (k != T_RSQB && k != T_COMMA && !(s->c = parse_expr(p)))
            return NULL;
    }
    parse_end_prev(p, s);
    return s;
}

/* "x[a for a in b]" (see subscript), read as a list comprehension. */
static Node *listcomp_after(Parser *p)
{
    Node *n = comprehension(p, E_LISTCOMP, p->resume_open, p->resume_node, NULL, T_RSQB);
    return parse_resume(p, n, 0);
}

static Node *subscript(Parser *p, Node *value, const Token *st)
{
    Token open = *parse_tok(p);
    parse_advance(p);
    Token ist = *parse_tok(p);
    Node *index = slice_item(p);
    if (!index)
        return NULL;
    if (index->kind != E_SLICE && index->kind != E_STARRED &&
        (parse_at(p, T_FOR) || parse_at(p, T_ASYNC))) {
        /* CPython backs off to the value before '[' and reads a list
         * comprehension after it: inside brackets, "forgot a comma?" */
        Token f = *parse_tok(p);
        int line = p->expr_line, col = p->expr_col;
        if (p->probing == PROBE_CLEAN) {
            parse_syntax_error(p);
            return NULL;
        }
        p->resume_open = &open;
        p->resume_node = index;
        int legacy = value->kind == E_NAME && value->line == line && value->col == col &&
                     (strcmp(value->name, "print") == 0 || strcmp(value->name, "exec") == 0);
        if (legacy) {
            if (parse_probe(p, listcomp_after, NULL))
                parse_err_node(p, value,
                               "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                               value->name, value->name);
            else if (!p->stop)
                parse_syntax_error_at(p, &f);
        } else if (parse_probe_clean(p, listcomp_after, NULL) && p->prev.level > 0) {
            parse_err(p, DIAG_SYNTAX, line, col, "invalid syntax. Perhaps you forgot a comma?");
        } else if (!p->stop) {
            parse_syntax_error_at(p, &f);
        }
        return NULL;
    }
    if (index->kind == E_STARRED && !parse_at(p, T_COMMA)) {
        /* x[*a] indexes with a tuple */
        Node *t = parse_node(p, E_TUPLE, &ist);
        Vec one = {0};
        parse_push(p, &one, index);
        t->l1 = parse_list(&one);
        parse_end_prev(p, t);
        index = t;
    }
    if (parse_at(p, T_COMMA)) {
        Node *t = parse_node(p, E_TUPLE, &ist);
        Vec v = {0};
        parse_push(p, &v, index);
        while (parse_accept(p, T_COMMA) && !parse_at(p, T_RSQB)) {
            Node *e = slice_item(p);
            if (!e)
                return NULL;
            parse_push(p, &v, e);
        }
        t->l1 = parse_list(&v);
        parse_end_prev(p, t);
        index = t;
    }
    if (!parse_accept(p, T_RSQB)) {
        parse_syntax_error(p);
        return NULL;
    }
    Node *n = parse_node(p, E_SUBSCRIPT, st);
    n->a = value;
    n->b = index;
    parse_end_prev(p, n);
    return n;
}

static Node *trailers(Parser *p, Node *n, const Token *st)
{
    int links = 0;
    while (n) {
        Token before = p->prev;
        int trailer = parse_at(p, T_DOT) || parse_at(p, T_LPAR) || parse_at(p, T_LSQB);
        if (trailer && !chain_ok(p, ++links))
            return NULL;
        if (parse_at(p, T_DOT)) {
            parse_advance(p);
            const Token *t = parse_tok(p);
            if (t->kind != T_NAME) {
                parse_syntax_error(p);
                return parse_back_off(p, &before) ? n : NULL;
            }
            Node *a = parse_node(p, E_ATTR, st);
            a->a = n;
            a->name = parse_intern(p, p->lx->src + t->start, t->end - t->start);
            parse_advance(p);
            parse_end_prev(p, a);
            n = a;
        } else if (parse_at(p, T_LPAR)) {
            Token open = *parse_tok(p);
            parse_advance(p);
            Node *c = parse_node(p, E_CALL, st);
            Vec args = {0}, kws = {0};
            if (!parse_args(p, 0, &open, &args, &kws))
                return parse_back_off(p, &before) ? n : NULL;
            c->a = n;
            c->l1 = parse_list(&args);
            c->l2 = parse_list(&kws);
            parse_end_prev(p, c);
            n = c;
        } else if (parse_at(p, T_LSQB)) {
            if (parse_peek(p, 1)->kind == T_RSQB) {
                /* "x[]": CPython then reads "[]" as a list after x, and
                 * inside brackets suggests a comma */
                Token close = *parse_peek(p, 1);
                int line = p->expr_line, col = p->expr_col;
                if (!p->probing && parse_probe_clean(p, parse_expr, NULL) && p->prev.level > 0)
                    parse_err(p, DIAG_SYNTAX, line, col,
                              "invalid syntax. Perhaps you forgot a comma?");
                else
                    parse_syntax_error_at(p, &close);
                return parse_back_off(p, &before) ? n : NULL;
            }
            Node *s = subscript(p, n, st);
            if (!s)
                return parse_back_off(p, &before) ? n : NULL;
            n = s;
        } else {
            break;
        }
    }
    return n;
}

static Node *atom(Parser *p);

Node *parse_primary(Parser *p)
{
    if (parse_at(p, T_AWAIT)) {
        Token t = *parse_tok(p);
        parse_advance(p);
        parse_late(p, DIAG_UNSUPPORTED, t.line, t.col, "'await' is not supported");
    }
    Token st = *parse_tok(p);
    return trailers(p, atom(p), &st);
}

/* ---- displays and comprehensions ---- */

int parse_comp_clauses(Parser *p, Vec *gens)
{
    while (parse_at(p, T_FOR) || (parse_at(p, T_ASYNC) && parse_peek(p, 1)->kind == T_FOR)) {
        if (parse_at(p, T_ASYNC)) {
            parse_late(p, DIAG_UNSUPPORTED, parse_tok(p)->line, parse_tok(p)->col,
                       "asynchronous comprehensions are not supported");
            parse_advance(p);
        }
        Node *c = parse_node(p, E_COMPFOR, parse_tok(p));
        parse_advance(p);
        if (!(c->a = parse_targets(p, TGT_FOR)))
            return 0;
        parse_advance(p); /* 'in' */
        if (!(c->b = parse_disjunction(p)))
            return 0;
        Vec ifs = {0};
        while (parse_accept(p, T_IF)) {
            Node *cond = parse_disjunction(p);
            if (!cond)
                return 0;
            parse_push(p, &ifs, cond);
        }
        c->l1 = parse_list(&ifs);
        parse_end_prev(p, c);
        parse_push(p, gens, c);
    }
    return !p->stop;
}

static Node *comprehension(Parser *p, NodeKind kind, const Token *open, Node *elt, Node *val,
                           TokKind close)
{
    Node *n = parse_node(p, kind, open);
    n->a = elt;
    n->b = val;
    Vec gens = {0};
    if (!parse_comp_clauses(p, &gens))
        return NULL;
    n->l1 = parse_list(&gens);
    if (!parse_accept(p, close)) {
        if (!p->probing && parse_at(p, T_LBRACE)) {
            /* CPython reads a '{' here as the start of an expression (which
             * may hit the end of the input), though it reports nothing on it */
            Snapshot *snap = xmalloc(sizeof *snap);
            parse_save(p, snap);
            parse_probe_clean(p, parse_expr, NULL);
            if (!p->stop)
                parse_restore(p, snap);
            free(snap);
            if (p->stop)
                return NULL;
        }
        parse_syntax_error(p);
        return NULL;
    }
    parse_end_prev(p, n);
    return n;
}

/* A '*' element right before "for": CPython's own message, if the
 * comprehension would parse. */
static Node *starred_comprehension(Parser *p, Node *first)
{
    Token f = *parse_tok(p);
    if (parse_probe_comp(p))
        parse_err_node(p, first, "iterable unpacking cannot be used in comprehension");
    else
        parse_syntax_error_at(p, &f);
    return NULL;
}

/* "[a, b for ...]": elements then "for". */
static Node *forgot_parens(Parser *p, Node *first)
{
    Token f = *parse_tok(p);
    if (parse_probe_comp(p))
        parse_err_node(p, first, "did you forget parentheses around the comprehension target?");
    else
        parse_syntax_error_at(p, &f);
    return NULL;
}

/* Elements of a list, set or tuple after the first, up to close. */
static Node *display_rest(Parser *p, NodeKind kind, const Token *open, Node *first,
                          TokKind close, int check_comp)
{
    Vec v = {0};
    parse_push(p, &v, first);
    while (parse_accept(p, T_COMMA)) {
        if (parse_at(p, close))
            break;
        if (check_comp && (parse_at(p, T_FOR) || parse_at(p, T_ASYNC)))
            return forgot_parens(p, first);
        Node *e = star_named_expression(p);
        if (!e)
            return NULL;
        parse_push(p, &v, e);
        if (check_comp && (parse_at(p, T_FOR) || parse_at(p, T_ASYNC)))
            return forgot_parens(p, first);
    }
    if (!parse_accept(p, close)) {
        parse_syntax_error(p);
        return NULL;
    }
    Node *n = parse_node(p, kind, open);
    n->l1 = parse_list(&v);
    if (kind == E_TUPLE)
        n->op = MARK_PAREN;
    parse_end_prev(p, n);
    return n;
}

static Node *yield_expr(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    parse_late(p, DIAG_UNSUPPORTED, t.line, t.col, "'yield' is not supported");
    Node *n = parse_node(p, E_NONE, &t);
    if (parse_accept(p, T_FROM)) {
        if (!parse_expr(p))
            return NULL;
    } else if (parse_can_start_expr(parse_tok(p)->kind) || parse_at(p, T_STAR)) {
        if (!parse_star_exprs(p))
            return NULL;
    }
    parse_end_prev(p, n);
    return n;
}

Node *parse_yield(Parser *p) { return yield_expr(p); }

static Node *paren_atom(Parser *p)
{
    Token open = *parse_tok(p);
    parse_advance(p);
    if (parse_accept(p, T_RPAR)) {
        Node *n = parse_node(p, E_TUPLE, &open);
        n->op = MARK_PAREN;
        parse_end_prev(p, n);
        return n;
    }
    if (parse_at(p, T_YIELD)) {
        Node *y = yield_expr(p);
        if (y && !parse_accept(p, T_RPAR)) {
            parse_syntax_error(p);
            return NULL;
        }
        return y;
    }
    if (parse_at(p, T_DOUBLESTAR)) {
        Token ds = *parse_tok(p);
        parse_advance(p);
        if (parse_probe(p, parse_expr, NULL) && !p->backed_off && parse_at(p, T_RPAR))
            parse_err_tok(p, &ds, "cannot use double starred expression here");
        else
            parse_syntax_error_at(p, &ds);
        return NULL;
    }
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (parse_at(p, T_FOR) || parse_at(p, T_ASYNC)) {
        if (first->kind == E_STARRED)
            return starred_comprehension(p, first);
        return comprehension(p, E_GENEXP, &open, first, NULL, T_RPAR);
    }
    if (parse_at(p, T_RPAR)) {
        if (first->kind == E_STARRED) {
            parse_err_node(p, first, "cannot use starred expression here");
            return NULL;
        }
        parse_advance(p);
        return first;
    }
    if (parse_at(p, T_COMMA))
        return display_rest(p, E_TUPLE, &open, first, T_RPAR, 0);
    parse_syntax_error(p);
    return NULL;
}

static Node *list_atom(Parser *p)
{
    Token open = *parse_tok(p);
    parse_advance(p);
    if (parse_accept(p, T_RSQB)) {
        Node *n = parse_node(p, E_LIST, &open);
        parse_end_prev(p, n);
        return n;
    }
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (parse_at(p, T_FOR) || parse_at(p, T_ASYNC)) {
        if (first->kind == E_STARRED)
            return starred_comprehension(p, first);
        return comprehension(p, E_LISTCOMP, &open, first, NULL, T_RSQB);
    }
    return display_rest(p, E_LIST, &open, first, T_RSQB, 1);
}

/* Start of the line holding byte `pos` (a '\n', '\r' or "\r\n" ends a line). */
static size_t line_begin(const char *src, size_t pos)
{
    while (pos > 0 && src[pos - 1] != '\n' && src[pos - 1] != '\r')
        pos--;
    return pos;
}

/* "':' expected after dictionary key" for a key on lines first..last ending
 * at byte `end`. CPython puts it on the key's first line but at the byte
 * column where the key ends, turned into characters with the first line's
 * text (newline included) and clamped just past that line's end. */
static void key_colon_error(Parser *p, int first, int last, size_t end)
{
    const char *src = p->lx->src;
    size_t last_start = line_begin(src, end), ls = last_start;
    for (int i = first; i < last && ls > 0; i++) {
        ls--;
        if (src[ls] == '\n' && ls > 0 && src[ls - 1] == '\r')
            ls--;
        ls = line_begin(src, ls);
    }
    size_t len = 0;
    while (ls + len < p->lx->end && src[ls + len] != '\n' && src[ls + len] != '\r')
        len++;
    if (ls + len < p->lx->end)
        len++;                      /* the newline, as one character */
    size_t n = end - last_start;
    int col = 0;
    if (n > len) {
        n = len;
        col++;                      /* CPython counts the terminating NUL */
    }
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)src[ls + i] & 0xC0) != 0x80)
            col++;
    parse_err(p, DIAG_SYNTAX, first, col, "':' expected after dictionary key");
}

/* One "key: value" of a dict display, key already parsed. */
static int dict_value(Parser *p, Node *key, Vec *keys, Vec *vals, int first)
{
    if (!parse_at(p, T_COLON)) {
        if (first && (parse_juxta_error(p) || p->stop))
            return 0;
        key_colon_error(p, key->line, p->prev.end_line, p->prev.end);
        return 0;
    }
    Token colon = *parse_tok(p);
    parse_advance(p);
    if (parse_at(p, T_RBRACE) || parse_at(p, T_COMMA)) {
        parse_err_tok(p, &colon, "expression expected after dictionary key and ':'");
        return 0;
    }
    if (parse_at(p, T_STAR)) {
        Token s = *parse_tok(p);
        parse_advance(p);
        if (parse_probe(p, parse_bitor, NULL))
            parse_err_tok(p, &s, "cannot use a starred expression in a dictionary value");
        else
            parse_syntax_error_at(p, &s);
        return 0;
    }
    Node *v = parse_expr(p);
    if (!v)
        return 0;
    parse_push(p, keys, key);
    parse_push(p, vals, v);
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
            if (parse_at(p, T_FOR) || parse_at(p, T_ASYNC))
                return comprehension(p, E_DICTCOMP, open, keys.items[0], vals.items[0], T_RBRACE);
        } else if (parse_at(p, T_DOUBLESTAR)) {
            Token ds = *parse_tok(p);
            parse_advance(p);
            Node *v = parse_bitor(p);
            if (!v)
                return NULL;
            if (first && (parse_at(p, T_FOR) || parse_at(p, T_ASYNC))) {
                Token f = *parse_tok(p);
                if (parse_probe_comp(p) && !p->backed_off && parse_at(p, T_RBRACE))
                    parse_err_tok(p, &ds, "dict unpacking cannot be used in dict comprehension");
                else
                    parse_syntax_error_at(p, &f);
                return NULL;
            }
            parse_push(p, &keys, NULL);
            parse_push(p, &vals, v);
        } else {
            /* a later key: CPython reads the longest expression it can and
             * wants a ':' after it */
            Token kt = *parse_tok(p);
            TokKind kk = kt.kind;
            Node *k;
            if (kk == T_NAME || kk == T_NUMBER || kk == T_STRING || kk == T_TRUE ||
                kk == T_FALSE || kk == T_NONE) {
                if (!parse_probe_clean(p, parse_expr, &k) || p->backed_off) {
                    if (p->backed_off)
                        key_colon_error(p, kt.line, p->prev.end_line, p->prev.end);
                    else if (!p->stop)
                        key_colon_error(p, kt.line, kt.end_line, kt.end);
                    return NULL;
                }
            } else if (!(k = parse_expr(p))) {
                return NULL;
            }
            if (!dict_value(p, k, &keys, &vals, 0))
                return NULL;
        }
        first = 0;
        if (!parse_accept(p, T_COMMA) || parse_at(p, T_RBRACE))
            break;
    }
    if (!parse_accept(p, T_RBRACE)) {
        parse_syntax_error(p);
        return NULL;
    }
    Node *n = parse_node(p, E_DICT, open);
    n->l1 = parse_list(&keys);
    n->l2 = parse_list(&vals);
    parse_end_prev(p, n);
    return n;
}

static Node *brace_atom(Parser *p)
{
    Token open = *parse_tok(p);
    parse_advance(p);
    if (parse_accept(p, T_RBRACE)) {
        Node *n = parse_node(p, E_DICT, &open);
        parse_end_prev(p, n);
        return n;
    }
    if (parse_at(p, T_DOUBLESTAR))
        return dict_display(p, &open, NULL);
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (parse_at(p, T_COLON) && first->kind != E_STARRED)
        return dict_display(p, &open, first);
    if (parse_at(p, T_FOR) || parse_at(p, T_ASYNC)) {
        if (first->kind == E_STARRED)
            return starred_comprehension(p, first);
        return comprehension(p, E_SETCOMP, &open, first, NULL, T_RBRACE);
    }
    return display_rest(p, E_SET, &open, first, T_RBRACE, 1);
}

static Node *atom(Parser *p)
{
    const Token *t = parse_tok(p);
    Node *n;
    switch (t->kind) {
    case T_NAME:
        n = parse_node(p, E_NAME, t);
        n->name = parse_intern(p, p->lx->src + t->start, t->end - t->start);
        parse_advance(p);
        return n;
    case T_TRUE: case T_FALSE: case T_NONE:
        n = parse_node(p, t->kind == T_TRUE ? E_TRUE : t->kind == T_FALSE ? E_FALSE : E_NONE, t);
        parse_advance(p);
        return n;
    case T_ELLIPSIS:
        parse_late(p, DIAG_UNSUPPORTED, t->line, t->col, "'...' (Ellipsis) is not supported");
        n = parse_node(p, E_NONE, t);
        n->op = 1;
        parse_advance(p);
        return n;
    case T_NUMBER:
        n = parse_number(p, t);
        parse_advance(p);
        return p->stop ? NULL : n;
    case T_STRING:
        return parse_strings(p);
    case T_LPAR:
        return paren_atom(p);
    case T_LSQB:
        return list_atom(p);
    case T_LBRACE:
        return brace_atom(p);
    default:
        parse_syntax_error(p);
        return NULL;
    }
}

/* ---- named expressions ---- */

Node *parse_named_expr(Parser *p)
{
    if (parse_at(p, T_NAME) && parse_peek(p, 1)->kind == T_COLONEQUAL) {
        Token t = *parse_tok(p);
        parse_advance(p);
        parse_advance(p);
        parse_late(p, DIAG_UNSUPPORTED, t.line, t.col,
                   "assignment expressions (:=) are not supported");
        return parse_expr(p);
    }
    Node *e = parse_expr(p);
    if (!e)
        return NULL;
    if (parse_at(p, T_EQUAL)) {
        parse_check_named_assign(p, e);
        return NULL;
    }
    if (parse_at(p, T_COLONEQUAL)) {
        Token t = *parse_tok(p);
        parse_advance(p);
        if (parse_probe(p, parse_expr, NULL))
            parse_err_node(p, e, "cannot use assignment expressions with %s", parse_expr_name(e));
        else
            parse_syntax_error_at(p, &t);
        return NULL;
    }
    return e;
}

static Node *star_named_expression(Parser *p)
{
    return parse_at(p, T_STAR) ? parse_starred(p, parse_bitor) : parse_named_expr(p);
}

/* The same, leaving a following '=' to the caller. */
Node *parse_star_named_bare(Parser *p)
{
    return parse_at(p, T_STAR) ? parse_starred(p, parse_bitor) : parse_expr(p);
}
