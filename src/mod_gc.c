/* mod_gc: the gc module's switches and thresholds. The collector itself
 * (collect, get_objects, ...) arrives with the cycle-collector work; until
 * then those names are absent, so a scenario that needs them fails with
 * AttributeError instead of getting a wrong answer. */
#include "types.h"

static bool gc_enabled = true;
static int64_t thresholds[3] = {700, 10, 10};

static Obj *gc_enable(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    gc_enabled = true;
    return ref_new(Py_None);
}

static Obj *gc_disable(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    gc_enabled = false;
    return ref_new(Py_None);
}

static Obj *gc_isenabled(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    return bool_new(gc_enabled);
}

static Obj *gc_get_threshold(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    Obj *a = int_new(thresholds[0]), *b = int_new(thresholds[1]), *c = int_new(thresholds[2]);
    Obj *t = a && b && c ? tuple_pack(3, a, b, c) : NULL;
    XDECREF(a);
    XDECREF(b);
    XDECREF(c);
    return t;
}

static Obj *gc_set_threshold(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)self, (void)kw;
    if (nargs < 1 || nargs > 3)
        return rt_raise(EXC(TypeError), "set_threshold() takes at most 3 arguments (%d given)", nargs);
    int64_t v[3];
    for (int i = 0; i < nargs; i++)
        if (!int_as_index(args[i], &v[i]))
            return NULL;
    for (int i = 0; i < nargs; i++)
        thresholds[i] = v[i];
    return ref_new(Py_None);
}

const BuiltinDef gc_defs[] = {
    {"enable", gc_enable, 0, 0, false, NULL, false, false},
    {"disable", gc_disable, 0, 0, false, NULL, false, false},
    {"isenabled", gc_isenabled, 0, 0, false, NULL, false, false},
    {"get_threshold", gc_get_threshold, 0, 0, false, NULL, false, false},
    {"set_threshold", gc_set_threshold, 1, -1, false, NULL, false, false},
    {0},
};
