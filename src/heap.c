#include "heap.h"

#include <stdlib.h>
#include <string.h>

#include "xmem.h"

enum {
    NCLASSES = HEAP_SMALL_MAX / HEAP_ALIGN,
    POOL_OVERHEAD = 48,                       /* pool header, as pymalloc */
    POOLS_PER_ARENA = HEAP_ARENA_SIZE / HEAP_POOL_SIZE,
};

typedef struct Pool {
    uint64_t base;
    uint32_t szidx, nblocks, nused, nextfresh;
    int32_t freehead;          /* -1: no freed block */
    int32_t *freenext;
    Obj **objs;                /* live object per block, or NULL */
    struct Pool *next, *prev;  /* in usedpools[szidx] while it has room */
    bool linked;
} Pool;

typedef struct {
    uint64_t addr;
    uint32_t size;
    Obj *obj;                  /* NULL: freed */
} LargeBlock;

/* The freed large blocks of one size, last freed on top. */
typedef struct {
    uint32_t size;             /* 0: unused slot */
    size_t *idx;               /* indexes into H.large */
    size_t n, cap;
} FreeStack;

static struct {
    uint64_t limit, used;
    Pool **arenas;             /* POOLS_PER_ARENA pools each */
    size_t narenas, arenas_cap;
    size_t pools_taken;        /* pools handed out so far, over all arenas */
    Pool *usedpools[NCLASSES];
    /* large area */
    LargeBlock *large;         /* sorted by address (bump order) */
    size_t nlarge, large_cap;
    uint64_t large_top;
    FreeStack *fstacks;        /* open addressing by size */
    size_t fs_cap, fs_len;
    /* static area */
    Obj **statics;
    size_t nstatics, statics_cap;
    uint64_t static_top;
} H;

/* ---- host memory of objects ----
 * Objects die and are born by the million in a loop; recycling their host
 * structs per 16-byte size class keeps malloc out of the interpreter's way.
 * heap_new hands out a host struct and its simulated block in one go. */
enum { HOST_CLASSES = 16, HOST_KEEP = 1 << 16 };
static void *host_free[HOST_CLASSES + 1];
static size_t host_nfree[HOST_CLASSES + 1];

/* Clears a recycled struct of c 16-byte units. Constant sizes let the
 * compiler store the zeros inline (a variable memset is a library call or a
 * slow-starting string instruction, on the hottest path of all). */
static inline void zero_class(void *p, size_t c)
{
    switch (c) {
#define Z(n) case n: memset(p, 0, (n) * 16); break;
    Z(1) Z(2) Z(3) Z(4) Z(5) Z(6) Z(7) Z(8) Z(9) Z(10) Z(11) Z(12) Z(13) Z(14) Z(15) Z(16)
#undef Z
    }
}

static inline __attribute__((always_inline)) Obj *host_alloc(size_t csize)
{
    size_t c = (csize + 15) >> 4;
    if (c > HOST_CLASSES) {
        Obj *o = xcalloc(1, csize);
        o->hclass = 0;
        return o;
    }
    Obj *o = host_free[c];
    if (o) {
        host_free[c] = *(void **)o;
        host_nfree[c]--;
        zero_class(o, c);
    } else {
        o = xcalloc(1, c << 4);
    }
    o->hclass = (uint8_t)c;
    return o;
}

void heap_free_host(Obj *o)
{
    size_t c = o->hclass;
    if (c == 0 || host_nfree[c] >= HOST_KEEP) {
        free(o);
        return;
    }
    *(void **)o = host_free[c];
    host_free[c] = o;
    host_nfree[c]++;
}

void heap_init(uint64_t max_bytes)
{
    memset(&H, 0, sizeof H);
    H.limit = max_bytes;
    H.large_top = HEAP_LARGE_BASE;
    H.static_top = HEAP_STATIC_BASE;
}

void heap_shutdown(void)
{
    for (size_t c = 0; c <= HOST_CLASSES; c++)
        while (host_free[c]) {
            void *next = *(void **)host_free[c];
            free(host_free[c]);
            host_free[c] = next;
        }
    memset(host_nfree, 0, sizeof host_nfree);
    for (size_t a = 0; a < H.narenas; a++) {
        for (int p = 0; p < POOLS_PER_ARENA; p++) {
            free(H.arenas[a][p].objs);
            free(H.arenas[a][p].freenext);
        }
        free(H.arenas[a]);
    }
    free(H.arenas);
    free(H.large);
    for (size_t i = 0; i < H.fs_cap; i++)
        free(H.fstacks[i].idx);
    free(H.fstacks);
    free(H.statics);
    memset(&H, 0, sizeof H);
}

uint64_t heap_used(void) { return H.used; }
uint64_t heap_limit(void) { return H.limit; }
void heap_set_limit(uint64_t max_bytes) { H.limit = max_bytes; }

bool heap_reserve(int64_t delta)
{
    if (delta > 0 && (uint64_t)delta > H.limit - H.used)
        return false;
    if (delta < 0 && (uint64_t)-delta > H.used)
        H.used = 0;
    else
        H.used += (uint64_t)delta;
    return true;
}

static uint64_t obj_offset(bool gc) { return gc ? HEAP_GC_HEAD : 0; }
static uint64_t block_start(const Obj *o) { return o->addr - obj_offset(o->flags & OF_GC_HEAD); }
static void set_gc_head(Obj *o, bool gc)
{
    o->flags = (uint8_t)(gc ? o->flags | OF_GC_HEAD : o->flags & ~OF_GC_HEAD);
}

/* Block number of an offset inside a pool: off / ((szidx + 1) * 16) by a
 * multiply, exact for every offset below the pool size (no divide in the
 * hot free path). */
#define RECIP(i) (uint32_t)((1ull << 32) / (((i) + 1) * HEAP_ALIGN) + 1)
static const uint32_t recip[NCLASSES] = {
    RECIP(0), RECIP(1), RECIP(2), RECIP(3), RECIP(4), RECIP(5), RECIP(6), RECIP(7),
    RECIP(8), RECIP(9), RECIP(10), RECIP(11), RECIP(12), RECIP(13), RECIP(14), RECIP(15),
    RECIP(16), RECIP(17), RECIP(18), RECIP(19), RECIP(20), RECIP(21), RECIP(22), RECIP(23),
    RECIP(24), RECIP(25), RECIP(26), RECIP(27), RECIP(28), RECIP(29), RECIP(30), RECIP(31),
};

static inline uint32_t block_index(uint64_t off, uint32_t szidx)
{
    return (uint32_t)((off * recip[szidx]) >> 32);
}

/* ---- pools ---- */
static inline void pool_unlink(Pool *p)
{
    if (!p->linked)
        return;
    if (p->prev)
        p->prev->next = p->next;
    else
        H.usedpools[p->szidx] = p->next;
    if (p->next)
        p->next->prev = p->prev;
    p->next = p->prev = NULL;
    p->linked = false;
}

static inline void pool_link_front(Pool *p)
{
    if (H.usedpools[p->szidx] == p)
        return;
    pool_unlink(p);
    p->next = H.usedpools[p->szidx];
    if (p->next)
        p->next->prev = p;
    p->prev = NULL;
    H.usedpools[p->szidx] = p;
    p->linked = true;
}

static Pool *pool_new(uint32_t szidx)
{
    if (HEAP_POOL_SIZE > H.limit - H.used)
        return NULL;
    size_t a = H.pools_taken / POOLS_PER_ARENA, i = H.pools_taken % POOLS_PER_ARENA;
    if (a == H.narenas) {
        xgrow((void **)&H.arenas, &H.arenas_cap, H.narenas + 1, sizeof *H.arenas);
        H.arenas[H.narenas++] = xcalloc(POOLS_PER_ARENA, sizeof(Pool));
    }
    Pool *p = &H.arenas[a][i];
    H.pools_taken++;
    H.used += HEAP_POOL_SIZE;
    uint32_t size = (szidx + 1) * HEAP_ALIGN;
    p->base = HEAP_ARENA_BASE + (uint64_t)a * HEAP_ARENA_SIZE + (uint64_t)i * HEAP_POOL_SIZE;
    p->szidx = szidx;
    p->nblocks = (HEAP_POOL_SIZE - POOL_OVERHEAD) / size;
    p->freehead = -1;
    p->objs = xcalloc(p->nblocks, sizeof *p->objs);
    p->freenext = xcalloc(p->nblocks, sizeof *p->freenext);
    return p;
}

static inline Pool *pool_of(uint64_t addr)
{
    if (addr < HEAP_ARENA_BASE)
        return NULL;
    uint64_t off = addr - HEAP_ARENA_BASE;
    size_t n = off / HEAP_POOL_SIZE;
    if (n >= H.pools_taken)
        return NULL;
    return &H.arenas[n / POOLS_PER_ARENA][n % POOLS_PER_ARENA];
}

/* ---- large area: blocks in address order, freed ones reused per size ---- */
static LargeBlock *large_find(uint64_t addr)
{
    size_t lo = 0, hi = H.nlarge;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (H.large[mid].addr + H.large[mid].size <= addr)
            lo = mid + 1;
        else if (H.large[mid].addr > addr)
            hi = mid;
        else
            return &H.large[mid];
    }
    return NULL;
}

static FreeStack *free_stack(uint32_t size, bool create)
{
    if (create && (H.fs_len + 1) * 2 > H.fs_cap) {
        size_t ncap = H.fs_cap ? H.fs_cap * 2 : 64;
        FreeStack *n = xcalloc(ncap, sizeof *n);
        for (size_t i = 0; i < H.fs_cap; i++)
            if (H.fstacks[i].size) {
                size_t j = (H.fstacks[i].size / HEAP_ALIGN) & (ncap - 1);
                while (n[j].size)
                    j = (j + 1) & (ncap - 1);
                n[j] = H.fstacks[i];
            }
        free(H.fstacks);
        H.fstacks = n;
        H.fs_cap = ncap;
    }
    if (!H.fs_cap)
        return NULL;
    size_t j = (size / HEAP_ALIGN) & (H.fs_cap - 1);
    while (H.fstacks[j].size && H.fstacks[j].size != size)
        j = (j + 1) & (H.fs_cap - 1);
    if (!H.fstacks[j].size) {
        if (!create)
            return NULL;
        H.fstacks[j].size = size;
        H.fs_len++;
    }
    return &H.fstacks[j];
}

static bool large_alloc(Obj *o, uint32_t size, uint64_t off)
{
    size = (size + HEAP_ALIGN - 1) & ~(uint32_t)(HEAP_ALIGN - 1);
    if (size > H.limit - H.used)
        return false;
    /* the last freed block of the same size first */
    LargeBlock *best = NULL;
    FreeStack *fs = free_stack(size, false);
    if (fs && fs->n)
        best = &H.large[fs->idx[--fs->n]];
    if (!best) {
        xgrow((void **)&H.large, &H.large_cap, H.nlarge + 1, sizeof *H.large);
        best = &H.large[H.nlarge++];
        best->addr = H.large_top + HEAP_ALIGN; /* room for malloc's header */
        best->size = size;
        H.large_top = best->addr + size;
    }
    best->obj = o;
    H.used += size;
    o->addr = best->addr + off;
    o->block = size;
    o->hpool = NULL;
    return true;
}

static inline __attribute__((always_inline)) bool block_alloc(Obj *o, uint32_t size, bool gc)
{
    uint64_t off = obj_offset(gc);
    set_gc_head(o, gc);
    if (size > HEAP_SMALL_MAX)
        return large_alloc(o, size, off);
    uint32_t szidx = (size + HEAP_ALIGN - 1) / HEAP_ALIGN - 1;
    Pool *p = H.usedpools[szidx];
    if (!p) {
        p = pool_new(szidx);
        if (!p)
            return false;
        pool_link_front(p);
    }
    uint32_t b;
    if (p->freehead >= 0) {
        b = (uint32_t)p->freehead;
        p->freehead = p->freenext[b];
    } else {
        b = p->nextfresh++;
    }
    p->nused++;
    p->objs[b] = o;
    o->hpool = p;
    if (p->nused == p->nblocks)
        pool_unlink(p);
    uint32_t bsize = (szidx + 1) * HEAP_ALIGN;
    o->addr = p->base + POOL_OVERHEAD + (uint64_t)b * bsize + off;
    o->block = bsize;
    return true;
}

bool heap_alloc(Obj *o, uint32_t size, bool gc) { return block_alloc(o, size, gc); }

Obj *heap_new(size_t csize, uint32_t size, bool gc)
{
    Obj *o = host_alloc(csize);
    if (!block_alloc(o, size, gc)) {
        heap_free_host(o);
        return NULL;
    }
    return o;
}

void heap_alloc_static(Obj *o, uint32_t size, bool gc)
{
    size = (size + HEAP_ALIGN - 1) & ~(uint32_t)(HEAP_ALIGN - 1);
    set_gc_head(o, gc);
    o->addr = H.static_top + obj_offset(gc);
    o->block = size;
    o->hpool = NULL;
    H.static_top += size;
    xgrow((void **)&H.statics, &H.statics_cap, H.nstatics + 1, sizeof *H.statics);
    H.statics[H.nstatics++] = o;
}

static inline __attribute__((always_inline)) void block_free(Obj *o)
{
    Pool *p = o->hpool;
    uint64_t start = block_start(o);
    if (p) {
        uint32_t b = block_index(start - p->base - POOL_OVERHEAD, p->szidx);
        p->objs[b] = NULL;
        p->freenext[b] = p->freehead;
        p->freehead = (int32_t)b;
        p->nused--;
        if (H.usedpools[p->szidx] != p)
            pool_link_front(p);
        return;
    }
    LargeBlock *lb = large_find(start);
    if (lb && lb->obj == o) {
        lb->obj = NULL;
        H.used -= lb->size;
        FreeStack *fs = free_stack(lb->size, true);
        xgrow((void **)&fs->idx, &fs->cap, fs->n + 1, sizeof *fs->idx);
        fs->idx[fs->n++] = (size_t)(lb - H.large);
    }
}

void heap_free(Obj *o) { block_free(o); }

void heap_delete(Obj *o)
{
    block_free(o);
    heap_free_host(o);
}

static Obj *static_at(uint64_t addr)
{
    size_t lo = 0, hi = H.nstatics;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        Obj *s = H.statics[mid];
        uint64_t start = block_start(s);
        if (start + s->block <= addr)
            lo = mid + 1;
        else if (start > addr)
            hi = mid;
        else
            return s;
    }
    return NULL;
}

/* The object whose block holds addr; *freed set when the block is free. */
static Obj *block_holder(uint64_t addr, bool *inside, bool *freed)
{
    *inside = *freed = false;
    Pool *p = pool_of(addr);
    if (p) {
        *inside = true;
        if (addr < p->base + POOL_OVERHEAD)
            return NULL;
        uint32_t b = block_index(addr - p->base - POOL_OVERHEAD, p->szidx);
        if (b >= p->nblocks)
            return NULL;
        if (!p->objs[b])
            *freed = b < p->nextfresh;
        return p->objs[b];
    }
    if (addr >= HEAP_LARGE_BASE && addr < H.large_top) {
        *inside = true;
        LargeBlock *lb = large_find(addr);
        if (lb && !lb->obj)
            *freed = true;
        return lb ? lb->obj : NULL;
    }
    if (addr >= HEAP_STATIC_BASE && addr < H.static_top) {
        *inside = true;
        return static_at(addr);
    }
    return NULL;
}

Obj *heap_object_at(uint64_t addr)
{
    bool inside, freed;
    Obj *o = block_holder(addr, &inside, &freed);
    return o && o->addr == addr ? o : NULL;
}

bool heap_read_word(uint64_t addr, int64_t *out)
{
    bool inside, freed;
    Obj *o = block_holder(addr, &inside, &freed);
    if (!inside)
        return false;
    if (o && addr == o->addr)
        *out = o->refcnt;
    else if (o && addr == o->addr + 8)
        *out = o->type ? (int64_t)o->type->h.addr : 0;
    else if (freed)
        *out = 0;
    else {
        uint64_t x = addr * 0x9E3779B97F4A7C15ull;
        *out = (int64_t)(x >> 20);
    }
    return true;
}

void heap_foreach(void (*fn)(Obj *o, void *arg), void *arg)
{
    for (size_t n = 0; n < H.pools_taken; n++) {
        Pool *p = &H.arenas[n / POOLS_PER_ARENA][n % POOLS_PER_ARENA];
        for (uint32_t b = 0; b < p->nextfresh; b++)
            if (p->objs[b])
                fn(p->objs[b], arg);
    }
    for (size_t i = 0; i < H.nlarge; i++)
        if (H.large[i].obj)
            fn(H.large[i].obj, arg);
}

void heap_foreach_static(void (*fn)(Obj *o, void *arg), void *arg)
{
    for (size_t i = 0; i < H.nstatics; i++)
        fn(H.statics[i], arg);
}
