/* Unit tests for the lexer and parser: tree shapes and positions, the
 * first error of bad programs (kind, line, column, words), the checks
 * CPython's compiler makes, and inputs meant to break things. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#endif

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "diag.h"
#include "lex.h"
#include "parse.h"

/* ---- helpers ---- */

static Ast *ok(const char *src)
{
    Diag d = {0};
    Ast *a = parse_program(src, strlen(src), &d);
    ck_assert_msg(a != NULL, "unexpected error %d:%d: %s", d.line, d.col, d.msg);
    ck_assert(!d.set);
    return a;
}

static void err_n(const char *src, size_t len, DiagKind kind, int line, int col, const char *msg)
{
    Diag d = {0};
    Ast *a = parse_program(src, len, &d);
    ck_assert_msg(a == NULL, "expected an error for %s", src);
    ck_assert(d.set);
    ck_assert_msg(d.kind == kind, "kind %d, expected %d (%s)", d.kind, kind, d.msg);
    ck_assert_str_eq(d.msg, msg);
    ck_assert_int_eq(d.line, line);
    if (col)
        ck_assert_int_eq(d.col, col);
}

static void err(const char *src, DiagKind kind, int line, int col, const char *msg)
{
    err_n(src, strlen(src), kind, line, col, msg);
}

static void syn(const char *src, int line, int col, const char *msg)
{
    err(src, DIAG_SYNTAX, line, col, msg);
}

static void pos(const Node *n, int line, int col, int end_line, int end_col)
{
    ck_assert_msg(n->line == line && n->col == col && n->end_line == end_line &&
                      n->end_col == end_col,
                  "%s at %d:%d-%d:%d, expected %d:%d-%d:%d", ast_kind_name(n->kind), n->line,
                  n->col, n->end_line, n->end_col, line, col, end_line, end_col);
}

static const Node *stmt(const Ast *a, int i)
{
    ck_assert_int_gt(a->body.len, i);
    return a->body.items[i];
}

/* Any error at all; the input is one that must not crash the parser. */
static void any_error(const char *src, size_t len)
{
    Diag d = {0};
    Ast *a = parse_program(src, len, &d);
    ck_assert(a == NULL);
    ck_assert(d.set);
    ck_assert_int_ge(d.line, 1);
    ck_assert_int_ge(d.col, 1);
}

static char *repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * n + tl + 1);
    memcpy(s, head, hl);
    for (size_t i = 0; i < n; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * n, tail, tl);
    s[hl + ul * n + tl] = '\0';
    *len = hl + ul * n + tl;
    return s;
}

/* ---- trees ---- */

START_TEST(tree_assign_and_call)
{
    Ast *a = ok("x = 1\nprint(x + 2 * 3)\n");
    const Node *s = stmt(a, 0);
    ck_assert_int_eq(s->kind, S_ASSIGN);
    pos(s, 1, 1, 1, 6);
    ck_assert_int_eq(s->l1.len, 1);
    ck_assert_int_eq(s->l1.items[0]->kind, E_NAME);
    ck_assert_str_eq(s->l1.items[0]->name, "x");
    ck_assert_int_eq(s->a->kind, E_INT);
    ck_assert_int_eq(s->a->ival, 1);
    const Node *call = stmt(a, 1)->a;
    ck_assert_int_eq(call->kind, E_CALL);
    pos(call, 2, 1, 2, 17);
    ck_assert_str_eq(call->a->name, "print");
    const Node *sum = call->l1.items[0];
    ck_assert_int_eq(sum->kind, E_BINOP);
    ck_assert_int_eq(sum->op, OP_ADD);
    ck_assert_int_eq(sum->b->op, OP_MUL);
    pos(sum->b, 2, 11, 2, 16);
    ast_free(a);
}
END_TEST

START_TEST(tree_precedence)
{
    Ast *a = ok("a = -2 ** 2\nb = not x == y\nc = x < y <= z\nd = p or q and r\ne = 2 ** 3 ** 2\n"
                "f = a if b else c if d else e\n");
    const Node *neg = stmt(a, 0)->a; /* -(2 ** 2) */
    ck_assert_int_eq(neg->kind, E_UNARY);
    ck_assert_int_eq(neg->op, OP_NEG);
    ck_assert_int_eq(neg->a->op, OP_POW);
    const Node *inv = stmt(a, 1)->a; /* not (x == y) */
    ck_assert_int_eq(inv->op, OP_NOT);
    ck_assert_int_eq(inv->a->kind, E_COMPARE);
    const Node *chain = stmt(a, 2)->a;
    ck_assert_int_eq(chain->kind, E_COMPARE);
    ck_assert_int_eq(chain->l1.len, 2);
    ck_assert_int_eq(chain->ops[0], CMP_LT);
    ck_assert_int_eq(chain->ops[1], CMP_LE);
    const Node *bo = stmt(a, 3)->a; /* p or (q and r) */
    ck_assert_int_eq(bo->op, OP_OR);
    ck_assert_int_eq(bo->l1.items[1]->op, OP_AND);
    const Node *pw = stmt(a, 4)->a; /* 2 ** (3 ** 2) */
    ck_assert_int_eq(pw->b->kind, E_BINOP);
    ck_assert_int_eq(pw->a->kind, E_INT);
    const Node *ife = stmt(a, 5)->a;
    ck_assert_int_eq(ife->kind, E_IFEXP);
    ck_assert_str_eq(ife->b->name, "a");
    ck_assert_str_eq(ife->a->name, "b");
    ck_assert_int_eq(ife->c->kind, E_IFEXP);
    ast_free(a);
}
END_TEST

START_TEST(tree_parens_stretch_parents)
{
    /* positions as CPython's: a parenthesized operand widens its parent */
    Ast *a = ok("x = (1 << 16) - 1\ny = (a).b\n");
    const Node *sub = stmt(a, 0)->a;
    pos(sub, 1, 5, 1, 18);
    pos(sub->a, 1, 6, 1, 13);
    const Node *attr = stmt(a, 1)->a;
    pos(attr, 2, 5, 2, 10);
    pos(attr->a, 2, 6, 2, 7);
    ast_free(a);
}
END_TEST

START_TEST(tree_targets)
{
    Ast *a = ok("a, *b = c = x\nfor k, v in d.items(): pass\ndel a[0], b.c, d\nx += 1\n");
    const Node *s = stmt(a, 0);
    ck_assert_int_eq(s->l1.len, 2);
    const Node *t = s->l1.items[0];
    ck_assert_int_eq(t->kind, E_TUPLE);
    ck_assert_int_eq(t->l1.items[1]->kind, E_STARRED);
    ck_assert_str_eq(s->l1.items[1]->name, "c");
    const Node *f = stmt(a, 1);
    ck_assert_int_eq(f->kind, S_FOR);
    ck_assert_int_eq(f->a->kind, E_TUPLE);
    ck_assert_int_eq(f->b->kind, E_CALL);
    ck_assert_int_eq(f->l1.items[0]->kind, S_PASS);
    const Node *d = stmt(a, 2);
    ck_assert_int_eq(d->kind, S_DEL);
    ck_assert_int_eq(d->l1.len, 3);
    ck_assert_int_eq(d->l1.items[0]->kind, E_SUBSCRIPT);
    ck_assert_int_eq(d->l1.items[1]->kind, E_ATTR);
    const Node *aug = stmt(a, 3);
    ck_assert_int_eq(aug->kind, S_AUGASSIGN);
    ck_assert_int_eq(aug->op, OP_ADD);
    ast_free(a);
}
END_TEST

START_TEST(tree_subscripts)
{
    Ast *a = ok("a[1:2, ::3]\na[x]\na[:]\na[*b]\n");
    const Node *s = stmt(a, 0)->a;
    ck_assert_int_eq(s->kind, E_SUBSCRIPT);
    ck_assert_int_eq(s->b->kind, E_TUPLE);
    const Node *sl = s->b->l1.items[0];
    ck_assert_int_eq(sl->kind, E_SLICE);
    ck_assert_int_eq(sl->a->ival, 1);
    ck_assert_int_eq(sl->b->ival, 2);
    ck_assert_ptr_null(sl->c);
    ck_assert_int_eq(s->b->l1.items[1]->c->ival, 3);
    ck_assert_int_eq(stmt(a, 1)->a->b->kind, E_NAME);
    const Node *all = stmt(a, 2)->a->b;
    ck_assert_int_eq(all->kind, E_SLICE);
    pos(all, 3, 3, 3, 4);
    ck_assert_int_eq(stmt(a, 3)->a->b->kind, E_TUPLE);
    ast_free(a);
}
END_TEST

START_TEST(tree_calls)
{
    Ast *a = ok("f(a, *b, c=1, **d)\nsum(x for x in l)\nf(a=1, *b)\n");
    const Node *c = stmt(a, 0)->a;
    ck_assert_int_eq(c->l1.len, 2);
    ck_assert_int_eq(c->l1.items[1]->kind, E_STARRED);
    ck_assert_int_eq(c->l2.len, 2);
    ck_assert_str_eq(c->l2.items[0]->name, "c");
    ck_assert_ptr_null(c->l2.items[1]->name);
    pos(c->l2.items[1], 1, 15, 1, 18);
    const Node *g = stmt(a, 1)->a->l1.items[0];
    ck_assert_int_eq(g->kind, E_GENEXP);
    pos(g, 2, 4, 2, 18); /* the call's parentheses, as CPython */
    ck_assert_int_eq(g->l1.items[0]->kind, E_COMPFOR);
    ck_assert_int_eq(stmt(a, 2)->a->l1.items[0]->kind, E_STARRED);
    ast_free(a);
}
END_TEST

START_TEST(tree_displays)
{
    Ast *a = ok("x = [1, *a]\ny = {**d, 'k': 2}\nz = {1, 2}\nt = (1,)\ne = ()\n"
                "c = {k: v for k, v in p if k if v}\nl = [i for a in b for i in a]\n");
    ck_assert_int_eq(stmt(a, 0)->a->kind, E_LIST);
    const Node *d = stmt(a, 1)->a;
    ck_assert_int_eq(d->kind, E_DICT);
    ck_assert_ptr_null(d->l1.items[0]);
    ck_assert_int_eq(d->l2.items[0]->kind, E_NAME);
    ck_assert_int_eq(d->l1.items[1]->kind, E_STR);
    ck_assert_int_eq(stmt(a, 2)->a->kind, E_SET);
    const Node *t = stmt(a, 3)->a;
    ck_assert_int_eq(t->kind, E_TUPLE);
    ck_assert_int_eq(t->op, 0);
    pos(t, 4, 5, 4, 9);
    ck_assert_int_eq(stmt(a, 4)->a->l1.len, 0);
    const Node *dc = stmt(a, 5)->a;
    ck_assert_int_eq(dc->kind, E_DICTCOMP);
    ck_assert_int_eq(dc->l1.items[0]->l1.len, 2);
    ck_assert_int_eq(stmt(a, 6)->a->l1.len, 2);
    ast_free(a);
}
END_TEST

START_TEST(tree_compound)
{
    Ast *a = ok("if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n"
                "while c:\n    break\nelse:\n    pass\n"
                "try:\n    f()\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\n"
                "finally:\n    pass\n");
    const Node *i = stmt(a, 0);
    ck_assert_int_eq(i->kind, S_IF);
    pos(i, 1, 1, 6, 10);
    const Node *elif = i->l2.items[0];
    ck_assert_int_eq(elif->kind, S_IF);
    pos(elif, 3, 1, 6, 10);
    ck_assert_int_eq(elif->l2.items[0]->kind, S_ASSIGN);
    const Node *w = stmt(a, 1);
    ck_assert_int_eq(w->l1.items[0]->kind, S_BREAK);
    ck_assert_int_eq(w->l2.len, 1);
    const Node *t = stmt(a, 2);
    ck_assert_int_eq(t->kind, S_TRY);
    ck_assert_int_eq(t->l2.len, 2);
    ck_assert_str_eq(t->l2.items[0]->name, "e");
    ck_assert_ptr_null(t->l2.items[1]->a);
    ck_assert_int_eq(t->l3.len, 1);
    ck_assert_int_eq(t->l4.len, 1);
    ast_free(a);
}
END_TEST

START_TEST(tree_functions_and_classes)
{
    Ast *a = ok("def f(a, b=1, *args, c, d=2, **kw):\n    return a\n"
                "class C(Base, metaclass=M):\n    x = 1\n    def m(self):\n        super().__init__()\n"
                "g = lambda x, *y: x\n");
    const Node *f = stmt(a, 0);
    ck_assert_int_eq(f->kind, S_DEF);
    ck_assert_str_eq(f->name, "f");
    ck_assert_int_eq(f->l1.len, 6);
    int kinds[] = {PARAM_PLAIN, PARAM_PLAIN, PARAM_STAR, PARAM_KWONLY, PARAM_KWONLY, PARAM_DSTAR};
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(f->l1.items[i]->op, kinds[i]);
    ck_assert_int_eq(f->l1.items[1]->a->ival, 1);
    pos(f->l1.items[2], 1, 16, 1, 20);
    ck_assert_int_eq(f->l2.items[0]->kind, S_RETURN);
    const Node *c = stmt(a, 1);
    ck_assert_int_eq(c->kind, S_CLASS);
    ck_assert_int_eq(c->l1.len, 1);
    ck_assert_int_eq(c->l3.len, 1);
    ck_assert_str_eq(c->l3.items[0]->name, "metaclass");
    ck_assert_int_eq(c->l2.len, 2);
    const Node *l = stmt(a, 2)->a;
    ck_assert_int_eq(l->kind, E_LAMBDA);
    ck_assert_int_eq(l->l1.len, 2);
    ck_assert_int_eq(l->l1.items[1]->op, PARAM_STAR);
    ast_free(a);
}
END_TEST

START_TEST(tree_imports_and_names)
{
    Ast *a = ok("import a.b as c, d\nfrom m.n import (x as y, z)\nfrom . import w\nfrom m import *\n"
                "def f():\n    global g\n    nonlocal_ = 1\n");
    const Node *i = stmt(a, 0);
    ck_assert_int_eq(i->kind, S_IMPORT);
    ck_assert_str_eq(i->l1.items[0]->name, "a.b");
    ck_assert_str_eq(i->l1.items[0]->str, "c");
    ck_assert_ptr_null(i->l1.items[1]->str);
    const Node *f = stmt(a, 1);
    ck_assert_int_eq(f->kind, S_IMPORTFROM);
    ck_assert_str_eq(f->name, "m.n");
    ck_assert_str_eq(f->l1.items[0]->str, "y");
    ck_assert_str_eq(stmt(a, 2)->name, ".");
    ck_assert_str_eq(stmt(a, 3)->l1.items[0]->name, "*");
    const Node *g = stmt(a, 4)->l2.items[0];
    ck_assert_int_eq(g->kind, S_GLOBAL);
    ck_assert_str_eq(g->l1.items[0]->name, "g");
    /* interned: equal names share one string */
    Ast *b = ok("x = x\n");
    ck_assert_ptr_eq(stmt(b, 0)->l1.items[0]->name, stmt(b, 0)->a->name);
    ast_free(b);
    ast_free(a);
}
END_TEST

START_TEST(tree_literals)
{
    Ast *a = ok("a = 0x_ff\nb = 0o17\nc = 0b101\nd = 1_000\ne = 9223372036854775807\n"
                "f = 9223372036854775808\ng = 1.5e3\nh = .5\ni = 5.\nj = 0xffffffffffffffffff\n");
    ck_assert_int_eq(stmt(a, 0)->a->ival, 255);
    ck_assert_int_eq(stmt(a, 1)->a->ival, 15);
    ck_assert_int_eq(stmt(a, 2)->a->ival, 5);
    ck_assert_int_eq(stmt(a, 3)->a->ival, 1000);
    ck_assert(stmt(a, 4)->a->ival == INT64_MAX);
    const Node *big = stmt(a, 5)->a;
    ck_assert_int_eq(big->kind, E_BIGINT);
    ck_assert_str_eq(big->str, "9223372036854775808");
    ck_assert_int_eq(stmt(a, 6)->a->kind, E_FLOAT);
    ck_assert(stmt(a, 6)->a->fval == 1500.0);
    ck_assert(stmt(a, 7)->a->fval == 0.5);
    ck_assert(stmt(a, 8)->a->fval == 5.0);
    ck_assert_str_eq(stmt(a, 9)->a->str, "4722366482869645213695");
    ast_free(a);
}
END_TEST

START_TEST(tree_strings)
{
    Ast *a = ok("a = 'x\\ty\\n\\x41\\u00e9\\U0001F600\\101\\0'\nb = r'\\n'\nc = 'ab' \"cd\"\n"
                "d = '''l1\nl2'''\ne = 'q\\\n w'\n");
    const Node *s = stmt(a, 0)->a;
    ck_assert_int_eq(s->kind, E_STR);
    ck_assert_int_eq(s->slen, 13);
    ck_assert(memcmp(s->str, "x\ty\nA\xc3\xa9\xf0\x9f\x98\x80" "A\0", 13) == 0);
    ck_assert_str_eq(stmt(a, 1)->a->str, "\\n");
    const Node *cat = stmt(a, 2)->a;
    ck_assert_str_eq(cat->str, "abcd");
    pos(cat, 3, 5, 3, 14);
    const Node *tq = stmt(a, 3)->a;
    ck_assert_str_eq(tq->str, "l1\nl2");
    pos(tq, 4, 5, 5, 6);
    ck_assert_str_eq(stmt(a, 4)->a->str, "q w");
    ast_free(a);
}
END_TEST

START_TEST(tree_fstrings)
{
    Ast *a = ok("s = f'a{x!r:>{w}}b{y=}' 'c'\n");
    const Node *f = stmt(a, 0)->a;
    ck_assert_int_eq(f->kind, E_FSTRING);
    pos(f, 1, 5, 1, 28);
    ck_assert_int_eq(f->l1.len, 5); /* 'a', {x}, 'b', 'y=', {y} + 'c' merged */
    ck_assert_str_eq(f->l1.items[0]->str, "a");
    const Node *x = f->l1.items[1];
    ck_assert_int_eq(x->kind, E_FORMATTED);
    ck_assert_int_eq(x->op, 'r');
    pos(x->a, 1, 9, 1, 10); /* the field's expression where it is */
    ck_assert_int_eq(x->b->kind, E_FSTRING);
    ck_assert_str_eq(x->b->l1.items[0]->str, ">");
    pos(x->b->l1.items[1]->a, 1, 15, 1, 16);
    ck_assert_str_eq(f->l1.items[2]->str, "by=");
    const Node *y = f->l1.items[3];
    ck_assert_int_eq(y->op, 'r'); /* f'{y=}' shows the repr */
    ck_assert_str_eq(f->l1.items[4]->str, "c");
    ast_free(a);

    a = ok("s = f'''\n{a +\n b}'''\n");
    const Node *sum = stmt(a, 0)->a->l1.items[1]->a;
    pos(sum, 2, 2, 3, 3);
    ast_free(a);
}
END_TEST

START_TEST(tree_empty_and_odd_layouts)
{
    const char *srcs[] = {"", "\n\n", "# only\n# comments", "x = 1", "x = 1\r\ny = 2\r\n",
                          "x = 1\ry = 2\r", "\x0cx = 1\n", "if x:\n\x0c  y\n", "\xEF\xBB\xBFx = 1\n",
                          "if x:\n  y\n  # c", "x = (1 +\n     2)\n", "x = 1 \\\n  + 2\n",
                          "if x:\n\tpass\n\tpass\n"};
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++)
        ast_free(ok(srcs[i]));
    Ast *a = ok("x = 1\r\ny = 2\r\n");
    pos(stmt(a, 1), 2, 1, 2, 6);
    ast_free(a);
    a = ok("\xEF\xBB\xBFx = 1\n");
    pos(stmt(a, 0), 1, 1, 1, 6);
    ast_free(a);
}
END_TEST

START_TEST(tree_expression_entry)
{
    Diag d = {0};
    Ast *a = parse_expression("  a.b[1] + f(2)\n", 16, &d);
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->body.len, 1);
    ck_assert_int_eq(a->body.items[0]->kind, S_EXPR);
    pos(a->body.items[0]->a, 1, 3, 1, 16);
    ast_free(a);
    a = parse_expression("x = 1", 5, &d);
    ck_assert_ptr_null(a);
    ck_assert_str_eq(d.msg, "invalid syntax");
}
END_TEST

/* ---- errors ---- */

START_TEST(errors_tokenizer)
{
    syn("x = 'abc\n", 1, 5, "unterminated string literal (detected at line 1)");
    syn("x = '''abc\n\ny = 1\n", 1, 5, "unterminated triple-quoted string literal (detected at line 3)");
    syn("x = 012\n", 1, 5, "leading zeros in decimal integer literals are not permitted; "
                           "use an 0o prefix for octal integers");
    syn("x = 1abc\n", 1, 5, "invalid decimal literal");
    syn("x = 0x\n", 1, 6, "invalid hexadecimal literal");
    syn("x = 0b12\n", 1, 8, "invalid digit '2' in binary literal");
    syn("x = 1jj\n", 1, 6, "invalid imaginary literal");
    syn("x = 1 \xe2\x82\xac 2\n", 1, 7, "invalid character '\xe2\x82\xac' (U+20AC)");
    syn("print(\xe2\x80\x9chi\xe2\x80\x9d)\n", 1, 7, "invalid character '\xe2\x80\x9c' (U+201C)");
    syn("x = \xc2\xa0 1\n", 1, 5, "invalid non-printable character U+00A0");
    syn("x = \x01\n", 1, 5, "invalid non-printable character U+0001");
    syn("x = (1,\n2\n", 1, 5, "'(' was never closed");
    syn("x = 1)\n", 1, 6, "unmatched ')'");
    syn("x = (1]\n", 1, 7, "closing parenthesis ']' does not match opening parenthesis '('");
    syn("x = [1\n)\n", 2, 1,
        "closing parenthesis ')' does not match opening parenthesis '[' on line 1");
    syn("x = 1 + \\ 2\n", 1, 10, "unexpected character after line continuation character");
    syn("x = 1 + \\\n", 1, 10, "unexpected EOF while parsing");
    err("if x:\n\ty\n        z\n", DIAG_TAB, 3, 1, "inconsistent use of tabs and spaces in indentation");
    err("if x:\n    y\n  z\n", DIAG_INDENT, 3, 4, "unindent does not match any outer indentation level");
    err("  x = 1\n", DIAG_INDENT, 1, 2, "unexpected indent");
    /* a tokenizer error later on beats a parser error earlier */
    syn("x = = 1\ny = 'abc\n", 2, 5, "unterminated string literal (detected at line 2)");
    /* a bracket left open on an earlier line too */
    syn("x = (1 +\ny = 3\n", 1, 5, "'(' was never closed");
}
END_TEST

START_TEST(errors_parser)
{
    syn("x = = 1\n", 1, 5, "invalid syntax");
    syn("x = 1 +\n", 1, 8, "invalid syntax");
    syn("f(a b)\n", 1, 3, "invalid syntax. Perhaps you forgot a comma?");
    syn("print 'hello'\n", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?");
    syn("if x\n  pass\n", 1, 5, "expected ':'");
    syn("def f() x:\n pass\n", 1, 9, "expected ':'");
    syn("def f: pass\n", 1, 6, "expected '('");
    syn("if x = 1:\n  pass\n", 1, 4, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    syn("f() = 1\n", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    syn("[x, 1] = y\n", 1, 5, "cannot assign to literal");
    syn("None = 1\n", 1, 1, "cannot assign to None");
    syn("a + b += 1\n", 1, 1, "'expression' is an illegal expression for augmented assignment");
    syn("del f()\n", 1, 5, "cannot delete function call");
    syn("for f() in y: pass\n", 1, 5, "cannot assign to function call");
    syn("try:\n  pass\nx = 1\n", 3, 1, "expected 'except' or 'finally' block");
    syn("f(a=1, b)\n", 1, 9, "positional argument follows keyword argument");
    syn("f(**a, *b)\n", 1, 8, "iterable argument unpacking follows keyword argument unpacking");
    syn("f(x for x in y, 1)\n", 1, 3, "Generator expression must be parenthesized");
    syn("f(a.b=1)\n", 1, 3, "expression cannot contain assignment, perhaps you meant \"==\"?");
    syn("def f(a=1, b):\n  pass\n", 1, 12, "non-default argument follows default argument");
    syn("def f(*):\n  pass\n", 1, 7, "named arguments must follow bare *");
    syn("def f(**k, a):\n  pass\n", 1, 12, "arguments cannot follow var-keyword argument");
    syn("x = 1 if y\n", 1, 5, "expected 'else' after 'if' expression");
    syn("[x, y for x in z]\n", 1, 2, "did you forget parentheses around the comprehension target?");
    syn("[*x for x in y]\n", 1, 2, "iterable unpacking cannot be used in comprehension");
    syn("(*x)\n", 1, 2, "cannot use starred expression here");
    syn("{1: 2, 3}\n", 1, 8, "':' expected after dictionary key");
    syn("{1:}\n", 1, 3, "expression expected after dictionary key and ':'");
    syn("from m import a,\n", 1, 17, "trailing comma not allowed without surrounding parentheses");
    syn("try:\n  pass\nexcept E, F:\n  pass\n", 3, 8, "multiple exception types must be parenthesized");
    syn("a, b c = 1, 2\n", 1, 6, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    syn("x = a not b\n", 1, 11, "invalid syntax");
    syn("print -1\nx = = 2\n", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?");
    syn("@foo\n", 1, 1, "invalid syntax");
    /* a key over two lines: CPython names its first line, column from the last */
    syn("x = {'k': 1, 'a'\n  'bcc', 'c': 2}\n", 1, 7, "':' expected after dictionary key");
    syn("a b if c\n", 1, 3, "expected 'else' after 'if' expression");
    syn("a b, c if d\n", 1, 6, "expected 'else' after 'if' expression");
    syn("a b if c else d if e\n", 1, 3, "invalid syntax");
    syn("va(m.g x\n", 1, 8, "invalid syntax");
    syn("print f(a b)\n", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?");
    syn("x = print -1 if x\n", 1, 5, "expected 'else' after 'if' expression");
    syn("print -1 if x else y, (a b)\n", 1, 24, "invalid syntax. Perhaps you forgot a comma?");
    err("if x:\ny\n", DIAG_INDENT, 2, 1, "expected an indented block after 'if' statement on line 1");
    err("def f():\n", DIAG_INDENT, 1, 9, "expected an indented block after function definition on line 1");
    err("class C:\n  x = 1\n   y = 2\n", DIAG_INDENT, 3, 3, "unexpected indent");
}
END_TEST

START_TEST(errors_strings)
{
    syn("x = f'{'\n", 1, 9, "f-string: expecting '}'");
    syn("x = f'{}'\n", 1, 10, "f-string: empty expression not allowed");
    syn("x = f'}'\n", 1, 9, "f-string: single '}' is not allowed");
    syn("x = f'{a!x}'\n", 1, 13, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    syn("x = f'{a:{b:{c}}}'\n", 1, 19, "f-string: expressions nested too deeply");
    syn("x = f'{\\n}'\n", 1, 12, "f-string expression part cannot include a backslash");
    /* an error inside a field, at its true place */
    syn("x = f'{a b}'\n", 1, 8, "f-string: invalid syntax. Perhaps you forgot a comma?");
    syn("x = b'a' 'b'\n", 1, 13, "cannot mix bytes and nonbytes literals");
    syn("x = '\\x4'\n", 1, 10, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                             "position 0-2: truncated \\xXX escape");
    size_t len;
    char *big = repeat("x = ", "9", 4301, "\n", &len);
    err_n(big, len, DIAG_SYNTAX, 1, 5, "Exceeds the limit (4300 digits) for integer string "
          "conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the "
          "limit - Consider hexadecimal for huge integer literals to avoid decimal conversion "
          "limits.");
    free(big);
}
END_TEST

START_TEST(errors_compile_checks)
{
    syn("return 1\n", 1, 1, "'return' outside function");
    syn("class C:\n  return 1\n", 2, 3, "'return' outside function");
    syn("break\n", 1, 1, "'break' outside loop");
    syn("for x in y:\n  pass\nelse:\n  break\n", 4, 3, "'break' outside loop");
    syn("while 1:\n  def f():\n    continue\n", 3, 5, "'continue' not properly in loop");
    syn("nonlocal x\n", 1, 1, "nonlocal declaration not allowed at module level");
    syn("def f():\n  nonlocal x\n", 2, 3, "no binding for nonlocal 'x' found");
    syn("def f():\n  x = 1\n  global x\n", 3, 3, "name 'x' is assigned to before global declaration");
    syn("def f(x):\n  global x\n", 2, 3, "name 'x' is parameter and global");
    syn("def f(a, a):\n  pass\n", 1, 10, "duplicate argument 'a' in function definition");
    syn("f(a=1, a=2)\n", 1, 8, "keyword argument repeated: a");
    syn("x = *a\n", 1, 5, "can't use starred expression here");
    syn("*a = 1\n", 1, 1, "starred assignment target must be in a list or tuple");
    syn("a, *b, *c = 1\n", 1, 1, "multiple starred expressions in assignment");
    syn("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", 3, 1, "default 'except:' must be last");
    syn("def f():\n  from m import *\n", 2, 17, "import * only allowed at module level");
    syn("__debug__ = 1\n", 1, 1, "cannot assign to __debug__");
    /* the symbol table's errors come before the compiler's */
    syn("return 2\nnonlocal x\n", 2, 1, "nonlocal declaration not allowed at module level");
    ast_free(ok("def f():\n  x = 1\n  def g():\n    nonlocal x\n    x += 1\n"));
    ast_free(ok("class C:\n  def f(self):\n    nonlocal __class__\n"));
}
END_TEST

START_TEST(errors_unsupported)
{
    err("@dec\ndef f(): pass\n", DIAG_UNSUPPORTED, 1, 1, "decorators are not supported");
    err("x = b'abc'\n", DIAG_UNSUPPORTED, 1, 5, "bytes literals are not supported");
    err("def f(x: int): pass\n", DIAG_UNSUPPORTED, 1, 8, "annotations are not supported");
    err("x = 1j\n", DIAG_UNSUPPORTED, 1, 5, "complex numbers are not supported");
    err("match x:\n  case 1: pass\n", DIAG_UNSUPPORTED, 1, 1, "match statements are not supported");
    /* a real syntax error elsewhere comes first */
    syn("@dec\ndef f(): pass\nx = = 1\n", 3, 5, "invalid syntax");
}
END_TEST

/* ---- inputs meant to break things ---- */

START_TEST(robust_bad_text)
{
    err_n("x = 1\ny = 2\0\n", 12, DIAG_SYNTAX, 2, 6, "source code cannot contain null bytes");
    err_n("\0", 1, DIAG_SYNTAX, 1, 1, "source code cannot contain null bytes");
    syn("x = 1\ny = \"\xff\"\n", 2, 6, "(unicode error) 'utf-8' codec can't decode byte 0xff in "
                                      "position 5: invalid start byte");
    syn("x = '\xe2\x82x'\n", 1, 6, "(unicode error) 'utf-8' codec can't decode bytes in position "
                                  "5-6: invalid continuation byte");
    /* found when the tokenizer gets there: an earlier error wins */
    syn("x = 'a\ny = \"\xff\"\n", 1, 5, "unterminated string literal (detected at line 1)");
    /* binary garbage, every byte value, in many orders */
    unsigned seed = 12345;
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(round * 20 + 1);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *alphabet = "()[]{}:,.=+-*/ \n\t\\'\"#@x1f";
            unsigned r = seed >> 16;
            buf[i] = round % 2 ? (char)(r & 0xFF) : alphabet[r % 26];
        }
        Diag d = {0};
        Ast *a = parse_program(buf, n, &d);
        ck_assert(a != NULL || d.set);
        ast_free(a);
    }
}
END_TEST

START_TEST(robust_deep_nesting)
{
    size_t len;
    char *s = repeat("x = ", "(", 10000, "1\n", &len);
    err_n(s, len, DIAG_SYNTAX, 1, 205, "too many nested parentheses");
    free(s);
    s = repeat("x = ", "-", 10000, "1\n", &len);
    any_error(s, len);
    free(s);
    s = repeat("x = ", "not ", 10000, "1\n", &len);
    any_error(s, len);
    free(s);
    s = repeat("x = ", "lambda: ", 10000, "1\n", &len);
    any_error(s, len);
    free(s);
    s = repeat("x = 1", " if 1 else 1", 10000, "\n", &len);
    any_error(s, len);
    free(s);
    s = repeat("x = a", ".b", 10000, "\n", &len);
    any_error(s, len);
    free(s);
    s = repeat("x = 2", "**2", 10000, "\n", &len);
    any_error(s, len);
    free(s);
    s = repeat("x = ", "[", 150, "1\n", &len); /* unclosed, within the bracket limit */
    any_error(s, len);
    free(s);
    s = repeat("if x: pass\n", "elif x: pass\n", 10000, "", &len);
    any_error(s, len);
    free(s);
    /* 150 levels of indentation */
    size_t cap = 150 * 160, n = 0;
    s = malloc(cap);
    for (int i = 0; i < 150; i++) {
        memset(s + n, ' ', (size_t)i);
        n += (size_t)i;
        memcpy(s + n, "if x:\n", 6);
        n += 6;
    }
    memset(s + n, ' ', 150);
    n += 150;
    memcpy(s + n, "pass\n", 5);
    n += 5;
    err_n(s, n, DIAG_INDENT, 101, 1, "too many levels of indentation");
    free(s);
}
END_TEST

START_TEST(robust_long_line)
{
    size_t len;
    char *s = repeat("x = [", "1, ", 5 * 1024 * 1024 / 3, "]\n", &len);
    Diag d = {0};
    Ast *a = parse_program(s, len, &d);
    ck_assert_ptr_nonnull(a);
    ck_assert_int_gt(a->body.items[0]->a->l1.len, 1000000);
    ast_free(a);
    free(s);
    s = repeat("x = ", "1 + ", 5 * 1024 * 1024 / 4, "1\n", &len);
    err_n(s, len, DIAG_SYNTAX, 1, 0, "too many nested expressions");
    free(s);
    s = repeat("x = [", "1, ", 5 * 1024 * 1024 / 3, "\n", &len);
    err_n(s, len, DIAG_SYNTAX, 1, 5, "'[' was never closed");
    free(s);
}
END_TEST

START_TEST(lexer_tokens)
{
    const char *src = "if a:\n    b = 'x' + 0x1F\n";
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    TokKind want[] = {T_IF, T_NAME, T_COLON, T_NEWLINE, T_INDENT, T_NAME, T_EQUAL,
                      T_STRING, T_PLUS, T_NUMBER, T_NEWLINE, T_DEDENT, T_ENDMARKER};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Token t = lex_next(&lx);
        ck_assert_msg(t.kind == want[i], "token %zu is %s", i, lex_kind_name(t.kind));
        if (i == 7) {
            ck_assert_int_eq(t.line, 2);
            ck_assert_int_eq(t.col, 9);
            ck_assert_int_eq(t.end_col, 12);
        }
    }
    ck_assert_str_eq(lex_kind_name(T_DOUBLESTAREQUAL), "**=");
    ck_assert_str_eq(lex_kind_name(T_NONLOCAL), "nonlocal");
}
END_TEST

/* ---- printing ---- */

static char *printed(const char *src, size_t len, const Diag *d)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    diag_print(f, "s.py", src, len, d);
    fclose(f);
    return out;
}

START_TEST(print_caret)
{
    const char *src = "x = 1\nif x\n    pass\n";
    Diag d = {0};
    ck_assert_ptr_null(parse_program(src, strlen(src), &d));
    char *out = printed(src, strlen(src), &d);
    ck_assert_str_eq(out, "s.py:2:5: SyntaxError: expected ':'\n    if x\n        ^\n");
    free(out);
    /* leading blanks are dropped, tabs widen as on screen */
    const char *tabs = "if x:\n\ty = (\t1 +)\n";
    Diag e = {0};
    ck_assert_ptr_null(parse_program(tabs, strlen(tabs), &e));
    out = printed(tabs, strlen(tabs), &e);
    ck_assert_str_eq(out, "s.py:2:11: SyntaxError: invalid syntax\n    y = (   1 +)\n               ^\n");
    free(out);
}
END_TEST

START_TEST(print_escapes)
{
    const char *src = "x = 1\ny = 2\0 \xff\n";
    size_t len = 14;
    Diag d = {0};
    ck_assert_ptr_null(parse_program(src, len, &d));
    char *out = printed(src, len, &d);
    ck_assert_str_eq(out, "s.py:2:6: SyntaxError: source code cannot contain null bytes\n"
                          "    y = 2\\x00 \\xff\n         ^\n");
    free(out);
    Diag u = {0};
    diag_set(&u, DIAG_SYNTAX, 1, 5, "%s", "invalid non-printable character U+00A0");
    diag_set(&u, DIAG_TAB, 9, 9, "%s", "ignored: only the first error counts");
    out = printed("x = \xc2\xa0 1\n", 9, &u);
    ck_assert_str_eq(out, "s.py:1:5: SyntaxError: invalid non-printable character U+00A0\n"
                          "    x = \\u00a0 1\n        ^\n");
    free(out);
}
END_TEST

START_TEST(print_long_line)
{
    size_t len;
    char *s = repeat("x = [", "1, ", 100000, "\n", &len);
    Diag d = {0};
    ck_assert_ptr_null(parse_program(s, len, &d));
    char *out = printed(s, len, &d);
    ck_assert_ptr_nonnull(strstr(out, "'[' was never closed"));
    ck_assert_int_lt(strlen(out), 400);
    ck_assert_ptr_nonnull(strstr(out, "\n    x = [1, 1,"));
    ck_assert_ptr_nonnull(strstr(out, "...\n    "));
    free(out);
    free(s);
    Diag far = {0};
    s = repeat("", "a", 300000, " $\n", &len);
    ck_assert_ptr_null(parse_program(s, len, &far));
    out = printed(s, len, &far);
    ck_assert_ptr_nonnull(strstr(out, "\n    ...aaaa"));
    ck_assert_ptr_nonnull(strstr(out, "aaaa $\n"));
    ck_assert_ptr_nonnull(strstr(out, " ^\n"));
    ck_assert_int_lt(strlen(out), 400);
    free(out);
    free(s);
}
END_TEST

static Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *t = tcase_create("trees");
    tcase_add_test(t, tree_assign_and_call);
    tcase_add_test(t, tree_precedence);
    tcase_add_test(t, tree_parens_stretch_parents);
    tcase_add_test(t, tree_targets);
    tcase_add_test(t, tree_subscripts);
    tcase_add_test(t, tree_calls);
    tcase_add_test(t, tree_displays);
    tcase_add_test(t, tree_compound);
    tcase_add_test(t, tree_functions_and_classes);
    tcase_add_test(t, tree_imports_and_names);
    tcase_add_test(t, tree_literals);
    tcase_add_test(t, tree_strings);
    tcase_add_test(t, tree_fstrings);
    tcase_add_test(t, tree_empty_and_odd_layouts);
    tcase_add_test(t, tree_expression_entry);
    tcase_add_test(t, lexer_tokens);
    suite_add_tcase(s, t);
    TCase *e = tcase_create("errors");
    tcase_add_test(e, errors_tokenizer);
    tcase_add_test(e, errors_parser);
    tcase_add_test(e, errors_strings);
    tcase_add_test(e, errors_compile_checks);
    tcase_add_test(e, errors_unsupported);
    suite_add_tcase(s, e);
    TCase *r = tcase_create("robustness");
    tcase_set_timeout(r, 120);
    tcase_add_test(r, robust_bad_text);
    tcase_add_test(r, robust_deep_nesting);
    tcase_add_test(r, robust_long_line);
    suite_add_tcase(s, r);
    TCase *p = tcase_create("printing");
    tcase_add_test(p, print_caret);
    tcase_add_test(p, print_escapes);
    tcase_add_test(p, print_long_line);
    suite_add_tcase(s, p);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(parse_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
