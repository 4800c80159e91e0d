/* comp: Ast -> code objects, as CPython 3.11's compiler shapes them
 * (constant folding, equal constants merged, comprehensions as nested
 * functions, the same stack discipline). */
#ifndef MEMVIZ_COMP_H
#define MEMVIZ_COMP_H

#include "ast.h"
#include "code.h"
#include "diag.h"

typedef struct {
    CodeObj *code;     /* the module's code (one reference) */
    Obj **literals;    /* one reference per literal of the source: CPython's
                          parser keeps them alive while the module runs */
    int nliterals;
} CompResult;

/* Compiles a parsed module. Returns false with the first error in *d
 * (nothing allocated is left behind then). filename is ev_intern'ed. */
bool comp_module(Ast *ast, const char *filename, CompResult *out, Diag *d);

/* Drops the literals' references (when the module has finished) and the
 * code's. */
void comp_release(CompResult *r);

#endif
