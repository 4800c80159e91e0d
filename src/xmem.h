/* xmem: memviz's own memory (never the simulated heap).
 * Every host allocation goes through these; on exhaustion they report and
 * exit through xmem_fatal, which first runs the hook the UI installs to
 * restore the terminal. */
#ifndef MEMVIZ_XMEM_H
#define MEMVIZ_XMEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *items (of *cap elements of size elem) so it can hold need elements. */
void xgrow(void **items, size_t *cap, size_t need, size_t elem);

/* Fatal host error: runs the cleanup hook once, prints "memviz: msg", exits 2. */
_Noreturn void xmem_fatal(const char *fmt, ...);
void xmem_set_fatal_hook(void (*hook)(void));

/* A bump arena for data that dies all at once (AST nodes, their strings). */
typedef struct Arena Arena;
Arena *arena_new(void);
void *arena_alloc(Arena *a, size_t n);          /* zeroed, 16-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n); /* NUL-terminated copy */
void arena_free(Arena *a);

#endif
