/* The simulated allocator: deterministic CPython-like addresses, size
 * classes, last-freed-first-reused blocks, the heap limit, ctypes reads. */
#include <check.h>
#include <stdlib.h>

#include "heap.h"
#include "obj.h"

static Obj *mk(uint8_t kind)
{
    Obj *o = calloc(1, sizeof(Obj));
    o->kind = kind;
    o->refcnt = 1;
    return o;
}

static void setup(void) { heap_init(1u << 20); }
static void teardown(void) { heap_shutdown(); }

START_TEST(addresses_are_deterministic_and_aligned)
{
    Obj *a = mk(K_FLOAT), *b = mk(K_FLOAT), *c = mk(K_LIST);
    ck_assert(heap_alloc(a, 24, false));
    ck_assert(heap_alloc(b, 24, false));
    ck_assert(heap_alloc(c, 56, true));
    /* first pool of the first arena, after the 48-byte pool header */
    ck_assert_uint_eq(a->addr, HEAP_ARENA_BASE + 48);
    ck_assert_uint_eq(b->addr, a->addr + 32); /* 24 rounds up to the 32-byte class */
    ck_assert_uint_eq(a->addr % 16, 0);
    ck_assert_uint_eq(c->addr % 16, 0);
    /* containers: id() is past the 16-byte GC head of a 64-byte block */
    ck_assert_uint_eq(c->block, 64);
    ck_assert_uint_eq((c->addr - HEAP_GC_HEAD - HEAP_ARENA_BASE) % HEAP_POOL_SIZE, 48);
    ck_assert_uint_eq(a->addr >> 40, 0x7f);
    free(a), free(b), free(c);
}
END_TEST

START_TEST(size_classes_use_separate_pools)
{
    Obj *a = mk(K_FLOAT), *b = mk(K_INT), *c = mk(K_STR);
    ck_assert(heap_alloc(a, 24, false)); /* class 32 */
    ck_assert(heap_alloc(b, 28, false)); /* class 32 too: same pool */
    ck_assert(heap_alloc(c, 49, false)); /* class 64: a pool of its own */
    ck_assert_uint_eq(b->addr, a->addr + 32);
    ck_assert_uint_ne(c->addr / HEAP_POOL_SIZE, a->addr / HEAP_POOL_SIZE);
    ck_assert_uint_eq(c->block, 64);
    free(a), free(b), free(c);
}
END_TEST

START_TEST(last_freed_block_is_reused_first)
{
    Obj *o[4];
    for (int i = 0; i < 4; i++) {
        o[i] = mk(K_FLOAT);
        ck_assert(heap_alloc(o[i], 24, false));
    }
    uint64_t a1 = o[1]->addr, a2 = o[2]->addr;
    heap_free(o[1]);
    heap_free(o[2]);
    Obj *n1 = mk(K_FLOAT), *n2 = mk(K_FLOAT);
    ck_assert(heap_alloc(n1, 24, false));
    ck_assert(heap_alloc(n2, 24, false));
    ck_assert_uint_eq(n1->addr, a2); /* last freed, first reused */
    ck_assert_uint_eq(n2->addr, a1);
    for (int i = 0; i < 4; i++)
        free(o[i]);
    free(n1), free(n2);
}
END_TEST

START_TEST(reuse_prefers_the_pool_of_the_last_free)
{
    /* fill one pool of the 32-byte class and start a second */
    enum { PER_POOL = (HEAP_POOL_SIZE - 48) / 32 };
    Obj *o[PER_POOL + 2];
    for (int i = 0; i < PER_POOL + 2; i++) {
        o[i] = mk(K_FLOAT);
        ck_assert(heap_alloc(o[i], 24, false));
    }
    uint64_t first = o[3]->addr;
    heap_free(o[3]); /* in the full first pool */
    Obj *n = mk(K_FLOAT);
    ck_assert(heap_alloc(n, 24, false));
    ck_assert_uint_eq(n->addr, first);
    for (int i = 0; i < PER_POOL + 2; i++)
        free(o[i]);
    free(n);
}
END_TEST

START_TEST(large_objects_come_from_their_own_area)
{
    Obj *a = mk(K_TUPLE), *b = mk(K_TUPLE);
    ck_assert(heap_alloc(a, 4096, true));
    ck_assert(heap_alloc(b, 4096, true));
    ck_assert_uint_ge(a->addr, HEAP_LARGE_BASE);
    ck_assert_uint_lt(a->addr, HEAP_ARENA_BASE);
    uint64_t addr = b->addr;
    heap_free(b);
    Obj *c = mk(K_TUPLE);
    ck_assert(heap_alloc(c, 4096, true));
    ck_assert_uint_eq(c->addr, addr);
    free(a), free(b), free(c);
}
END_TEST

START_TEST(large_blocks_are_reused_last_freed_first)
{
    Obj *o[3], *n[2];
    for (int i = 0; i < 3; i++) {
        o[i] = mk(K_STR);
        ck_assert(heap_alloc(o[i], 700, false));
    }
    uint64_t a0 = o[0]->addr, a2 = o[2]->addr;
    heap_free(o[2]); /* the higher address first... */
    heap_free(o[0]); /* ...then the lower: it is reused first */
    for (int i = 0; i < 2; i++) {
        n[i] = mk(K_STR);
        ck_assert(heap_alloc(n[i], 700, false));
    }
    ck_assert_uint_eq(n[0]->addr, a0);
    ck_assert_uint_eq(n[1]->addr, a2);
    for (int i = 0; i < 3; i++)
        free(o[i]);
    free(n[0]), free(n[1]);
}
END_TEST

START_TEST(heap_limit_refuses_and_leaves_object_unchanged)
{
    heap_shutdown();
    heap_init(8192);
    Obj *a = mk(K_TUPLE);
    ck_assert(!heap_alloc(a, 100000, true));
    ck_assert_uint_eq(a->addr, 0);
    ck_assert(heap_reserve(4096));
    ck_assert(!heap_reserve(8192));
    ck_assert(heap_reserve(-4096));
    ck_assert_uint_eq(heap_used(), 0);
    free(a);
}
END_TEST

START_TEST(ctypes_reads_of_simulated_memory)
{
    Obj *a = mk(K_FLOAT);
    ck_assert(heap_alloc(a, 24, false));
    a->refcnt = 7;
    int64_t w;
    ck_assert(heap_read_word(a->addr, &w));
    ck_assert_int_eq(w, 7);
    uint64_t addr = a->addr;
    heap_free(a);
    ck_assert(heap_read_word(addr, &w));
    ck_assert_int_eq(w, 0); /* freed: the refcount word reads 0 */
    Obj *b = mk(K_FLOAT);
    ck_assert(heap_alloc(b, 24, false));
    b->refcnt = 3;
    ck_assert(heap_read_word(addr, &w));
    ck_assert_int_eq(w, 3); /* the block now holds another object */
    ck_assert_ptr_eq(heap_object_at(addr), b);
    ck_assert(!heap_read_word(0x1000, &w)); /* outside every simulated area */
    free(a), free(b);
}
END_TEST

static void count(Obj *x, void *arg)
{
    (void)x;
    (*(int *)arg)++;
}

START_TEST(foreach_visits_live_objects_only)
{
    Obj *o[3];
    for (int i = 0; i < 3; i++) {
        o[i] = mk(K_FLOAT);
        ck_assert(heap_alloc(o[i], 24, false));
    }
    heap_free(o[1]);
    int n = 0;
    heap_foreach(count, &n);
    ck_assert_int_eq(n, 2);
    for (int i = 0; i < 3; i++)
        free(o[i]);
}
END_TEST

/* obj.c's kind table is needed by heap_free (GC head offset). */
static Suite *heap_suite(void)
{
    Suite *s = suite_create("heap");
    TCase *t = tcase_create("allocator");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, addresses_are_deterministic_and_aligned);
    tcase_add_test(t, size_classes_use_separate_pools);
    tcase_add_test(t, last_freed_block_is_reused_first);
    tcase_add_test(t, reuse_prefers_the_pool_of_the_last_free);
    tcase_add_test(t, large_objects_come_from_their_own_area);
    tcase_add_test(t, large_blocks_are_reused_last_freed_first);
    tcase_add_test(t, heap_limit_refuses_and_leaves_object_unchanged);
    tcase_add_test(t, ctypes_reads_of_simulated_memory);
    tcase_add_test(t, foreach_visits_live_objects_only);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(heap_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
