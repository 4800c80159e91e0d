/* mod_sys: the functions of the sys module that MiniPy has: getrefcount,
 * getsizeof, intern, getrecursionlimit, setrecursionlimit.
 *
 * BuiltinFn contract as in builtins.c. CPython shows most of these as
 * "sys.intern()" in its argument errors, but getsizeof (parsed by format
 * string) as "getsizeof()"; since the caller's generic check would say
 * "intern()", every entry is declared open and checks its own arguments. */
#include <limits.h>

#include "types.h"
#include "vm.h"

/* Checks a METH_O / METH_NOARGS function: no keywords, exactly n values. */
static int exact_args(const char *name, int nargs, TupleObj *kwnames, int n)
{
    if (arg_no_kwargs(name, kwnames) < 0)
        return -1;
    return arg_count(name, nargs, n, n);
}

/* The argument is borrowed from the caller's value stack: that stack slot
 * is the reference CPython's getrefcount shows as "one more", so the count
 * is reported as it is. */
static Obj *sys_getrefcount(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)self;
    if (exact_args("sys.getrefcount", nargs, kwnames, 1) < 0)
        return NULL;
    return int_new(args[0]->refcnt);
}

static Obj *sys_getsizeof(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"object", "default", NULL};
    Obj *a[2];
    (void)self;
    if (arg_parse("getsizeof", args, nargs, kwnames, names, 0, 2, 1, a) < 0)
        return NULL;
    int64_t n = obj_sizeof(a[0]);
    if (n >= 0)
        return int_new(n);
    /* As CPython: the default stands in only for a TypeError. */
    if (a[1] && rt_error_matches(EXC(TypeError))) {
        rt_clear_error();
        return ref_new(a[1]);
    }
    return NULL;
}

static Obj *sys_intern(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)self;
    if (exact_args("sys.intern", nargs, kwnames, 1) < 0)
        return NULL;
    Obj *s = args[0];
    if (!IS(s, K_STR))
        return rt_raise(EXC(TypeError), "intern() argument must be str, not %s",
                        s == Py_None ? "None" : type_name(s));
    /* str_intern_obj steals a reference: give it one of our own. */
    return str_intern_obj(ref_new(s));
}

static Obj *sys_getrecursionlimit(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)self, (void)args;
    if (exact_args("sys.getrecursionlimit", nargs, kwnames, 0) < 0)
        return NULL;
    return int_new(vm.recursion_limit);
}

/* Any limit from 1 to INT_MAX is kept as given, with no clamp: Python calls
 * push host-allocated frames inside one interpreter loop, so a deep
 * recursion is bounded by the simulated heap's limit, not by the C stack
 * (C-level nesting is bounded apart, by vm_enter_c). */
static Obj *sys_setrecursionlimit(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    int64_t n;
    (void)self;
    /* clamped: a big value fails the C int check below, as in CPython */
    if (exact_args("sys.setrecursionlimit", nargs, kwnames, 1) < 0 || !int_as_clamped(args[0], &n))
        return NULL;
    if (n > INT_MAX || n < INT_MIN)
        return rt_raise(EXC(OverflowError), "Python int too large to convert to C int");
    if (n < 1)
        return rt_raise(EXC(ValueError), "recursion limit must be greater or equal than 1");
    /* CPython 3.11 counts every Python frame and every C call in progress,
     * this call of setrecursionlimit included: 2 at module level. */
    int depth = vm.depth + vm.c_depth;
    if (depth >= n)
        return rt_raise(EXC(RecursionError),
                        "cannot set the recursion limit to %d at the recursion depth %d: "
                        "the limit is too low",
                        (int)n, depth);
    vm.recursion_limit = (int)n;
    return ref_new(Py_None);
}

#define OWN(n, f, d) \
    {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = true, .doc = d, .is_class = false}

const BuiltinDef sys_defs[] = {
    OWN("getrefcount", sys_getrefcount, "getrefcount(object): the reference count, plus one"),
    OWN("getsizeof", sys_getsizeof, "getsizeof(object[, default]): the size in bytes"),
    OWN("intern", sys_intern, "intern(string): the shared copy of string"),
    OWN("getrecursionlimit", sys_getrecursionlimit, "getrecursionlimit()"),
    OWN("setrecursionlimit", sys_setrecursionlimit, "setrecursionlimit(n)"),
    {0},
};
