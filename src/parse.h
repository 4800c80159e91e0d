/* parse: scenario text -> Ast. Hand-written recursive descent over the
 * tokens of lex.h. Stops at the first error and reports it precisely. */
#ifndef MEMVIZ_PARSE_H
#define MEMVIZ_PARSE_H

#include <stddef.h>

#include "ast.h"
#include "diag.h"

/* Parses a whole module. src need not be NUL-terminated and may hold any
 * bytes. Returns the tree, or NULL with the first error recorded in *d.
 * Nesting deeper than CPython allows (200 brackets, 100 indentation levels,
 * and an overall recursion bound) is a SyntaxError/IndentationError, so no
 * input can exhaust the C stack. */
Ast *parse_program(const char *src, size_t len, Diag *d);

/* Parses a single expression (the command line's "print x" helper and
 * f-string fields use it). Same contract as parse_program; the result's
 * body holds one S_EXPR. */
Ast *parse_expression(const char *src, size_t len, Diag *d);

#endif
