/* comp_int: what the compiler's passes share (symbol tables, constants). */
#ifndef MEMVIZ_COMP_INT_H
#define MEMVIZ_COMP_INT_H

#include "comp.h"
#include "rt.h"

/* ---- symbol tables (comp_sym.c) ---- */
enum { DEF_LOCAL = 1, DEF_PARAM = 2, DEF_GLOBAL = 4, DEF_NONLOCAL = 8, DEF_USE = 16,
       DEF_FREE_CLASS = 32 /* a class binds it, and its methods close over the outer one */ };
typedef enum { SC_NONE, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL } SymScope;
typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS } ScopeKind;

typedef struct {
    const char *name;  /* ev_intern'ed */
    int flags;
    SymScope scope;
} Sym;

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    const char *name;       /* "<module>", the function or class name, "<lambda>", "<listcomp>"... */
    const char *qualname;
    Node *node;             /* the S_DEF/S_CLASS/E_LAMBDA/comprehension node, NULL for the module */
    Scope *parent;
    Scope **children;
    int nchildren;
    size_t children_cap;
    Sym *syms;
    int nsyms;
    size_t syms_cap;
    const char **params;    /* parameter names in order */
    int nparams;
    bool generator;
    bool needs_class_cell;  /* a class whose methods use super() / __class__ */
    bool in_class_method;   /* a function defined directly in a class body */
};

/* Builds and analyses the scopes of a module. NULL with *d set on error
 * (e.g. "no binding for nonlocal 'x' found"). */
Scope *sym_build(Ast *ast, Diag *d);
void sym_free(Scope *s);
Sym *sym_lookup(Scope *s, const char *name);   /* NULL if the scope never saw it */
Scope *sym_child(Scope *s, Node *node);         /* the scope a node opened */

/* ---- constants (comp_fold.c) ---- */
typedef struct ConstTable ConstTable;
/* Folds the module's constant expressions once, creating one object per
 * literal (held by the tree, as CPython's parser does) and one per folded
 * result. false with *d set for a literal memviz cannot represent. */
ConstTable *const_build(Ast *ast, Diag *d);
/* The folded value of an expression node (borrowed) or NULL. */
Obj *const_of(ConstTable *t, Node *n);
/* The canonical object for value (merged with equal constants of the
 * module): borrowed. */
Obj *const_merge(ConstTable *t, Obj *value);
/* The tuple constant a list display becomes when iterated or tested with
 * `in` (for x in [1, 2]), or NULL (borrowed). */
Obj *const_iter_tuple(ConstTable *t, Node *list_node);
/* Gives the tree's references to the caller (they outlive compilation). */
Obj **const_take_literals(ConstTable *t, int *n);
void const_free(ConstTable *t);

#endif
