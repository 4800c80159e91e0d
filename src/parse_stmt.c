/* parse_stmt: statements and blocks, with the messages CPython 3.11 gives
 * for malformed ones ("expected ':'", "expected an indented block after
 * ...", bad assignment targets, ...). */
#include "parse_impl.h"

#include <stdlib.h>
#include <string.h>

static void statement(Parser *p, Vec *out);
static void simple_stmts(Parser *p, Vec *out);

static Node *last_of(NodeList l) { return l.len ? l.items[l.len - 1] : NULL; }

static void end_with_block(Node *n, NodeList l)
{
    Node *last = last_of(l);
    if (last)
        parse_end_at(n, last);
}

/* The body after a header's ':': NEWLINE INDENT statements DEDENT, or
 * simple statements on the same line. what/line name the header for the
 * indentation message. */
static NodeList block(Parser *p, const char *what, int line)
{
    Vec v = {0};
    if (p->stop)
        return parse_list(&v);
    if (parse_accept(p, T_NEWLINE)) {
        if (!parse_at(p, T_INDENT)) {
            const Token *t = parse_tok(p);
            if (!p->stop)
                parse_err(p, DIAG_INDENT, t->err_line, t->err_col,
                          "expected an indented block after %s on line %d", what, line);
            return parse_list(&v);
        }
        parse_advance(p);
        while (!p->stop && !parse_at(p, T_DEDENT) && !parse_at(p, T_ENDMARKER))
            statement(p, &v);
        parse_accept(p, T_DEDENT);
    } else {
        simple_stmts(p, &v);
    }
    return parse_list(&v);
}

/* The ':' after a header that CPython requires outright ("&&':'"). */
static int forced_colon(Parser *p)
{
    if (parse_accept(p, T_COLON))
        return 1;
    parse_err_tok1(p, parse_tok(p), "expected ':'");
    return 0;
}

/* The ':' after a header where CPython only says "expected ':'" if the
 * line ends right there. */
static int colon(Parser *p)
{
    if (parse_accept(p, T_COLON))
        return 1;
    if (parse_at(p, T_NEWLINE))
        parse_err_tok(p, parse_tok(p), "expected ':'");
    else
        parse_syntax_error(p);
    return 0;
}

static NodeList else_block(Parser *p)
{
    Token e = *parse_tok(p);
    parse_advance(p);
    if (!forced_colon(p)) {
        NodeList none = {0};
        return none;
    }
    return block(p, "'else' statement", e.line);
}

/* ---- simple statements ---- */

static const char *dotted_name(Parser *p, const char *prefix)
{
    size_t cap = 64, len = strlen(prefix);
    char *buf = xmalloc(cap);
    memcpy(buf, prefix, len);
    for (;;) {
        const Token *t = parse_tok(p);
        if (t->kind != T_NAME) {
            free(buf);
            parse_syntax_error(p);
            return NULL;
        }
        size_t n = t->end - t->start;
        if (len + n + 2 > cap) {
            cap = (len + n + 2) * 2;
            buf = xrealloc(buf, cap);
        }
        memcpy(buf + len, p->lx->src + t->start, n);
        len += n;
        parse_advance(p);
        if (!parse_at(p, T_DOT))
            break;
        parse_advance(p);
        buf[len++] = '.';
    }
    const char *s = parse_intern(p, buf, len);
    free(buf);
    return s;
}

static const char *name_of(Parser *p)
{
    const Token *t = parse_tok(p);
    if (t->kind != T_NAME) {
        parse_syntax_error(p);
        return NULL;
    }
    const char *s = parse_intern(p, p->lx->src + t->start, t->end - t->start);
    parse_advance(p);
    return s;
}

/* name ['as' NAME], name dotted for "import". */
static Node *alias(Parser *p, int dotted)
{
    Node *n = parse_node(p, E_ALIAS, parse_tok(p));
    n->name = dotted ? dotted_name(p, "") : name_of(p);
    if (!n->name)
        return NULL;
    if (parse_accept(p, T_AS) && !(n->str = name_of(p)))
        return NULL;
    parse_end_prev(p, n);
    return n;
}

static Node *import_name(Parser *p, Node *n)
{
    Vec v = {0};
    do {
        Node *a = alias(p, 1);
        if (!a)
            return NULL;
        parse_push(p, &v, a);
    } while (parse_accept(p, T_COMMA));
    n->l1 = parse_list(&v);
    return n;
}

static Node *import_from(Parser *p, Node *n)
{
    char dots[64];
    size_t ndots = 0;
    for (;;) {
        size_t k = parse_at(p, T_DOT) ? 1 : parse_at(p, T_ELLIPSIS) ? 3 : 0;
        if (!k)
            break;
        parse_advance(p);
        while (k-- && ndots < sizeof dots - 1)
            dots[ndots++] = '.';
    }
    dots[ndots] = '\0';
    if (parse_at(p, T_IMPORT) && ndots)
        n->name = parse_intern(p, dots, ndots);
    else if (!(n->name = dotted_name(p, dots)))
        return NULL;
    if (!parse_accept(p, T_IMPORT)) {
        parse_syntax_error(p);
        return NULL;
    }
    Vec v = {0};
    if (parse_at(p, T_STAR)) {
        Node *a = parse_node(p, E_ALIAS, parse_tok(p));
        a->name = "*";
        parse_advance(p);
        parse_push(p, &v, a);
    } else {
        int paren = parse_accept(p, T_LPAR);
        for (;;) {
            Node *a = alias(p, 0);
            if (!a)
                return NULL;
            parse_push(p, &v, a);
            if (!parse_accept(p, T_COMMA))
                break;
            if (paren && parse_at(p, T_RPAR))
                break;
            if (!paren && parse_at(p, T_NEWLINE)) {
                parse_err_tok(p, parse_tok(p),
                              "trailing comma not allowed without surrounding parentheses");
                return NULL;
            }
        }
        if (paren && !parse_accept(p, T_RPAR)) {
            parse_syntax_error(p);
            return NULL;
        }
    }
    n->l1 = parse_list(&v);
    return n;
}

static Node *names_stmt(Parser *p, Node *n)
{
    Vec v = {0};
    do {
        const Token *t = parse_tok(p);
        if (t->kind != T_NAME) {
            parse_syntax_error(p);
            return NULL;
        }
        Node *e = parse_node(p, E_NAME, t);
        e->name = parse_intern(p, p->lx->src + t->start, t->end - t->start);
        parse_advance(p);
        parse_push(p, &v, e);
    } while (parse_accept(p, T_COMMA));
    n->l1 = parse_list(&v);
    return n;
}

/* CPython's rule for "x = ... = y" with an invalid target: the element
 * just before the first '=' followed by a bitwise-or expression and no
 * further '=' reads as a comparison gone wrong. t2 is what follows the
 * first '=' (followed itself by '=' if more_eq). Returns 1 if reported. */
static int assign_as_comparison(Parser *p, Node *first, Node *t2, int more_eq)
{
    Node *e = parse_bare_tuple(first) ? last_of(first->l1) : first;
    Node *s = parse_bare_tuple(t2) ? t2->l1.items[0] : t2, *pre = s;
    for (;;) {
        if (pre->kind == E_COMPARE)
            pre = pre->a;
        else if (pre->kind == E_BOOLOP)
            pre = pre->l1.items[0];
        else if (pre->kind == E_IFEXP)
            pre = pre->b;
        else
            break;
    }
    if (!parse_is_bitor(pre) || (pre == t2 && more_eq))
        return 0;
    if (e->kind == E_NAME)
        parse_err_node(p, e, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else if (parse_is_bitor(e) && !parse_starts_with_display(e))
        parse_err_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                       parse_expr_name(e));
    else
        return 0;
    return 1;
}

static void cannot_assign(Parser *p, const Node *target)
{
    const Node *bad = parse_invalid_target(target, TGT_STAR);
    parse_err_node(p, bad, "cannot assign to %s", parse_expr_name(bad));
}

static Node *value_expr(Parser *p)
{
    return parse_at(p, T_YIELD) ? parse_yield(p) : parse_star_exprs(p);
}

static Node *assignment(Parser *p, Node *first, const Token *st)
{
    if (parse_invalid_target(first, TGT_STAR)) {
        /* CPython's verdict only depends on what follows the first '=' */
        Node *e = parse_bare_tuple(first) ? last_of(first->l1) : first;
        parse_advance(p);
        if ((e->kind == E_NAME || (parse_is_bitor(e) && !parse_starts_with_display(e))) &&
            parse_probe(p, parse_bitor, NULL) &&
            (p->backed_off || (!parse_at(p, T_EQUAL) && !parse_at(p, T_COLONEQUAL)))) {
            if (e->kind == E_NAME)
                parse_err_node(p, e,
                               "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            else
                parse_err_node(p, e,
                               "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                               parse_expr_name(e));
            return NULL;
        }
        if (!p->stop)
            cannot_assign(p, first);
        return NULL;
    }
    Node *n = parse_node(p, S_ASSIGN, st);
    Vec targets = {0};
    parse_push(p, &targets, first);
    for (;;) {
        parse_advance(p); /* '=' */
        TokKind k = parse_tok(p)->kind;
        Node *v = value_expr(p);
        if (!v) {
            /* nothing there parses at all: CPython's second pass then
             * reads "first = second" as a comparison gone wrong */
            Shared *sh = p->sh;
            if (targets.len > 1 && sh->err.set && !sh->err_final && !sh->err_pass1 &&
                strcmp(sh->err.msg, "invalid syntax") == 0 && k != T_NAME && k != T_NUMBER &&
                k != T_STRING && k != T_TRUE && k != T_FALSE && k != T_NONE) {
                Diag saved = sh->err;
                sh->err.set = 0;
                if (!assign_as_comparison(p, first, targets.items[1], 1))
                    sh->err = saved;
            }
            return NULL;
        }
        if (!parse_at(p, T_EQUAL)) {
            n->a = v;
            break;
        }
        if (parse_invalid_target(v, TGT_STAR)) {
            if (!assign_as_comparison(p, first, targets.len > 1 ? targets.items[1] : v, 1))
                cannot_assign(p, v);
            return NULL;
        }
        parse_push(p, &targets, v);
    }
    n->l1 = parse_list(&targets);
    parse_end_prev(p, n);
    return n;
}

static int aug_op(TokKind k)
{
    switch (k) {
    case T_PLUSEQUAL: return OP_ADD;
    case T_MINEQUAL: return OP_SUB;
    case T_STAREQUAL: return OP_MUL;
    case T_SLASHEQUAL: return OP_TRUEDIV;
    case T_DOUBLESLASHEQUAL: return OP_FLOORDIV;
    case T_PERCENTEQUAL: return OP_MOD;
    case T_DOUBLESTAREQUAL: return OP_POW;
    case T_LSHIFTEQUAL: return OP_LSHIFT;
    case T_RSHIFTEQUAL: return OP_RSHIFT;
    case T_AMPEREQUAL: return OP_AND_BITS;
    case T_VBAREQUAL: return OP_OR_BITS;
    case T_CIRCUMFLEXEQUAL: return OP_XOR;
    case T_ATEQUAL: return OP_MATMUL;
    default: return -1;
    }
}

static Node *aug_assignment(Parser *p, Node *target, int op, const Token *st)
{
    Token optok = *parse_tok(p);
    parse_advance(p);
    if (target->kind != E_NAME && target->kind != E_ATTR && target->kind != E_SUBSCRIPT) {
        if (parse_probe(p, value_expr, NULL))
            parse_err_node(p, target, "'%s' is an illegal expression for augmented assignment",
                           parse_expr_name(target));
        else
            parse_syntax_error_at(p, &optok);
        return NULL;
    }
    Node *v = value_expr(p);
    if (!v)
        return NULL;
    Node *n = parse_node(p, S_AUGASSIGN, st);
    n->op = op;
    n->a = target;
    n->b = v;
    parse_end_prev(p, n);
    return n;
}

/* "x: int = 1": parsed, checked as CPython does, then refused. */
static Node *annotated(Parser *p, Node *target, const Token *st)
{
    Token c = *parse_tok(p);
    parse_advance(p);
    if (target->kind == E_STARRED) {
        parse_syntax_error_at(p, &c);
        return NULL;
    }
    if (target->kind != E_NAME && target->kind != E_ATTR && target->kind != E_SUBSCRIPT) {
        /* CPython's first pass stops at the ':'; its second reads on */
        if (!parse_probe(p, parse_expr, NULL)) {
            parse_syntax_error_at(p, &c);
            return NULL;
        }
    } else if (!parse_expr(p)) {
        return NULL;
    }
    if (parse_bare_tuple(target)) {
        parse_err_node(p, target->l1.items[0], "only single target (not tuple) can be annotated");
        return NULL;
    }
    if (target->kind == E_LIST || target->kind == E_TUPLE) {
        parse_err_node(p, target, "only single target (not %s) can be annotated",
                       parse_expr_name(target));
        return NULL;
    }
    if (target->kind != E_NAME && target->kind != E_ATTR && target->kind != E_SUBSCRIPT) {
        parse_err_node(p, target, "illegal target for annotation");
        return NULL;
    }
    parse_late(p, DIAG_UNSUPPORTED, c.line, c.col, "annotations are not supported");
    if (parse_accept(p, T_EQUAL) && !value_expr(p))
        return NULL;
    Node *n = parse_node(p, S_EXPR, st);
    n->a = target;
    parse_end_prev(p, n);
    return n;
}

static int is_name_tok(Parser *p, const Token *t, const char *s)
{
    size_t n = strlen(s);
    return t->kind == T_NAME && t->end - t->start == n && memcmp(p->lx->src + t->start, s, n) == 0;
}

/* "a, b c = 1, 2": after a comma, CPython's second pass reads on past the
 * missing comma, and an element followed by '=' gets the comparison
 * message. Called at the juxtaposition; reports the error either way. */
static void tuple_juxtaposed(Parser *p)
{
    Token stop = *parse_tok(p);
    if (stop.kind == T_NOT && p->operand_end == p->idx && parse_peek(p, 1)->kind != T_IN)
        stop = *parse_peek(p, 1); /* CPython looked past the 'not' for "not in" */
    Snapshot *snap = xmalloc(sizeof *snap);
    parse_save(p, snap);
    int done = parse_juxta_error(p) || p->stop;
    if (!done)
        parse_restore(p, snap);
    free(snap);
    if (done)
        return;
    for (;;) {
        Node *el;
        if (!parse_probe(p, parse_star_named_bare, &el) || p->backed_off)
            break;
        if (parse_at(p, T_EQUAL)) {
            if (parse_named_assign_msg(p, el) || p->stop)
                return;
            break;
        }
        if (!parse_accept(p, T_COMMA) && !parse_can_start_expr(parse_tok(p)->kind) &&
            !parse_at(p, T_STAR))
            break;
    }
    if (!p->stop)
        parse_syntax_error_at(p, &stop);
}

static Node *expr_stmt(Parser *p)
{
    Token first = *parse_tok(p);
    Node *e = parse_star_exprs(p);
    if (!e)
        return NULL;
    if (parse_bare_tuple(e) && (parse_can_start_expr(parse_tok(p)->kind) || parse_at(p, T_STAR))) {
        tuple_juxtaposed(p);
        return NULL;
    }
    if (parse_at(p, T_COLONEQUAL)) {
        /* "x := 1" as a statement: CPython's second pass still reads the
         * value, with all its rules */
        Token w = *parse_tok(p);
        parse_advance(p);
        if (parse_probe(p, parse_expr, NULL) && e->kind != E_NAME && !parse_bare_tuple(e))
            parse_err_node(p, e, "cannot use assignment expressions with %s", parse_expr_name(e));
        else if (!p->stop)
            parse_syntax_error_at(p, &w);
        return NULL;
    }
    if (parse_at(p, T_EQUAL))
        return assignment(p, e, &first);
    int op = aug_op(parse_tok(p)->kind);
    if (op >= 0)
        return aug_assignment(p, e, op, &first);
    if (parse_at(p, T_COLON)) {
        if (is_name_tok(p, &first, "match")) {
            parse_err(p, DIAG_UNSUPPORTED, first.line, first.col,
                      "match statements are not supported");
            return NULL;
        }
        return annotated(p, e, &first);
    }
    Node *n = parse_node(p, S_EXPR, &first);
    n->a = e;
    parse_end_prev(p, n);
    return n;
}

static Node *simple_stmt(Parser *p)
{
    const Token *t = parse_tok(p);
    Node *n;
    switch (t->kind) {
    case T_PASS: case T_BREAK: case T_CONTINUE:
        n = parse_node(p, t->kind == T_PASS ? S_PASS : t->kind == T_BREAK ? S_BREAK : S_CONTINUE,
                       t);
        parse_advance(p);
        return n;
    case T_RETURN:
        n = parse_node(p, S_RETURN, t);
        parse_advance(p);
        if ((parse_can_start_expr(parse_tok(p)->kind) || parse_at(p, T_STAR))
            && !(n->a = parse_star_exprs(p)))
            return NULL;
        break;
    case T_RAISE:
        n = parse_node(p, S_RAISE, t);
        parse_advance(p);
        if (parse_can_start_expr(parse_tok(p)->kind)) {
            if (!(n->a = parse_expr(p)))
                return NULL;
            if (parse_accept(p, T_FROM) && !(n->b = parse_expr(p)))
                return NULL;
        }
        break;
    case T_GLOBAL: case T_NONLOCAL:
        n = parse_node(p, t->kind == T_GLOBAL ? S_GLOBAL : S_NONLOCAL, t);
        parse_advance(p);
        if (!names_stmt(p, n))
            return NULL;
        break;
    case T_DEL: {
        n = parse_node(p, S_DEL, t);
        parse_advance(p);
        Node *targets = parse_targets(p, TGT_DEL);
        if (!targets)
            return NULL;
        if (parse_bare_tuple(targets)) {
            n->l1 = targets->l1;
        } else {
            Vec v = {0};
            parse_push(p, &v, targets);
            n->l1 = parse_list(&v);
        }
        break;
    }
    case T_ASSERT:
        n = parse_node(p, S_ASSERT, t);
        parse_advance(p);
        if (!(n->a = parse_expr(p)))
            return NULL;
        if (parse_accept(p, T_COMMA) && !(n->b = parse_expr(p)))
            return NULL;
        break;
    case T_IMPORT:
        n = parse_node(p, S_IMPORT, t);
        parse_advance(p);
        if (!import_name(p, n))
            return NULL;
        break;
    case T_FROM:
        n = parse_node(p, S_IMPORTFROM, t);
        parse_advance(p);
        if (!import_from(p, n))
            return NULL;
        break;
    case T_YIELD:
        n = parse_node(p, S_EXPR, t);
        if (!(n->a = parse_yield(p)))
            return NULL;
        break;
    default:
        return expr_stmt(p);
    }
    parse_end_prev(p, n);
    return n;
}

static void simple_stmts(Parser *p, Vec *out)
{
    for (;;) {
        Node *s = simple_stmt(p);
        if (!s)
            return;
        parse_push(p, out, s);
        if (parse_accept(p, T_SEMI)) {
            if (parse_accept(p, T_NEWLINE))
                return;
            continue;
        }
        if (parse_accept(p, T_NEWLINE))
            return;
        parse_syntax_error(p);
        return;
    }
}

/* ---- compound statements ---- */

/* The test of if/elif/while and its ':'. */
static Node *condition(Parser *p)
{
    Node *e = parse_named_expr(p);
    return e && colon(p) ? e : NULL;
}

static Node *if_stmt(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, S_IF, &t), *cur = n;
    if (!(n->a = condition(p)))
        return NULL;
    n->l1 = block(p, "'if' statement", t.line);
    NodeList tail = n->l1;
    while (!p->stop && parse_at(p, T_ELIF)) {
        Token e = *parse_tok(p);
        parse_advance(p);
        Node *m = parse_node(p, S_IF, &e);
        if (!(m->a = condition(p)))
            return NULL;
        m->l1 = block(p, "'elif' statement", e.line);
        Vec one = {0};
        parse_push(p, &one, m);
        cur->l2 = parse_list(&one);
        cur = m;
        tail = m->l1;
    }
    if (!p->stop && parse_at(p, T_ELSE)) {
        cur->l2 = else_block(p);
        tail = cur->l2;
    }
    if (p->stop)
        return NULL;
    for (Node *m = n;; m = m->l2.items[0]) {
        end_with_block(m, tail);
        if (m == cur)
            break;
    }
    return n;
}

static Node *while_stmt(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, S_WHILE, &t);
    if (!(n->a = condition(p)))
        return NULL;
    n->l1 = block(p, "'while' statement", t.line);
    end_with_block(n, n->l1);
    if (!p->stop && parse_at(p, T_ELSE)) {
        n->l2 = else_block(p);
        end_with_block(n, n->l2);
    }
    return p->stop ? NULL : n;
}

static Node *for_stmt(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, S_FOR, &t);
    if (!(n->a = parse_targets(p, TGT_FOR)))
        return NULL;
    parse_advance(p); /* 'in' */
    if (!(n->b = parse_star_exprs(p)) || !colon(p))
        return NULL;
    n->l1 = block(p, "'for' statement", t.line);
    end_with_block(n, n->l1);
    if (!p->stop && parse_at(p, T_ELSE)) {
        n->l2 = else_block(p);
        end_with_block(n, n->l2);
    }
    return p->stop ? NULL : n;
}

/* ", more, types [as NAME] :" after "except E": CPython then asks for
 * parentheses. */
static Node *except_tail(Parser *p)
{
    if (!parse_accept(p, T_COMMA) || !parse_expr(p))
        return NULL;
    while (parse_accept(p, T_COMMA) && parse_can_start_expr(parse_tok(p)->kind))
        if (!parse_expr(p))
            return NULL;
    if (parse_accept(p, T_AS) && !name_of(p))
        return NULL;
    if (!parse_at(p, T_COLON)) {
        parse_syntax_error(p);
        return NULL;
    }
    return parse_node(p, E_NONE, parse_tok(p));
}

static Node *handler(Parser *p)
{
    Token e = *parse_tok(p);
    parse_advance(p);
    const char *what = "'except' statement";
    if (parse_at(p, T_STAR)) {
        parse_late(p, DIAG_UNSUPPORTED, e.line, e.col, "'except*' is not supported");
        parse_advance(p);
        what = "'except*' statement";
    }
    Node *h = parse_node(p, S_HANDLER, &e);
    if (!parse_at(p, T_COLON) && !parse_at(p, T_NEWLINE)) {
        if (!(h->a = parse_expr(p)))
            return NULL;
        if (parse_at(p, T_COMMA)) {
            Token c = *parse_tok(p);
            if (parse_probe(p, except_tail, NULL))
                parse_err_node(p, h->a, "multiple exception types must be parenthesized");
            else
                parse_syntax_error_at(p, &c);
            return NULL;
        }
        if (parse_accept(p, T_AS) && !(h->name = name_of(p)))
            return NULL;
    }
    if (!colon(p))
        return NULL;
    h->l1 = block(p, what, e.line);
    end_with_block(h, h->l1);
    return p->stop ? NULL : h;
}

static Node *try_stmt(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, S_TRY, &t);
    if (!forced_colon(p))
        return NULL;
    n->l1 = block(p, "'try' statement", t.line);
    end_with_block(n, n->l1);
    Vec hs = {0};
    while (!p->stop && parse_at(p, T_EXCEPT)) {
        Node *h = handler(p);
        if (!h)
            return NULL;
        parse_push(p, &hs, h);
        parse_end_at(n, h);
    }
    n->l2 = parse_list(&hs);
    if (!p->stop && hs.len && parse_at(p, T_ELSE)) {
        n->l3 = else_block(p);
        end_with_block(n, n->l3);
    }
    if (!p->stop && parse_at(p, T_FINALLY)) {
        Token f = *parse_tok(p);
        parse_advance(p);
        if (!forced_colon(p))
            return NULL;
        n->l4 = block(p, "'finally' statement", f.line);
        end_with_block(n, n->l4);
    } else if (!p->stop && !hs.len) {
        parse_err_tok(p, parse_tok(p), "expected 'except' or 'finally' block");
    }
    return p->stop ? NULL : n;
}

/* One "expression [as target]" of a with statement; the items are not
 * kept (S_WITH is refused by the compiler), only checked. */
static int with_target(Parser *p)
{
    if (!parse_accept(p, T_AS))
        return 1;
    Node *t = parse_expr(p);
    if (!t)
        return 0;
    if (parse_invalid_target(t, TGT_STAR) && (parse_at(p, T_COMMA) || parse_at(p, T_RPAR)
                                              || parse_at(p, T_COLON))) {
        cannot_assign(p, t);
        return 0;
    }
    return 1;
}

static Node *with_stmt(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, S_WITH, &t);
    int more = 1;
    if (parse_at(p, T_LPAR)) {
        /* "with (a as b, c):" or an expression that starts with '(' */
        Token open = *parse_tok(p);
        parse_advance(p);
        Vec items = {0};
        int has_as = 0;
        for (;;) {
            Node *e = parse_named_expr(p);
            if (!e)
                return NULL;
            parse_push(p, &items, e);
            if (parse_at(p, T_AS)) {
                has_as = 1;
                if (!with_target(p))
                    return NULL;
            }
            if (!parse_accept(p, T_COMMA) || parse_at(p, T_RPAR))
                break;
        }
        if (!parse_accept(p, T_RPAR)) {
            parse_syntax_error(p);
            return NULL;
        }
        more = 0;
        if (!parse_at(p, T_COLON) && !has_as) {
            Node *g = items.items[0];
            if (items.len > 1) {
                g = parse_node(p, E_TUPLE, &open);
                g->l1 = parse_list(&items);
                parse_end_prev(p, g);
            }
            if (!parse_resume(p, g, 0) || !with_target(p))
                return NULL;
            more = parse_accept(p, T_COMMA);
        }
    }
    while (more) {
        if (!parse_expr(p) || !with_target(p))
            return NULL;
        more = parse_accept(p, T_COMMA);
    }
    if (!colon(p))
        return NULL;
    n->l1 = block(p, "'with' statement", t.line);
    end_with_block(n, n->l1);
    return p->stop ? NULL : n;
}

static Node *def_stmt(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, S_DEF, &t);
    if (!(n->name = name_of(p)))
        return NULL;
    if (!parse_at(p, T_LPAR)) {
        parse_err_tok1(p, parse_tok(p), "expected '('");
        return NULL;
    }
    parse_advance(p);
    Vec params = {0};
    if (!parse_at(p, T_RPAR) && !parse_params(p, 0, T_RPAR, &params))
        return NULL;
    if (!parse_accept(p, T_RPAR)) {
        parse_syntax_error(p);
        return NULL;
    }
    n->l1 = parse_list(&params);
    if (parse_at(p, T_RARROW)) {
        Token a = *parse_tok(p);
        parse_advance(p);
        if (!parse_probe_clean(p, parse_expr, NULL)) {
            /* the optional "-> expr" fails: CPython then wants the ':' there */
            if (!p->stop)
                parse_err_tok1(p, &a, "expected ':'");
            return NULL;
        }
        parse_late(p, DIAG_UNSUPPORTED, a.line, a.col, "annotations are not supported");
    }
    if (!forced_colon(p))
        return NULL;
    n->l2 = block(p, "function definition", t.line);
    end_with_block(n, n->l2);
    return p->stop ? NULL : n;
}

static Node *class_stmt(Parser *p)
{
    Token t = *parse_tok(p);
    parse_advance(p);
    Node *n = parse_node(p, S_CLASS, &t);
    if (!(n->name = name_of(p)))
        return NULL;
    if (parse_at(p, T_LPAR)) {
        Token open = *parse_tok(p);
        parse_advance(p);
        Vec bases = {0}, kws = {0};
        if (!parse_args(p, 1, &open, &bases, &kws))
            return NULL;
        n->l1 = parse_list(&bases);
        n->l3 = parse_list(&kws);
    }
    if (!colon(p))
        return NULL;
    n->l2 = block(p, "class definition", t.line);
    end_with_block(n, n->l2);
    return p->stop ? NULL : n;
}

static Node *compound(Parser *p)
{
    switch (parse_tok(p)->kind) {
    case T_IF: return if_stmt(p);
    case T_WHILE: return while_stmt(p);
    case T_FOR: return for_stmt(p);
    case T_TRY: return try_stmt(p);
    case T_WITH: return with_stmt(p);
    case T_DEF: return def_stmt(p);
    case T_CLASS: return class_stmt(p);
    default: return NULL;
    }
}

static Node *async_stmt(Parser *p)
{
    Token a = *parse_tok(p);
    parse_advance(p);
    TokKind k = parse_tok(p)->kind;
    if (k != T_DEF && k != T_FOR && k != T_WITH) {
        parse_syntax_error(p);
        return NULL;
    }
    parse_late(p, DIAG_UNSUPPORTED, a.line, a.col, "'async' is not supported");
    return compound(p);
}

static Node *decorated(Parser *p)
{
    Token at_tok = *parse_tok(p);
    while (parse_accept(p, T_AT)) {
        if (!parse_named_expr(p))
            return NULL;
        if (!parse_accept(p, T_NEWLINE)) {
            parse_syntax_error(p);
            return NULL;
        }
    }
    parse_late(p, DIAG_UNSUPPORTED, at_tok.line, at_tok.col, "decorators are not supported");
    if (parse_at(p, T_DEF) || parse_at(p, T_CLASS))
        return compound(p);
    if (parse_at(p, T_ASYNC))
        return async_stmt(p);
    parse_syntax_error(p);
    return NULL;
}

/* "match x:" starts a match statement in Python 3.10+; MiniPy has none.
 * ("match" alone is an ordinary name.) */
static int match_stmt(Parser *p)
{
    const Token *t = parse_tok(p);
    if (!is_name_tok(p, t, "match"))
        return 0;
    switch (parse_peek(p, 1)->kind) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_LBRACE: case T_TILDE:
    case T_NONE: case T_TRUE: case T_FALSE: case T_NOT: case T_LAMBDA:
        t = parse_tok(p);
        parse_err(p, DIAG_UNSUPPORTED, t->line, t->col, "match statements are not supported");
        return 1;
    default:
        return 0;
    }
}

static void statement(Parser *p, Vec *out)
{
    Node *n;
    switch (parse_tok(p)->kind) {
    case T_IF: case T_WHILE: case T_FOR: case T_TRY: case T_WITH: case T_DEF: case T_CLASS:
        n = compound(p);
        break;
    case T_AT:
        n = decorated(p);
        break;
    case T_ASYNC:
        n = async_stmt(p);
        break;
    default:
        if (!match_stmt(p))
            simple_stmts(p, out);
        return;
    }
    if (n)
        parse_push(p, out, n);
}

void parse_file_input(Parser *p, Vec *body)
{
    while (!p->stop && !parse_at(p, T_ENDMARKER))
        statement(p, body);
}
