/* heap: the simulated allocator. It hands out CPython-like addresses (never
 * host pointers) and accounts simulated bytes against the heap limit.
 *
 * Small blocks (<= 512 bytes) come in 16-byte size classes from 4 KiB pools
 * carved out of 256 KiB arenas, as pymalloc does; the pool that last had a
 * block freed is the first one asked for the next block of its class, and
 * its free blocks come back last-freed-first, so a freed address is reused
 * by the next object of the same size class. Larger blocks come from a
 * separate area, reused per size the same way. Shared objects that live for
 * the whole run (None, small ints, types) get addresses in a static area. */
#ifndef MEMVIZ_HEAP_H
#define MEMVIZ_HEAP_H

#include <stdbool.h>
#include <stdint.h>

#include "obj.h"

enum {
    HEAP_GC_HEAD = 16,      /* container objects: id() is block start + 16 */
    HEAP_SMALL_MAX = 512,
    HEAP_ALIGN = 16,
    HEAP_POOL_SIZE = 4096,
    HEAP_ARENA_SIZE = 256 * 1024,
};

#define HEAP_ARENA_BASE 0x7f3a5c400000ull
#define HEAP_LARGE_BASE 0x7f3a20000000ull
#define HEAP_STATIC_BASE 0x55f0a1e00000ull

void heap_init(uint64_t max_bytes);
void heap_shutdown(void);

/* Gives o a block of `size` simulated bytes (size includes the GC head for
 * containers) and sets o->addr and o->block. Returns false, leaving o
 * unchanged, when the heap limit would be passed. */
bool heap_alloc(Obj *o, uint32_t size, bool gc);
/* An address in the static area for an object that is never freed. */
void heap_alloc_static(Obj *o, uint32_t size, bool gc);
/* Returns o's block; afterwards the address holds no object. */
void heap_free(Obj *o);
/* An object's host struct (csize bytes, zeroed) with its simulated block
 * of size bytes, or NULL past the heap limit; heap_delete gives both back.
 * heap_free_host returns only the struct (its block already given back). */
Obj *heap_new(size_t csize, uint32_t size, bool gc);
void heap_delete(Obj *o);
void heap_free_host(Obj *o);

/* Accounts variable-sized storage (list items, hash tables, str data) that
 * has no address of its own. Returns false when growing would pass the
 * limit (nothing is accounted then); shrinking always succeeds. */
bool heap_reserve(int64_t delta);

uint64_t heap_used(void);
uint64_t heap_limit(void);
void heap_set_limit(uint64_t max_bytes);

/* What ctypes.c_long.from_address(addr).value reads: the refcount of the
 * object whose id() is addr, 0 in a freed block, the type's address one
 * word later, a fixed pseudo-random word elsewhere in the heap. Returns
 * false when addr is outside every simulated area. */
bool heap_read_word(uint64_t addr, int64_t *out);

/* The live object whose id() is addr, or NULL. */
Obj *heap_object_at(uint64_t addr);

/* Calls fn on every live heap object (not static ones), in address order
 * per area. fn must not allocate or free. */
void heap_foreach(void (*fn)(Obj *o, void *arg), void *arg);
/* The same over the objects of the static area. */
void heap_foreach_static(void (*fn)(Obj *o, void *arg), void *arg);

#endif
