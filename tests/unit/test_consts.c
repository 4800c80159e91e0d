/* Constants: equal literals are one object, constant expressions are
 * folded and merged with equal constants, small ints are shared, values
 * computed at run time are new objects, and the compiler's tree keeps one
 * reference per literal while the module runs. Every expected output below
 * was printed by CPython 3.11 running the same script. */
#include <check.h>
#include <stdlib.h>

#include "unit_util.h"

static void start_run(UtRun *r, const char *src)
{
    ut_start(r);
    r->check_each_line = true;
    int st = ut_run(r, src);
    ck_assert_msg(st == 0, "status %d (exception %s)", st, r->exc_type[0] ? r->exc_type : "none");
    ck_assert_int_eq(r->heap_problems, 0);
}

/* EV_ALLOC events of kind ok at `line` during the run. */
static size_t allocs_at(const UtRun *r, ObjKind ok, uint32_t line)
{
    size_t n = 0;
    for (size_t i = r->run_begin; i < r->run_end; i++)
        n += r->ev[i].kind == EV_ALLOC && r->ev[i].okind == ok && r->ev[i].line == line;
    return n;
}

/* ---- equal string constants ---- */

static const char *const SRC_STRINGS =
    "import sys\n"
    "s = 'Hello Word'\n"
    "print(sys.getrefcount(s))\n"
    "s1 = 'Hello Word'\n"
    "s2 = 'Hello Word'\n"
    "print(s1 is s2, s is s1)\n"
    "print(sys.getrefcount(s))\n";
static const char *const OUT_STRINGS = "4\nTrue True\n6\n"; /* python3 */

START_TEST(equal_string_constants_are_one_object)
{
    UtRun r;
    start_run(&r, SRC_STRINGS);
    ck_assert_str_eq(r.out, OUT_STRINGS);
    Obj *s = ut_global(&r, "s");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_eq(s, ut_global(&r, "s1"));
    ck_assert_ptr_eq(s, ut_global(&r, "s2"));
    ck_assert(!(s->flags & OF_IMMORTAL)); /* not identifier-like: an ordinary object */
    ck_assert_str_eq(AS_STR(s)->s, "Hello Word");
    /* the tree's literal, the code's constant, three names */
    ck_assert_int_eq(s->refcnt, 5);
    ut_shutdown(&r);
}
END_TEST

/* `s = 'Hello Word'; sys.getrefcount(s)` is 4: the tree's literal, the
 * code's constant, the name and the argument, each one an owner. */
START_TEST(string_constant_owners_are_tree_const_name_argument)
{
    UtRun r;
    start_run(&r, SRC_STRINGS);
    Obj *s = ut_global(&r, "s");
    uint64_t S = s->addr, g = r.globals->h.addr, code = r.cr.code->h.addr;
    bool by_tree = false, by_const = false, by_name = false, by_arg = false;
    int64_t rc_after_bind = 0;
    for (size_t i = 0; i < r.run_end; i++) {
        const Event *e = &r.ev[i];
        if (e->addr != S || !ut_is_ref(e))
            continue;
        if (e->kind == EV_MOVE && e->owner.kind == OWN_AST) {
            ck_assert_int_eq(e->value, 1);
            ck_assert(i < r.run_begin);
            by_tree = true;
        }
        if (e->kind == EV_INCREF && e->owner.kind == OWN_CONST && e->owner.addr == code) {
            ck_assert_int_eq(e->value, 2);
            by_const = true;
        }
        if (e->kind == EV_INCREF && ut_owner_global(&e->owner, "s", g)) {
            ck_assert_uint_eq(e->line, 2);
            by_name = true;
        }
        if (e->line == 2)
            rc_after_bind = e->value;
        if (e->kind == EV_INCREF && e->owner.kind == OWN_STACK && e->line == 3 && e->value == 4)
            by_arg = true;
    }
    ck_assert(by_tree && by_const && by_name && by_arg);
    ck_assert_int_eq(rc_after_bind, 3); /* the tree, the constant, the name */
    ut_shutdown(&r);
}
END_TEST

/* Each literal is its own object in the tree; the compiler keeps the
 * first and the others stay held by the tree alone until the module
 * ends; then each is freed once. */
START_TEST(every_literal_is_held_by_the_tree_until_the_module_ends)
{
    UtRun r;
    start_run(&r, SRC_STRINGS);
    uint64_t S = ut_global(&r, "s")->addr;
    uint64_t lit[8];
    int n = 0;
    for (size_t i = 0; i < r.run_begin; i++) {
        const Event *e = &r.ev[i];
        if (ut_is_ref(e) && e->owner.kind == OWN_AST) {
            ck_assert_int_lt(n, 8);
            ck_assert_int_eq(e->okind, K_STR);
            lit[n++] = e->addr;
        }
    }
    ck_assert_int_eq(n, 3); /* three 'Hello Word' literals, nothing else */
    ck_assert_uint_eq(lit[0], S);
    for (int j = 1; j < n; j++) {
        ck_assert_uint_ne(lit[j], S);
        for (size_t i = r.run_begin; i < r.run_end; i++)
            ck_assert_msg(r.ev[i].addr != lit[j], "literal %d is used while the module runs", j);
        Obj *o = heap_object_at(lit[j]);
        ck_assert_ptr_nonnull(o);
        ck_assert_int_eq(o->refcnt, 1);
    }
    size_t end = r.nev;
    ut_finish(&r);
    for (int j = 0; j < n; j++) {
        size_t tree_drops = 0;
        for (size_t i = end; i < r.nev; i++)
            tree_drops += r.ev[i].addr == lit[j] && r.ev[i].kind == EV_DECREF &&
                          r.ev[i].owner.kind == OWN_AST;
        ck_assert_uint_eq(tree_drops, 1);
        ck_assert_uint_eq(ut_count(&r, 0, r.nev, EV_FREE, lit[j]), 1);
        ck_assert_uint_eq(ut_count(&r, end, r.nev, EV_FREE, lit[j]), 1);
    }
    ut_shutdown(&r);
}
END_TEST

/* ---- folding ---- */

static const char *const SRC_FOLDED =
    "a = 'hello ' + 'world'\n"
    "b = 'hello world'\n"
    "print(a is b, a == b)\n"
    "c = 499 + 1\n"
    "d = 500\n"
    "print(c is d, c == d)\n"
    "e = 2 ** 10\n"
    "f = 1024\n"
    "print(e is f)\n"
    "g = 'ab' * 3\n"
    "h = 'ababab'\n"
    "print(g is h)\n";
static const char *const OUT_FOLDED = "True True\nTrue True\nTrue\nTrue\n"; /* python3 */

START_TEST(folded_constants_are_merged_with_equal_constants)
{
    UtRun r;
    start_run(&r, SRC_FOLDED);
    ck_assert_str_eq(r.out, OUT_FOLDED);
    static const uint32_t assign_lines[] = {1, 2, 4, 5, 7, 8, 10, 11};
    for (size_t j = 0; j < sizeof assign_lines / sizeof *assign_lines; j++) {
        uint32_t l = assign_lines[j];
        ck_assert_msg(allocs_at(&r, K_INT, l) == 0 && allocs_at(&r, K_STR, l) == 0,
                      "line %u computes at run time what the compiler folded", l);
    }
    ck_assert_ptr_eq(ut_global(&r, "a"), ut_global(&r, "b"));
    ck_assert_ptr_eq(ut_global(&r, "c"), ut_global(&r, "d"));
    ck_assert_ptr_eq(ut_global(&r, "e"), ut_global(&r, "f"));
    ck_assert_ptr_eq(ut_global(&r, "g"), ut_global(&r, "h"));
    ck_assert_int_eq(AS_INT(ut_global(&r, "c")), 500);
    ck_assert_int_eq(AS_INT(ut_global(&r, "e")), 1024);
    ut_shutdown(&r);
}
END_TEST

/* ---- ints ---- */

static const char *const SRC_INTS =
    "import sys\n"
    "x = 256\n"
    "y = 255 + 1\n"
    "n = 255\n"
    "z = n + 1\n"
    "print(x is y, x is z)\n"
    "big = 1000\n"
    "m = 999\n"
    "w = m + 1\n"
    "print(w is big, w == big)\n"
    "print(sys.getrefcount(w))\n"
    "v = m + 1\n"
    "print(v is w, v == w)\n"
    "neg = -5\n"
    "n0 = 0\n"
    "k = n0 - 5\n"
    "print(neg is k)\n"
    "neg6 = -6\n"
    "j = n0 - 6\n"
    "print(neg6 is j, neg6 == j)\n";
static const char *const OUT_INTS = /* python3 */
    "True True\nFalse True\n2\nFalse True\nTrue\nFalse True\n";

START_TEST(small_ints_are_shared_and_computed_large_ints_are_new)
{
    UtRun r;
    start_run(&r, SRC_INTS);
    ck_assert_str_eq(r.out, OUT_INTS);
    Obj *x = ut_global(&r, "x");
    ck_assert(x->flags & OF_IMMORTAL);
    ck_assert_ptr_eq(ut_global(&r, "y"), x);
    ck_assert_ptr_eq(ut_global(&r, "z"), x);
    ck_assert(ut_global(&r, "neg")->flags & OF_IMMORTAL);
    ck_assert_ptr_eq(ut_global(&r, "k"), ut_global(&r, "neg"));
    ck_assert_uint_eq(allocs_at(&r, K_INT, 5), 0);  /* n + 1 == 256: the shared one */
    ck_assert_uint_eq(allocs_at(&r, K_INT, 16), 0); /* n0 - 5 == -5 */

    Obj *big = ut_global(&r, "big"), *w = ut_global(&r, "w"), *v = ut_global(&r, "v");
    ck_assert(!(big->flags & OF_IMMORTAL));
    ck_assert(!(w->flags & OF_IMMORTAL));
    ck_assert_ptr_ne(w, big);
    ck_assert_ptr_ne(v, w);
    ck_assert_int_eq(AS_INT(w), 1000);
    ck_assert_int_eq(w->refcnt, 1); /* only its name: nothing else knows it */
    ck_assert_int_eq(v->refcnt, 1);
    ck_assert_uint_eq(allocs_at(&r, K_INT, 9), 1);  /* m + 1: a new object */
    ck_assert_uint_eq(allocs_at(&r, K_INT, 12), 1);
    ck_assert_uint_eq(allocs_at(&r, K_INT, 19), 1); /* n0 - 6: past the shared range */
    ck_assert_ptr_ne(ut_global(&r, "j"), ut_global(&r, "neg6"));
    ut_shutdown(&r);
}
END_TEST

/* ---- constants of functions ---- */

static const char *const SRC_FUNCS =
    "import sys\n"
    "s = 'Hello Word'\n"
    "def f():\n"
    "    return 'Hello Word'\n"
    "print(f() is s)\n"
    "print(sys.getrefcount(s))\n"
    "t = f()\n"
    "print(sys.getrefcount(s))\n"
    "def g():\n"
    "    return 'hello ' + 'world'\n"
    "hw = 'hello world'\n"
    "print(g() is hw)\n";
static const char *const OUT_FUNCS = "True\n5\n6\nTrue\n"; /* python3 */

START_TEST(constants_are_merged_across_code_objects)
{
    UtRun r;
    start_run(&r, SRC_FUNCS);
    ck_assert_str_eq(r.out, OUT_FUNCS);
    ck_assert_ptr_eq(ut_global(&r, "t"), ut_global(&r, "s"));
    ut_shutdown(&r);
}
END_TEST

/* ---- tuples ---- */

static const char *const SRC_TUPLES =
    "import sys\n"
    "t1 = (1, 2, 'x y')\n"
    "t2 = (1, 2, 'x y')\n"
    "print(t1 is t2)\n"
    "print(sys.getrefcount(t1))\n"
    "L1 = [1, 2]\n"
    "L2 = [1, 2]\n"
    "print(L1 is L2, L1 == L2)\n"
    "q = ''.join(['Hello', ' Word'])\n"
    "hw = 'Hello Word'\n"
    "print(q is hw, q == hw)\n"
    "print(sys.getrefcount(q))\n";
static const char *const OUT_TUPLES = "True\n5\nFalse True\nFalse True\n2\n"; /* python3 */

START_TEST(constant_tuples_are_merged_and_displays_are_new)
{
    UtRun r;
    start_run(&r, SRC_TUPLES);
    ck_assert_str_eq(r.out, OUT_TUPLES);
    ck_assert_ptr_eq(ut_global(&r, "t1"), ut_global(&r, "t2"));
    ck_assert_ptr_ne(ut_global(&r, "L1"), ut_global(&r, "L2"));
    ck_assert_uint_eq(allocs_at(&r, K_TUPLE, 2), 0);
    ck_assert_uint_eq(allocs_at(&r, K_LIST, 6), 1);
    ck_assert_uint_eq(allocs_at(&r, K_LIST, 7), 1);
    ut_shutdown(&r);
}
END_TEST

/* CPython's compiler merges constants recursively: the items of a
 * constant tuple are merged with equal constants too (and a tuple inside
 * a constant tuple with an equal constant tuple). */
static const char *const SRC_NESTED =
    "import sys\n"
    "t1 = (1, 2, 'x y')\n"
    "u = 'x y'\n"
    "print(u is t1[2])\n"
    "print(sys.getrefcount(u))\n"
    "v = 'p q'\n"
    "t2 = ('p q', 3)\n"
    "print(v is t2[0])\n"
    "print(sys.getrefcount(v))\n"
    "t3 = (('p q', 3), 4)\n"
    "print(t3[0] is t2, sys.getrefcount(t2))\n";
static const char *const OUT_NESTED = "True\n5\nTrue\n5\nTrue 5\n"; /* python3 */

START_TEST(constants_inside_constant_tuples_are_merged)
{
    UtRun r;
    start_run(&r, SRC_NESTED);
    ck_assert_str_eq(r.out, OUT_NESTED);
    ut_shutdown(&r);
}
END_TEST

static Suite *consts_suite(void)
{
    Suite *s = suite_create("consts");
    TCase *tc = tcase_create("sharing");
    tcase_add_test(tc, equal_string_constants_are_one_object);
    tcase_add_test(tc, string_constant_owners_are_tree_const_name_argument);
    tcase_add_test(tc, every_literal_is_held_by_the_tree_until_the_module_ends);
    tcase_add_test(tc, folded_constants_are_merged_with_equal_constants);
    tcase_add_test(tc, small_ints_are_shared_and_computed_large_ints_are_new);
    tcase_add_test(tc, constants_are_merged_across_code_objects);
    tcase_add_test(tc, constant_tuples_are_merged_and_displays_are_new);
    tcase_add_test(tc, constants_inside_constant_tuples_are_merged);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    /* The engine's state (heap, VM, types) is process-wide and set up once
     * per process: every test runs in a fork of its own, whatever CK_FORK
     * says. */
    SRunner *sr = srunner_create(consts_suite());
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
