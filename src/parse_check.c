/* parse_check: the errors CPython 3.11 finds after parsing, in its order:
 * first its symbol table (global/nonlocal placement, duplicate
 * parameters, "import *" outside the module), then its compiler (return,
 * break and continue placement, repeated keywords, starred targets,
 * assignments to __debug__, a bare except that is not last). The
 * compiler of memviz can then trust the tree. */
#include "parse_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8,
    USE = 16, DEF_IMPORT = 32,
    DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT
};

enum { SC_MODULE, SC_FUNCTION, SC_CLASS };

typedef struct {
    const char *name; /* interned: compared by address */
    int flags;
    int dline, dcol;  /* first global/nonlocal statement naming it */
} Sym;

typedef struct Scope {
    int kind;
    struct Scope *parent;
    Sym *syms;        /* in order of first appearance */
    size_t nsyms, capsyms;
    size_t *slots;    /* hash of name -> index + 1 */
    size_t nslots;
    struct Scope **kids;
    size_t nkids, capkids;
} Scope;

typedef struct {
    Parser *p;
    Scope *cur, *module;
    Scope **all;
    size_t nall, capall;
} Check;

static int failed(Check *c) { return c->p->sh->err.set; }

static void fail_at(Check *c, int line, int col, const char *fmt, const char *name)
{
    parse_err(c->p, DIAG_SYNTAX, line, col, fmt, name);
}

/* ---- scopes ---- */

static Scope *scope_new(Check *c, int kind)
{
    Scope *s = xcalloc(1, sizeof *s);
    s->kind = kind;
    s->parent = c->cur;
    s->nslots = 16;
    s->slots = xcalloc(s->nslots, sizeof *s->slots);
    xgrow((void **)&c->all, &c->capall, c->nall + 1, sizeof *c->all);
    c->all[c->nall++] = s;
    if (c->cur) {
        Scope *up = c->cur;
        xgrow((void **)&up->kids, &up->capkids, up->nkids + 1, sizeof *up->kids);
        up->kids[up->nkids++] = s;
    }
    return s;
}

static size_t slot_of(const Scope *s, const char *name)
{
    return ((size_t)(uintptr_t)name >> 4) * 2654435761u & (s->nslots - 1);
}

static Sym *lookup(const Scope *s, const char *name)
{
    for (size_t j = slot_of(s, name); s->slots[j]; j = (j + 1) & (s->nslots - 1))
        if (s->syms[s->slots[j] - 1].name == name)
            return &s->syms[s->slots[j] - 1];
    return NULL;
}

static Sym *symbol(Scope *s, const char *name)
{
    Sym *sym = lookup(s, name);
    if (sym)
        return sym;
    if ((s->nsyms + 1) * 2 > s->nslots) {
        free(s->slots);
        s->nslots *= 2;
        s->slots = xcalloc(s->nslots, sizeof *s->slots);
        for (size_t i = 0; i < s->nsyms; i++) {
            size_t j = slot_of(s, s->syms[i].name);
            while (s->slots[j])
                j = (j + 1) & (s->nslots - 1);
            s->slots[j] = i + 1;
        }
    }
    xgrow((void **)&s->syms, &s->capsyms, s->nsyms + 1, sizeof *s->syms);
    sym = &s->syms[s->nsyms++];
    memset(sym, 0, sizeof *sym);
    sym->name = name;
    size_t j = slot_of(s, name);
    while (s->slots[j])
        j = (j + 1) & (s->nslots - 1);
    s->slots[j] = s->nsyms;
    return sym;
}

static void add_def(Check *c, const char *name, int flag, const Node *at)
{
    Sym *sym = symbol(c->cur, name);
    if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
        fail_at(c, at->line, at->col, "duplicate argument '%s' in function definition", name);
        return;
    }
    sym->flags |= flag;
}

/* ---- the symbol table pass (CPython's visiting order) ---- */

static void st_stmts(Check *c, NodeList l);
static void st_expr(Check *c, const Node *n);
static void st_exprs(Check *c, NodeList l);

static void st_target(Check *c, const Node *n, int flag)
{
    if (!n || failed(c))
        return;
    switch (n->kind) {
    case E_NAME:
        add_def(c, n->name, flag, n);
        break;
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < n->l1.len; i++)
            st_target(c, n->l1.items[i], flag);
        break;
    case E_STARRED:
        st_target(c, n->a, flag);
        break;
    default:
        st_expr(c, n);
    }
}

/* Parameters, in the order CPython enters them: plain, keyword-only,
 * then *args and **kwargs. */
static void st_params(Check *c, NodeList params)
{
    static const int order[] = {PARAM_PLAIN, PARAM_KWONLY, PARAM_STAR, PARAM_DSTAR};
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < params.len && !failed(c); i++)
            if (params.items[i]->op == order[k])
                add_def(c, params.items[i]->name, DEF_PARAM, params.items[i]);
}

static void st_defaults(Check *c, NodeList params)
{
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < params.len; i++) {
            const Node *a = params.items[i];
            if ((a->op == PARAM_PLAIN) == (k == 0) && a->a)
                st_expr(c, a->a);
        }
}

static void st_function(Check *c, NodeList params, NodeList body, const Node *expr_body)
{
    st_defaults(c, params);
    Scope *outer = c->cur;
    c->cur = scope_new(c, SC_FUNCTION);
    st_params(c, params);
    st_stmts(c, body);
    st_expr(c, expr_body);
    c->cur = outer;
}

static void st_comprehension(Check *c, const Node *n)
{
    const Node *first = n->l1.items[0];
    st_expr(c, first->b);
    Scope *outer = c->cur;
    c->cur = scope_new(c, SC_FUNCTION);
    for (int i = 0; i < n->l1.len; i++) {
        const Node *g = n->l1.items[i];
        st_target(c, g->a, DEF_LOCAL);
        if (i > 0)
            st_expr(c, g->b);
        st_exprs(c, g->l1);
    }
    st_expr(c, n->a);
    st_expr(c, n->b);
    c->cur = outer;
}

static void st_expr(Check *c, const Node *n)
{
    if (!n || failed(c))
        return;
    switch (n->kind) {
    case E_NAME:
        add_def(c, n->name, USE, n);
        return;
    case E_LAMBDA:
        st_function(c, n->l1, (NodeList){0}, n->a);
        return;
    case E_LISTCOMP: case E_SETCOMP: case E_GENEXP: case E_DICTCOMP:
        st_comprehension(c, n);
        return;
    default:
        break;
    }
    st_expr(c, n->a);
    st_expr(c, n->b);
    st_expr(c, n->c);
    st_exprs(c, n->l1);
    st_exprs(c, n->l2);
    st_exprs(c, n->l3);
}

static void st_exprs(Check *c, NodeList l)
{
    for (int i = 0; i < l.len && !failed(c); i++)
        st_expr(c, l.items[i]);
}

static const char *const directive_msg[2][4] = {
    {"name '%s' is parameter and global", "name '%s' is used prior to global declaration",
     "name '%s' is assigned to before global declaration", NULL},
    {"name '%s' is parameter and nonlocal", "name '%s' is used prior to nonlocal declaration",
     "name '%s' is assigned to before nonlocal declaration", NULL},
};

static void st_directive(Check *c, const Node *s)
{
    int nonlocal = s->kind == S_NONLOCAL;
    for (int i = 0; i < s->l1.len && !failed(c); i++) {
        const char *name = s->l1.items[i]->name;
        Sym *cur = lookup(c->cur, name);
        int f = cur ? cur->flags : 0;
        int k = f & DEF_PARAM ? 0 : f & USE ? 1 : f & DEF_LOCAL ? 2 : 3;
        if (k < 3) {
            fail_at(c, s->line, s->col, directive_msg[nonlocal][k], name);
            return;
        }
        Sym *sym = symbol(c->cur, name);
        sym->flags |= nonlocal ? DEF_NONLOCAL : DEF_GLOBAL;
        if (!sym->dline) {
            sym->dline = s->line;
            sym->dcol = s->col;
        }
        if (!nonlocal)
            symbol(c->module, name)->flags |= DEF_GLOBAL; /* CPython marks the module too */
    }
}

static const char *first_component(Check *c, const char *dotted)
{
    const char *dot = strchr(dotted, '.');
    return dot ? parse_intern(c->p, dotted, (size_t)(dot - dotted)) : dotted;
}

static void st_stmt(Check *c, const Node *s)
{
    if (!s || failed(c))
        return;
    switch (s->kind) {
    case S_ASSIGN:
        for (int i = 0; i < s->l1.len; i++)
            st_target(c, s->l1.items[i], DEF_LOCAL);
        st_expr(c, s->a);
        break;
    case S_AUGASSIGN:
        st_target(c, s->a, DEF_LOCAL);
        st_expr(c, s->b);
        break;
    case S_DEL:
        for (int i = 0; i < s->l1.len; i++)
            st_target(c, s->l1.items[i], DEF_LOCAL);
        break;
    case S_FOR:
        st_target(c, s->a, DEF_LOCAL);
        st_expr(c, s->b);
        st_stmts(c, s->l1);
        st_stmts(c, s->l2);
        break;
    case S_DEF:
        add_def(c, s->name, DEF_LOCAL, s);
        st_function(c, s->l1, s->l2, NULL);
        break;
    case S_CLASS: {
        add_def(c, s->name, DEF_LOCAL, s);
        st_exprs(c, s->l1);
        st_exprs(c, s->l3);
        Scope *outer = c->cur;
        c->cur = scope_new(c, SC_CLASS);
        st_stmts(c, s->l2);
        c->cur = outer;
        break;
    }
    case S_GLOBAL: case S_NONLOCAL:
        st_directive(c, s);
        break;
    case S_IMPORT: case S_IMPORTFROM:
        for (int i = 0; i < s->l1.len && !failed(c); i++) {
            const Node *a = s->l1.items[i];
            if (strcmp(a->name, "*") == 0) {
                if (c->cur->kind != SC_MODULE)
                    fail_at(c, a->line, a->col, "%s", "import * only allowed at module level");
            } else {
                add_def(c, a->str ? a->str : first_component(c, a->name), DEF_IMPORT, a);
            }
        }
        break;
    case S_TRY:
        st_stmts(c, s->l1);
        st_stmts(c, s->l3);
        for (int i = 0; i < s->l2.len && !failed(c); i++) {
            const Node *h = s->l2.items[i];
            st_expr(c, h->a);
            if (h->name)
                add_def(c, h->name, DEF_LOCAL, h);
            st_stmts(c, h->l1);
        }
        st_stmts(c, s->l4);
        break;
    default:
        st_expr(c, s->a);
        st_expr(c, s->b);
        st_stmts(c, s->l1);
        st_stmts(c, s->l2);
        break;
    }
}

static void st_stmts(Check *c, NodeList l)
{
    for (int i = 0; i < l.len && !failed(c); i++)
        st_stmt(c, l.items[i]);
}

/* ---- nonlocal: is the name bound in an enclosing function? ---- */

static int bound_above(const Scope *s, const char *name, const char *class_name)
{
    for (const Scope *a = s->parent; a; a = a->parent) {
        if (a->kind == SC_MODULE)
            return 0;
        if (a->kind == SC_CLASS) {
            if (name == class_name)
                return 1; /* methods see __class__ */
            continue;
        }
        const Sym *sym = lookup(a, name);
        if (sym && (sym->flags & DEF_GLOBAL))
            return 0;
        if (sym && (sym->flags & DEF_BOUND) && !(sym->flags & DEF_NONLOCAL))
            return 1;
    }
    return 0;
}

/* Scopes before their children, names in order of appearance. */
static void analyze(Check *c, const Scope *s, const char *class_name)
{
    for (size_t i = 0; i < s->nsyms && !failed(c); i++) {
        const Sym *sym = &s->syms[i];
        if ((sym->flags & DEF_GLOBAL) && (sym->flags & DEF_NONLOCAL))
            fail_at(c, sym->dline, sym->dcol, "name '%s' is nonlocal and global", sym->name);
        else if ((sym->flags & DEF_NONLOCAL) && s->kind == SC_MODULE)
            fail_at(c, sym->dline, sym->dcol, "%s",
                    "nonlocal declaration not allowed at module level");
        else if ((sym->flags & DEF_NONLOCAL) && !bound_above(s, sym->name, class_name))
            fail_at(c, sym->dline, sym->dcol, "no binding for nonlocal '%s' found", sym->name);
    }
    for (size_t i = 0; i < s->nkids && !failed(c); i++)
        analyze(c, s->kids[i], class_name);
}

/* ---- the compiler pass ---- */

typedef struct {
    int in_func, in_loop;
} Ctx;

static void cp_stmts(Check *c, NodeList l, Ctx x);
static void cp_expr(Check *c, const Node *n);
static void cp_store(Check *c, const Node *t, int del, int in_unpack);

static int is_debug(const char *name) { return name && strcmp(name, "__debug__") == 0; }

static void cp_exprs(Check *c, NodeList l)
{
    for (int i = 0; i < l.len && !failed(c); i++)
        cp_expr(c, l.items[i]);
}

/* Elements of displays and call arguments, where *x is allowed. */
static void cp_elements(Check *c, NodeList l)
{
    for (int i = 0; i < l.len && !failed(c); i++) {
        const Node *e = l.items[i];
        cp_expr(c, e && e->kind == E_STARRED ? e->a : e);
    }
}

static void cp_keywords(Check *c, const Node *at, NodeList kws)
{
    for (int i = 0; i < kws.len && !failed(c); i++) {
        const char *name = kws.items[i]->name;
        if (!name)
            continue;
        if (is_debug(name)) {
            fail_at(c, at->line, at->col, "%s", "cannot assign to __debug__");
            return;
        }
        for (int j = i + 1; j < kws.len; j++) {
            const Node *other = kws.items[j];
            if (other->name == name) {
                fail_at(c, other->line, other->col, "keyword argument repeated: %s", name);
                return;
            }
        }
    }
}

static int debug_param(Check *c, const Node *at, NodeList params)
{
    for (int i = 0; i < params.len; i++)
        if (is_debug(params.items[i]->name)) {
            fail_at(c, at->line, at->col, "%s", "cannot assign to __debug__");
            return 1;
        }
    return 0;
}

static void cp_function(Check *c, const Node *at, NodeList params, NodeList body,
                        const Node *expr_body)
{
    if (debug_param(c, at, params))
        return;
    for (int i = 0; i < params.len && !failed(c); i++)
        cp_expr(c, params.items[i]->a);
    Ctx x = {1, 0};
    cp_stmts(c, body, x);
    cp_expr(c, expr_body);
}

static void cp_expr(Check *c, const Node *n)
{
    if (!n || failed(c))
        return;
    switch (n->kind) {
    case E_STARRED:
        fail_at(c, n->line, n->col, "%s", "can't use starred expression here");
        return;
    case E_LIST: case E_TUPLE: case E_SET:
        cp_elements(c, n->l1);
        return;
    case E_CALL:
        cp_keywords(c, n, n->l2);
        cp_expr(c, n->a);
        cp_elements(c, n->l1);
        cp_exprs(c, n->l2);
        return;
    case E_SUBSCRIPT:
        cp_expr(c, n->a);
        if (n->b->kind == E_TUPLE)
            cp_elements(c, n->b->l1);
        else
            cp_expr(c, n->b);
        return;
    case E_LAMBDA:
        cp_function(c, n, n->l1, (NodeList){0}, n->a);
        return;
    case E_LISTCOMP: case E_SETCOMP: case E_GENEXP: case E_DICTCOMP:
        for (int i = 0; i < n->l1.len && !failed(c); i++) {
            const Node *g = n->l1.items[i];
            cp_store(c, g->a, 0, 0);
            if (i > 0)
                cp_expr(c, g->b);
            cp_exprs(c, g->l1);
        }
        cp_expr(c, n->a);
        cp_expr(c, n->b);
        cp_expr(c, n->l1.items[0]->b);
        return;
    default:
        break;
    }
    cp_expr(c, n->a);
    cp_expr(c, n->b);
    cp_expr(c, n->c);
    cp_exprs(c, n->l1);
    cp_exprs(c, n->l2);
}

/* An assignment target: names, attributes, subscripts, unpacking. */
static void cp_store(Check *c, const Node *t, int del, int in_unpack)
{
    if (!t || failed(c))
        return;
    const char *verb = del ? "cannot delete __debug__" : "cannot assign to __debug__";
    switch (t->kind) {
    case E_NAME:
        if (is_debug(t->name))
            fail_at(c, t->line, t->col, "%s", verb);
        return;
    case E_ATTR:
        cp_expr(c, t->a);
        if (!failed(c) && is_debug(t->name))
            fail_at(c, t->line, t->col, "%s", verb);
        return;
    case E_STARRED:
        if (!in_unpack) {
            fail_at(c, t->line, t->col, "%s",
                    "starred assignment target must be in a list or tuple");
            return;
        }
        cp_store(c, t->a, del, 0);
        return;
    case E_TUPLE: case E_LIST: {
        int stars = 0, before = 0;
        for (int i = 0; i < t->l1.len; i++)
            if (t->l1.items[i]->kind == E_STARRED && stars++ == 0)
                before = i;
        if (!del && stars > 1) {
            fail_at(c, t->line, t->col, "%s", "multiple starred expressions in assignment");
            return;
        }
        if (!del && stars && (before >= 256 || t->l1.len - before - 1 >= (0x7fffffff >> 8))) {
            fail_at(c, t->line, t->col, "%s", "too many expressions in star-unpacking assignment");
            return;
        }
        for (int i = 0; i < t->l1.len && !failed(c); i++)
            cp_store(c, t->l1.items[i], del, 1);
        return;
    }
    default:
        cp_expr(c, t);
    }
}

static void cp_stmt(Check *c, const Node *s, Ctx x)
{
    if (!s || failed(c))
        return;
    Ctx loop = {x.in_func, 1};
    switch (s->kind) {
    case S_RETURN:
        if (!x.in_func) {
            fail_at(c, s->line, s->col, "%s", "'return' outside function");
            return;
        }
        cp_expr(c, s->a);
        return;
    case S_BREAK:
        if (!x.in_loop)
            fail_at(c, s->line, s->col, "%s", "'break' outside loop");
        return;
    case S_CONTINUE:
        if (!x.in_loop)
            fail_at(c, s->line, s->col, "%s", "'continue' not properly in loop");
        return;
    case S_FOR:
        cp_expr(c, s->b);
        cp_store(c, s->a, 0, 0);
        cp_stmts(c, s->l1, loop);
        cp_stmts(c, s->l2, x);
        return;
    case S_WHILE:
        cp_expr(c, s->a);
        cp_stmts(c, s->l1, loop);
        cp_stmts(c, s->l2, x);
        return;
    case S_ASSIGN:
        cp_expr(c, s->a);
        for (int i = 0; i < s->l1.len && !failed(c); i++)
            cp_store(c, s->l1.items[i], 0, 0);
        return;
    case S_AUGASSIGN:
        cp_expr(c, s->b);
        cp_store(c, s->a, 0, 0);
        return;
    case S_DEL:
        for (int i = 0; i < s->l1.len && !failed(c); i++)
            cp_store(c, s->l1.items[i], 1, 0);
        return;
    case S_DEF:
        cp_function(c, s, s->l1, s->l2, NULL);
        if (!failed(c) && is_debug(s->name))
            fail_at(c, s->line, s->col, "%s", "cannot assign to __debug__");
        return;
    case S_CLASS: {
        Ctx body = {0, 0};
        cp_stmts(c, s->l2, body);
        cp_keywords(c, s, s->l3);
        cp_elements(c, s->l1);
        cp_exprs(c, s->l3);
        if (!failed(c) && is_debug(s->name))
            fail_at(c, s->line, s->col, "%s", "cannot assign to __debug__");
        return;
    }
    case S_IMPORT: case S_IMPORTFROM:
        for (int i = 0; i < s->l1.len; i++) {
            const Node *a = s->l1.items[i];
            if (is_debug(a->str ? a->str : a->name)) {
                fail_at(c, s->line, s->col, "%s", "cannot assign to __debug__");
                return;
            }
        }
        return;
    case S_TRY:
        cp_stmts(c, s->l1, x);
        cp_stmts(c, s->l3, x);
        for (int i = 0; i < s->l2.len && !failed(c); i++) {
            const Node *h = s->l2.items[i];
            if (!h->a && i < s->l2.len - 1) {
                fail_at(c, h->line, h->col, "%s", "default 'except:' must be last");
                return;
            }
            cp_expr(c, h->a);
            if (!failed(c) && is_debug(h->name)) {
                fail_at(c, h->line, h->col, "%s", "cannot assign to __debug__");
                return;
            }
            cp_stmts(c, h->l1, x);
        }
        cp_stmts(c, s->l4, x);
        return;
    case S_IF:
        cp_expr(c, s->a);
        cp_stmts(c, s->l1, x);
        cp_stmts(c, s->l2, x);
        return;
    case S_WITH:
        cp_stmts(c, s->l1, x);
        return;
    case S_GLOBAL: case S_NONLOCAL: case S_PASS:
        return;
    default:
        cp_expr(c, s->a);
        cp_expr(c, s->b);
        return;
    }
}

static void cp_stmts(Check *c, NodeList l, Ctx x)
{
    for (int i = 0; i < l.len && !failed(c); i++)
        cp_stmt(c, l.items[i], x);
}

void parse_check_tree(Parser *p, NodeList body)
{
    Check c;
    memset(&c, 0, sizeof c);
    c.p = p;
    Scope *module = scope_new(&c, SC_MODULE);
    c.cur = c.module = module;
    st_stmts(&c, body);
    if (!failed(&c))
        analyze(&c, module, parse_intern(p, "__class__", 9));
    if (!failed(&c)) {
        Ctx top = {0, 0};
        cp_stmts(&c, body, top);
    }
    for (size_t i = 0; i < c.nall; i++) {
        free(c.all[i]->syms);
        free(c.all[i]->slots);
        free(c.all[i]->kids);
        free(c.all[i]);
    }
    free(c.all);
}
