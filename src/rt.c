/* rt: start and end of the runtime: builtin types get their addresses and
 * method tables, the builtins namespace and the modules are built. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "types.h"
#include "vm.h"
#include "xmem.h"

extern TypeObj *const builtin_types[];
void num_init(void);
void obj_shutdown(void);
void proto_shutdown(void);
extern const BuiltinDef gc_defs[];
void gc_init_module(void);

static Obj *object_init(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)self, (void)args, (void)kw;
    if (nargs)
        return rt_raise(EXC(TypeError), "object.__init__() takes exactly one argument (the instance to initialize)");
    return ref_new(Py_None);
}

/* object.__setattr__(self, name, value) / object.__delattr__(self, name):
 * the plain attribute store a user __setattr__ falls back to. */
static Obj *object_setattr_m(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (nargs != 2 || !IS(args[0], K_STR))
        return rt_raise(EXC(TypeError), "expected 2 arguments, got %d", nargs);
    if (instance_setattr(self, str_intern(AS_STR(args[0])->s), args[1]) < 0)
        return NULL;
    return ref_new(Py_None);
}

static Obj *object_delattr_m(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (nargs != 1 || !IS(args[0], K_STR))
        return rt_raise(EXC(TypeError), "expected 1 argument, got %d", nargs);
    if (instance_setattr(self, str_intern(AS_STR(args[0])->s), NULL) < 0)
        return NULL;
    return ref_new(Py_None);
}

static const BuiltinDef object_methods[] = {
    {"__init__", object_init, 0, -1, true, NULL, false, false},
    {"__setattr__", object_setattr_m, 0, -1, false, NULL, false, false},
    {"__delattr__", object_delattr_m, 0, -1, false, NULL, false, false},
    {0},
};

static void builtin_set(const char *name, Obj *v)
{
    dict_set_str(&vm.builtins->h, name, v);
}

static DictObj *immortal_dict(void)
{
    DictObj *d = (DictObj *)dict_new();
    if (!d)
        xmem_fatal("the heap limit is too small to start");
    d->h.flags |= OF_IMMORTAL;
    return d;
}

static ModuleObj *add_module(const char *name, const BuiltinDef *defs)
{
    DictObj *d = immortal_dict();
    d->t.role = ROLE_NAMES;
    ModuleObj *m = (ModuleObj *)module_new(name, d);
    m->h.flags |= OF_IMMORTAL;
    for (const BuiltinDef *def = defs; def && def->name; def++) {
        BuiltinObj *b = (BuiltinObj *)obj_alloc_static(K_BUILTIN, &type_builtin, sizeof(BuiltinObj), 72);
        b->def = def;
        b->self = &m->h;
        ref_inc(&m->h, OWNER(OWN_METHOD, b->h.addr, 0, "__self__"));
        dict_set_str(&d->h, def->name, &b->h);
        DECREF(b);
    }
    Obj *nm = str_from_c(name);
    dict_set_str(&d->h, "__name__", nm);
    DECREF(nm);
    dict_set_str(&vm.modules->h, name, &m->h);
    return m;
}

void rt_init(void)
{
    num_init();
    for (int i = 0; builtin_types[i]; i++) {
        TypeObj *t = builtin_types[i];
        heap_alloc_static(&t->h, 416, true);
        t->h.refcnt = 1;
        if (t != &type_object)
            t->base = &type_object;
    }
    type_bool.base = &type_int;
    for (int i = 0; builtin_types[i]; i++)
        builtin_types[i]->dict = immortal_dict();
    type_add_methods(&type_object, object_methods);
    type_add_methods(&type_str, str_methods);
    type_add_methods(&type_list, list_methods);
    type_add_methods(&type_tuple, tuple_methods);
    type_add_methods(&type_dict, dict_methods);
    type_add_methods(&type_set, set_methods);
    type_add_methods(&type_int, int_methods);
    type_add_methods(&type_float, float_methods);
    type_add_methods(&type_c_long, ctypes_c_long_defs);
    type_add_methods(&type_c_int, ctypes_c_long_defs);
    exc_init();

    vm.builtins = immortal_dict();
    vm.builtins->t.role = ROLE_NAMES;
    vm.modules = immortal_dict();
    for (const BuiltinDef *d = builtin_defs; d->name; d++) {
        BuiltinObj *b = (BuiltinObj *)obj_alloc_static(K_BUILTIN, &type_builtin, sizeof(BuiltinObj), 72);
        b->def = d;
        builtin_set(d->name, &b->h);
        DECREF(b);
    }
    static const struct { const char *name; TypeObj *t; } named[] = {
        {"object", &type_object}, {"type", &type_type}, {"int", &type_int}, {"float", &type_float},
        {"bool", &type_bool}, {"str", &type_str}, {"list", &type_list}, {"tuple", &type_tuple},
        {"dict", &type_dict}, {"set", &type_set}, {"frozenset", &type_frozenset},
        {"range", &type_range}, {"enumerate", &type_enumerate}, {"zip", &type_zip},
        {"map", &type_map}, {"filter", &type_filter}, {"reversed", &type_reversed},
        {"super", &type_super}, {"slice", &type_slice},
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        builtin_set(named[i].name, &named[i].t->h);
    for (int i = 0; i < EXC_COUNT; i++)
        builtin_set(exc_types[i]->name, &exc_types[i]->h);
    builtin_set("NotImplemented", Py_NotImplemented);
    builtin_set("None", Py_None);

    ModuleObj *sys = add_module("sys", sys_defs);
    dict_set_str(&sys->dict->h, "modules", &vm.modules->h);
    Obj *maxsize = int_new(INT64_MAX);
    dict_set_str(&sys->dict->h, "maxsize", maxsize);
    DECREF(maxsize);
    ModuleObj *ct = add_module("ctypes", NULL);
    dict_set_str(&ct->dict->h, "c_long", &type_c_long.h);
    dict_set_str(&ct->dict->h, "c_int", &type_c_int.h);
    dict_set_str(&ct->dict->h, "c_ssize_t", &type_c_long.h);
    add_module("gc", gc_defs);
}

static bool echo = true;

void rt_set_echo(bool on) { echo = on; }

void rt_write(const char *s, size_t len)
{
    ev_output(s, len);
    if (echo)
        fwrite(s, 1, len, stdout);
}

/* Everything left at exit is immortal or leaked by the script's own
 * cycles: the host memory goes back here (valgrind must find no leak). */

static void free_obj(Obj *o, void *arg)
{
    (void)arg;
    kind_ops[o->kind].finish(o);
    heap_free_host(o);
}

/* Static objects made with obj_alloc_static; strings are str_shutdown's. */
static void free_static(Obj *o, void *arg)
{
    (void)arg;
    if ((o->flags & OF_HOST_STATIC) && !IS(o, K_STR)) {
        free(o);
    }
}

void rt_shutdown(void)
{
    ev_on = false;
    heap_foreach(free_obj, NULL);
    heap_foreach_static(free_static, NULL);
    str_shutdown();
    obj_shutdown();
    proto_shutdown();
    heap_shutdown();
    memset(&vm, 0, sizeof vm);
}
