/* heapcheck: verifies every refcount against the references that exist. */
#ifndef MEMVIZ_HEAPCHECK_H
#define MEMVIZ_HEAPCHECK_H

#include <stddef.h>
#include <stdio.h>

#include "obj.h"

/* Returns the number of objects whose refcount disagrees with the
 * references found (0: the heap is consistent), reporting the first ones
 * on out. Only meaningful between instructions with no C caller active. */
int check_heap(FILE *out);

/* References held outside every object and frame (borrowed array). */
void check_set_roots(Obj **roots, size_t n);
void check_shutdown(void);

#endif
