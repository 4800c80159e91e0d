/* comp_sym: scopes and the resolution of every name (local, global, cell,
 * free), as CPython's symtable.c decides them. */
#include <stdlib.h>
#include <string.h>

#include "comp_int.h"
#include "xmem.h"

static Scope *scope_new(ScopeKind kind, const char *name, Node *node, Scope *parent)
{
    Scope *s = xcalloc(1, sizeof *s);
    s->kind = kind;
    s->name = ev_intern(name);
    s->node = node;
    s->parent = parent;
    if (parent) {
        xgrow((void **)&parent->children, &parent->children_cap, (size_t)parent->nchildren + 1,
              sizeof *parent->children);
        parent->children[parent->nchildren++] = s;
        /* qualname as CPython: A.f, f.<locals>.g */
        if (parent->kind == SCOPE_MODULE) {
            s->qualname = s->name;
        } else {
            char buf[512];
            snprintf(buf, sizeof buf, parent->kind == SCOPE_FUNCTION ? "%s.<locals>.%s" : "%s.%s",
                     parent->qualname, name);
            s->qualname = ev_intern(buf);
        }
        s->in_class_method = parent->kind == SCOPE_CLASS && kind == SCOPE_FUNCTION;
    } else {
        s->qualname = s->name;
    }
    return s;
}

void sym_free(Scope *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->nchildren; i++)
        sym_free(s->children[i]);
    free(s->children);
    free(s->syms);
    free(s->params);
    free(s);
}

Sym *sym_lookup(Scope *s, const char *name)
{
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].name == name || strcmp(s->syms[i].name, name) == 0)
            return &s->syms[i];
    return NULL;
}

Scope *sym_child(Scope *s, Node *node)
{
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->node == node)
            return s->children[i];
    return NULL;
}

static Sym *sym_add(Scope *s, const char *name, int flags)
{
    name = ev_intern(name);
    Sym *y = sym_lookup(s, name);
    if (!y) {
        xgrow((void **)&s->syms, &s->syms_cap, (size_t)s->nsyms + 1, sizeof *s->syms);
        y = &s->syms[s->nsyms++];
        y->name = name;
        y->flags = 0;
        y->scope = SC_NONE;
    }
    y->flags |= flags;
    return y;
}

/* ---------- pass 1: collect ---------- */
typedef struct {
    Scope *cur;
    Diag *d;
} Walk;

static void walk_expr(Walk *w, Node *n);
static void walk_stmts(Walk *w, NodeList *l);

static void walk_list(Walk *w, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        walk_expr(w, l->items[i]);
}

static void bind_target(Walk *w, Node *t)
{
    switch (t->kind) {
    case E_NAME: sym_add(w->cur, t->name, DEF_LOCAL); break;
    case E_TUPLE:
    case E_LIST:
        for (int i = 0; i < t->l1.len; i++)
            bind_target(w, t->l1.items[i]);
        break;
    case E_STARRED: bind_target(w, t->a); break;
    default: walk_expr(w, t); break; /* attribute / subscript: loads */
    }
}

static void add_params(Scope *s, NodeList *params)
{
    s->params = xcalloc((size_t)params->len + 1, sizeof *s->params);
    /* CPython orders positional, then keyword-only, then *args, then **kw */
    static const int order[] = {PARAM_PLAIN, PARAM_KWONLY, PARAM_STAR, PARAM_DSTAR};
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < params->len; i++) {
            Node *p = params->items[i];
            if (p->op == order[k]) {
                Sym *y = sym_add(s, p->name, DEF_PARAM | DEF_LOCAL);
                s->params[s->nparams++] = y->name;
            }
        }
}

static void walk_defaults(Walk *w, NodeList *params)
{
    for (int i = 0; i < params->len; i++)
        if (params->items[i]->a)
            walk_expr(w, params->items[i]->a);
}

static void walk_comprehension(Walk *w, Node *n, const char *name)
{
    NodeList *fors = &n->l1;
    walk_expr(w, fors->items[0]->b); /* the first iterable runs outside */
    Scope *saved = w->cur;
    Scope *s = scope_new(SCOPE_FUNCTION, name, n, saved);
    s->params = xcalloc(1, sizeof *s->params);
    s->params[s->nparams++] = sym_add(s, ".0", DEF_PARAM | DEF_LOCAL)->name;
    s->generator = n->kind == E_GENEXP;
    w->cur = s;
    for (int i = 0; i < fors->len; i++) {
        Node *f = fors->items[i];
        if (i > 0)
            walk_expr(w, f->b);
        bind_target(w, f->a);
        walk_list(w, &f->l1);
    }
    walk_expr(w, n->a);
    if (n->b)
        walk_expr(w, n->b);
    w->cur = saved;
}

static void walk_expr(Walk *w, Node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case E_NAME:
        sym_add(w->cur, n->name, DEF_USE);
        if (w->cur->kind == SCOPE_FUNCTION && strcmp(n->name, "super") == 0)
            sym_add(w->cur, "__class__", DEF_USE);
        break;
    case E_LAMBDA: {
        walk_defaults(w, &n->l1);
        Scope *saved = w->cur;
        Scope *s = scope_new(SCOPE_FUNCTION, "<lambda>", n, saved);
        add_params(s, &n->l1);
        w->cur = s;
        walk_expr(w, n->a);
        w->cur = saved;
        break;
    }
    case E_LISTCOMP: walk_comprehension(w, n, "<listcomp>"); break;
    case E_SETCOMP: walk_comprehension(w, n, "<setcomp>"); break;
    case E_DICTCOMP: walk_comprehension(w, n, "<dictcomp>"); break;
    case E_GENEXP: walk_comprehension(w, n, "<genexpr>"); break;
    case E_FORMATTED:
        walk_expr(w, n->a);
        walk_expr(w, n->b);
        break;
    default:
        walk_expr(w, n->a);
        walk_expr(w, n->b);
        walk_expr(w, n->c);
        walk_list(w, &n->l1);
        walk_list(w, &n->l2);
        break;
    }
}

static void walk_stmt(Walk *w, Node *n)
{
    switch (n->kind) {
    case S_EXPR: walk_expr(w, n->a); break;
    case S_ASSIGN:
        walk_expr(w, n->a);
        for (int i = 0; i < n->l1.len; i++)
            bind_target(w, n->l1.items[i]);
        break;
    case S_AUGASSIGN:
        walk_expr(w, n->b);
        if (n->a->kind == E_NAME)
            sym_add(w->cur, n->a->name, DEF_LOCAL | DEF_USE);
        else
            walk_expr(w, n->a);
        break;
    case S_DEL:
        for (int i = 0; i < n->l1.len; i++)
            bind_target(w, n->l1.items[i]);
        break;
    case S_IF:
    case S_WHILE:
        walk_expr(w, n->a);
        walk_stmts(w, &n->l1);
        walk_stmts(w, &n->l2);
        break;
    case S_FOR:
        walk_expr(w, n->b);
        bind_target(w, n->a);
        walk_stmts(w, &n->l1);
        walk_stmts(w, &n->l2);
        break;
    case S_DEF: {
        walk_defaults(w, &n->l1);
        sym_add(w->cur, n->name, DEF_LOCAL);
        Scope *saved = w->cur;
        Scope *s = scope_new(SCOPE_FUNCTION, n->name, n, saved);
        add_params(s, &n->l1);
        w->cur = s;
        walk_stmts(w, &n->l2);
        w->cur = saved;
        break;
    }
    case S_CLASS: {
        walk_list(w, &n->l1);
        sym_add(w->cur, n->name, DEF_LOCAL);
        Scope *saved = w->cur;
        Scope *s = scope_new(SCOPE_CLASS, n->name, n, saved);
        w->cur = s;
        walk_stmts(w, &n->l2);
        w->cur = saved;
        break;
    }
    case S_RETURN: walk_expr(w, n->a); break;
    case S_GLOBAL:
    case S_NONLOCAL:
        for (int i = 0; i < n->l1.len; i++) {
            Node *nm = n->l1.items[i];
            Sym *y = sym_lookup(w->cur, nm->name);
            if (y && (y->flags & (DEF_LOCAL | DEF_USE | DEF_PARAM)) && w->cur->kind != SCOPE_MODULE) {
                const char *what = y->flags & DEF_PARAM ? "parameter" : y->flags & DEF_LOCAL ? "assigned to" : "used";
                if (y->flags & DEF_PARAM)
                    diag_set(w->d, DIAG_SYNTAX, nm->line, nm->col, "name '%s' is parameter and %s",
                             nm->name, n->kind == S_GLOBAL ? "global" : "nonlocal");
                else
                    diag_set(w->d, DIAG_SYNTAX, nm->line, nm->col, "name '%s' is %s before %s declaration",
                             nm->name, what, n->kind == S_GLOBAL ? "global" : "nonlocal");
            }
            if (n->kind == S_NONLOCAL && w->cur->kind == SCOPE_MODULE)
                diag_set(w->d, DIAG_SYNTAX, n->line, n->col, "nonlocal declaration not allowed at module level");
            sym_add(w->cur, nm->name, n->kind == S_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL);
        }
        break;
    case S_IMPORT:
        for (int i = 0; i < n->l1.len; i++) {
            Node *al = n->l1.items[i];
            if (al->str) {
                sym_add(w->cur, al->str, DEF_LOCAL);
            } else {
                char first[256];
                size_t k = strcspn(al->name, ".");
                snprintf(first, sizeof first, "%.*s", (int)(k < 255 ? k : 255), al->name);
                sym_add(w->cur, first, DEF_LOCAL);
            }
        }
        break;
    case S_IMPORTFROM:
        for (int i = 0; i < n->l1.len; i++) {
            Node *al = n->l1.items[i];
            if (strcmp(al->name, "*") != 0)
                sym_add(w->cur, al->str ? al->str : al->name, DEF_LOCAL);
        }
        break;
    case S_ASSERT:
        walk_expr(w, n->a);
        walk_expr(w, n->b);
        break;
    case S_RAISE:
        walk_expr(w, n->a);
        walk_expr(w, n->b);
        break;
    case S_TRY:
        walk_stmts(w, &n->l1);
        for (int i = 0; i < n->l2.len; i++) {
            Node *h = n->l2.items[i];
            walk_expr(w, h->a);
            if (h->name)
                sym_add(w->cur, h->name, DEF_LOCAL);
            walk_stmts(w, &h->l1);
        }
        walk_stmts(w, &n->l3);
        walk_stmts(w, &n->l4);
        break;
    case S_WITH:
        walk_stmts(w, &n->l1);
        break;
    default:
        break;
    }
}

static void walk_stmts(Walk *w, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        walk_stmt(w, l->items[i]);
}

/* ---------- pass 2: analyse ----------
 * bound: names bound as locals in enclosing function scopes; the names
 * free in s (ev_intern'ed pointers) are added to free_out. */
typedef struct {
    const char **items;
    size_t len, cap;
} NameSet;

static bool nameset_has(NameSet *s, const char *n)
{
    for (size_t i = 0; i < s->len; i++)
        if (s->items[i] == n)
            return true;
    return false;
}

static void nameset_add(NameSet *s, const char *n)
{
    if (nameset_has(s, n))
        return;
    xgrow((void **)&s->items, &s->cap, s->len + 1, sizeof *s->items);
    s->items[s->len++] = n;
}

static bool analyze(Scope *s, NameSet *bound, NameSet *free_out, Diag *d)
{
    const char *class_name = ev_intern("__class__");
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        if (y->flags & DEF_GLOBAL) {
            y->scope = SC_GLOBAL_EXPLICIT;
        } else if (y->flags & DEF_NONLOCAL) {
            if (!nameset_has(bound, y->name)) {
                Node *at = s->node;
                diag_set(d, DIAG_SYNTAX, at ? at->line : 1, at ? at->col : 1,
                         "no binding for nonlocal '%s' found", y->name);
                return false;
            }
            y->scope = SC_FREE;
        } else if (y->flags & (DEF_LOCAL | DEF_PARAM)) {
            y->scope = s->kind == SCOPE_MODULE ? SC_GLOBAL_IMPLICIT : SC_LOCAL;
        } else if (s->kind != SCOPE_MODULE && nameset_has(bound, y->name)) {
            y->scope = SC_FREE;
        } else if (y->name == class_name && s->kind == SCOPE_FUNCTION && nameset_has(bound, class_name)) {
            y->scope = SC_FREE;
        } else {
            y->scope = SC_GLOBAL_IMPLICIT;
        }
    }
    NameSet child_bound = {0};
    for (size_t i = 0; i < bound->len; i++)
        nameset_add(&child_bound, bound->items[i]);
    if (s->kind == SCOPE_FUNCTION)
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == SC_LOCAL)
                nameset_add(&child_bound, s->syms[i].name);
    if (s->kind == SCOPE_CLASS)
        nameset_add(&child_bound, class_name);
    bool ok = true;
    for (int c = 0; c < s->nchildren && ok; c++) {
        NameSet child_free = {0};
        ok = analyze(s->children[c], &child_bound, &child_free, d);
        for (size_t i = 0; ok && i < child_free.len; i++) {
            const char *n = child_free.items[i];
            if (s->kind == SCOPE_CLASS && n == class_name) {
                s->needs_class_cell = true;
                continue;
            }
            Sym *y = sym_lookup(s, n);
            if (s->kind == SCOPE_FUNCTION && y && (y->scope == SC_LOCAL || y->scope == SC_CELL)) {
                y->scope = SC_CELL;
                continue;
            }
            if (!y)
                y = sym_add(s, n, 0);
            if (y->scope == SC_NONE || y->scope == SC_GLOBAL_IMPLICIT || y->scope == SC_FREE) {
                y->scope = SC_FREE;
            } else if (s->kind == SCOPE_CLASS && y->scope == SC_LOCAL) {
                /* a class binds n but its methods see the enclosing
                 * function's n: the class passes that cell down too */
                y->flags |= DEF_FREE_CLASS;
                nameset_add(free_out, n);
            }
        }
        free(child_free.items);
    }
    free(child_bound.items);
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == SC_FREE)
            nameset_add(free_out, s->syms[i].name);
    return ok;
}

Scope *sym_build(Ast *ast, Diag *d)
{
    Scope *mod = scope_new(SCOPE_MODULE, "<module>", NULL, NULL);
    Walk w = {mod, d};
    walk_stmts(&w, &ast->body);
    if (d->set) {
        sym_free(mod);
        return NULL;
    }
    NameSet bound = {0}, free_names = {0};
    bool ok = analyze(mod, &bound, &free_names, d);
    free(bound.items);
    free(free_names.items);
    if (!ok) {
        sym_free(mod);
        return NULL;
    }
    return mod;
}
