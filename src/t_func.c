/* t_func: functions, bound methods, builtin function objects, cells, code,
 * modules, classes and their instances, super, generators, frames. */
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "types.h"
#include "vm.h"
#include "vm_call.h"
#include "xmem.h"

#define OWN_OF(kind, o, name) OWNER(kind, (o)->h.addr, 0, name)

static void visit_x(Obj **slot, Owner w, VisitFn visit, void *arg)
{
    if (*slot)
        visit(slot, w, arg);
}

/* Drops *slot (owned by w) and sets it to NULL first, so a cascade that
 * comes back to this object sees a consistent state. */
static void clear_slot(Obj **slot, Owner w)
{
    Obj *o = *slot;
    if (o) {
        *slot = NULL;
        ref_dec(o, w);
    }
}
#define CLEAR(field, w) clear_slot((Obj **)&(field), w)

/* ---------- functions ---------- */
Obj *func_new(CodeObj *code, DictObj *globals, StrObj *qualname)
{
    FuncObj *f = (FuncObj *)obj_alloc(K_FUNC, &type_function, sizeof(FuncObj), 152);
    if (!f)
        return NULL;
    f->code = code;
    ref_inc(&code->h, OWN_OF(OWN_FUNC, f, "__code__"));
    f->globals = globals;
    ref_inc(&globals->h, OWN_OF(OWN_FUNC, f, "__globals__"));
    f->name = str_intern(code->name);
    f->qualname = qualname ? qualname : f->name;
    obj_gc_track(&f->h);
    return &f->h;
}

void func_traverse(Obj *o, VisitFn visit, void *arg)
{
    FuncObj *f = (FuncObj *)o;
    visit_x((Obj **)&f->code, OWN_OF(OWN_FUNC, f, "__code__"), visit, arg);
    visit_x((Obj **)&f->globals, OWN_OF(OWN_FUNC, f, "__globals__"), visit, arg);
    visit_x((Obj **)&f->defaults, OWN_OF(OWN_FUNC, f, "__defaults__"), visit, arg);
    visit_x((Obj **)&f->kwdefaults, OWN_OF(OWN_FUNC, f, "__kwdefaults__"), visit, arg);
    visit_x((Obj **)&f->closure, OWN_OF(OWN_FUNC, f, "__closure__"), visit, arg);
    visit_x((Obj **)&f->dict, OWN_OF(OWN_FUNC, f, "__dict__"), visit, arg);
}

void func_clear(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    CLEAR(f->globals, OWN_OF(OWN_FUNC, f, "__globals__"));
    CLEAR(f->defaults, OWN_OF(OWN_FUNC, f, "__defaults__"));
    CLEAR(f->kwdefaults, OWN_OF(OWN_FUNC, f, "__kwdefaults__"));
    CLEAR(f->dict, OWN_OF(OWN_FUNC, f, "__dict__"));
    CLEAR(f->closure, OWN_OF(OWN_FUNC, f, "__closure__"));
    CLEAR(f->code, OWN_OF(OWN_FUNC, f, "__code__"));
}

void func_finish(Obj *o) { (void)o; }
size_t func_size(Obj *o) { (void)o; return 152; }

/* ---------- bound methods ---------- */
Obj *method_new(Obj *func, Obj *self)
{
    MethodObj *m = (MethodObj *)obj_alloc(K_METHOD, &type_method, sizeof(MethodObj), 64);
    if (!m)
        return NULL;
    m->func = func;
    ref_inc(func, OWN_OF(OWN_METHOD, m, "__func__"));
    m->self = self;
    ref_inc(self, OWN_OF(OWN_METHOD, m, "__self__"));
    obj_gc_track(&m->h);
    return &m->h;
}

void method_traverse(Obj *o, VisitFn visit, void *arg)
{
    MethodObj *m = (MethodObj *)o;
    visit_x(&m->func, OWN_OF(OWN_METHOD, m, "__func__"), visit, arg);
    visit_x(&m->self, OWN_OF(OWN_METHOD, m, "__self__"), visit, arg);
}

void method_clear(Obj *o)
{
    MethodObj *m = (MethodObj *)o;
    CLEAR(m->func, OWN_OF(OWN_METHOD, m, "__func__"));
    CLEAR(m->self, OWN_OF(OWN_METHOD, m, "__self__"));
}

void method_finish(Obj *o) { (void)o; }
size_t method_size(Obj *o) { (void)o; return 64; }

/* ---------- builtin functions and methods ---------- */
Obj *builtin_new(const BuiltinDef *def, Obj *self, TypeObj *objclass)
{
    BuiltinObj *b = (BuiltinObj *)obj_alloc(K_BUILTIN, &type_builtin, sizeof(BuiltinObj), 72);
    if (!b)
        return NULL;
    b->def = def;
    b->objclass = objclass;
    if (self) {
        b->self = self;
        ref_inc(self, OWN_OF(OWN_METHOD, b, "__self__"));
    }
    obj_gc_track(&b->h);
    return &b->h;
}

void builtin_traverse(Obj *o, VisitFn visit, void *arg)
{
    BuiltinObj *b = (BuiltinObj *)o;
    visit_x(&b->self, OWN_OF(OWN_METHOD, b, "__self__"), visit, arg);
}

void builtin_clear(Obj *o)
{
    BuiltinObj *b = (BuiltinObj *)o;
    CLEAR(b->self, OWN_OF(OWN_METHOD, b, "__self__"));
}

void builtin_finish(Obj *o) { (void)o; }
size_t builtin_size(Obj *o) { (void)o; return 72; }

/* Method descriptors live in builtin types' dicts for the whole run. */
void type_add_methods(TypeObj *t, const BuiltinDef *defs)
{
    for (const BuiltinDef *d = defs; d && d->name; d++) {
        BuiltinObj *b = (BuiltinObj *)obj_alloc_static(K_BUILTIN, &type_method_descriptor,
                                                       sizeof(BuiltinObj), 80);
        b->def = d;
        b->objclass = t;
        b->is_descr = true;
        dict_set_str(&t->dict->h, d->name, &b->h);
        DECREF(&b->h);
    }
}

/* ---------- cells ---------- */
Obj *cell_new(Obj *ref)
{
    CellObj *c = (CellObj *)obj_alloc(K_CELL, &type_cell, sizeof(CellObj), 40);
    if (!c)
        return NULL;
    if (ref) {
        c->ref = ref;
        ref_inc(ref, OWN_OF(OWN_CELL, c, NULL));
    }
    obj_gc_track(&c->h);
    return &c->h;
}

void cell_traverse(Obj *o, VisitFn visit, void *arg)
{
    CellObj *c = (CellObj *)o;
    visit_x(&c->ref, OWN_OF(OWN_CELL, c, NULL), visit, arg);
}

void cell_clear(Obj *o)
{
    CellObj *c = (CellObj *)o;
    CLEAR(c->ref, OWN_OF(OWN_CELL, c, NULL));
}

void cell_finish(Obj *o) { (void)o; }
size_t cell_size(Obj *o) { (void)o; return 40; }

/* ---------- code objects ---------- */
void code_traverse(Obj *o, VisitFn visit, void *arg)
{
    CodeObj *c = (CodeObj *)o;
    for (int i = 0; i < c->nconsts; i++)
        visit_x(&c->consts[i], OWNER(OWN_CONST, c->h.addr, i, NULL), visit, arg);
}

void code_clear(Obj *o)
{
    CodeObj *c = (CodeObj *)o;
    for (int i = c->nconsts - 1; i >= 0; i--)
        clear_slot(&c->consts[i], OWNER(OWN_CONST, c->h.addr, i, NULL));
}

void code_finish(Obj *o)
{
    CodeObj *c = (CodeObj *)o;
    free(c->code);
    free(c->consts);
    free(c->names);
    free(c->name_objs);
    free(c->gcache);
    free(c->spare_frame);
    free(c->varnames);
    free(c->cellnames);
    free(c->cell2arg);
    free(c->freenames);
}

size_t code_size(Obj *o) { return o->block; }

/* ---------- modules ---------- */
Obj *module_new(const char *name, DictObj *dict)
{
    ModuleObj *m = (ModuleObj *)obj_alloc(K_MODULE, &type_module, sizeof(ModuleObj), 72);
    if (!m) {
        DECREF(dict);
        return NULL;
    }
    m->name = ev_intern(name);
    m->dict = dict;
    ref_move(&dict->h, OWN_TEMP, OWN_OF(OWN_MODULE, m, "__dict__"));
    obj_gc_track(&m->h);
    return &m->h;
}

void module_traverse(Obj *o, VisitFn visit, void *arg)
{
    ModuleObj *m = (ModuleObj *)o;
    visit_x((Obj **)&m->dict, OWN_OF(OWN_MODULE, m, "__dict__"), visit, arg);
}

void module_clear(Obj *o)
{
    ModuleObj *m = (ModuleObj *)o;
    CLEAR(m->dict, OWN_OF(OWN_MODULE, m, "__dict__"));
}

void module_finish(Obj *o) { (void)o; }
size_t module_size(Obj *o) { (void)o; return 72; }

/* ---------- classes ----------
 * CPython keeps references to a class that memviz does not model as
 * objects: its own __mro__ tuple, and the __dict__/__weakref__ descriptors
 * type_new adds when the base lacks them; a subclass's __bases__, __mro__
 * and tp_base hold its base, and its __mro__ every further ancestor.
 * internal_refs counts them so sys.getrefcount(A) matches CPython. */
static bool base_has_dict(TypeObj *b) { return b != &type_object; }
static bool base_has_weakref(TypeObj *b) { return b->user || (b != &type_object && b->inst_kind != K_EXC); }

static void type_ancestors(TypeObj *t, void (*fn)(TypeObj *anc, int n, TypeObj *t, void *arg), void *arg)
{
    if (!t->base || !t->base->user)
        return;
    fn(t->base, 3, t, arg);
    for (TypeObj *a = t->base->base; a && a->user; a = a->base)
        fn(a, 1, t, arg);
}

static void anc_inc(TypeObj *anc, int n, TypeObj *t, void *arg)
{
    (void)arg;
    for (int i = 0; i < n; i++)
        ref_inc(&anc->h, OWNER(OWN_TYPE, t->h.addr, 0, "__mro__"));
}

static void anc_dec(TypeObj *anc, int n, TypeObj *t, void *arg)
{
    (void)arg;
    for (int i = 0; i < n; i++)
        ref_dec(&anc->h, OWNER(OWN_TYPE, t->h.addr, 0, "__mro__"));
}

struct visit_ctx { VisitFn visit; void *arg; };

static void anc_visit(TypeObj *anc, int n, TypeObj *t, void *arg)
{
    struct visit_ctx *c = arg;
    Obj *slot = &anc->h;
    for (int i = 0; i < n; i++)
        c->visit(&slot, OWNER(OWN_TYPE, t->h.addr, 0, "__mro__"), c->arg);
}

Obj *class_new(const char *name, TypeObj *base, DictObj *ns)
{
    if (!base)
        base = &type_object;
    TypeObj *t = (TypeObj *)obj_alloc(K_TYPE, &type_type, sizeof(TypeObj), 1688);
    if (!t)
        return NULL;
    t->name = ev_intern(name);
    t->base = base;
    t->inst_kind = base->inst_kind;
    t->user = true;
    t->qualname = str_intern(name);
    DictObj *d = (DictObj *)dict_new();
    if (!d) {
        t->base = NULL;
        DECREF(t);
        return NULL;
    }
    t->dict = d;
    ref_move(&d->h, OWN_TEMP, OWN_OF(OWN_TYPE, t, "__dict__"));
    Obj *classcell = NULL;
    size_t pos = 0;
    Obj *k, *v;
    while (table_next(&ns->t, &pos, &k, &v)) {
        const char *ks = AS_STR(k)->s;
        if (strcmp(ks, "__qualname__") == 0)
            continue;
        if (strcmp(ks, "__classcell__") == 0) {
            classcell = v;
            continue;
        }
        if (dict_set(&d->h, k, v) < 0)
            goto fail;
    }
    if (!dict_get_str(&d->h, "__doc__") && dict_set_str(&d->h, "__doc__", Py_None) < 0)
        goto fail;
    t->has_finalizer = dict_get_str(&d->h, "__del__") != NULL || base->has_finalizer;
    t->internal_refs = 1 + !base_has_dict(base) + !base_has_weakref(base);
    for (int i = 0; i < t->internal_refs; i++)
        ref_inc(&t->h, OWN_OF(OWN_TYPE, t, "__mro__"));
    type_ancestors(t, anc_inc, NULL);
    if (classcell && IS(classcell, K_CELL)) {
        CellObj *c = (CellObj *)classcell;
        Obj *old = c->ref;
        c->ref = &t->h;
        ref_inc(&t->h, OWN_OF(OWN_CELL, c, NULL));
        XDECREF(old);
    }
    obj_gc_track(&t->h);
    return &t->h;
fail:
    DECREF(t);
    return NULL;
}

void type_traverse(Obj *o, VisitFn visit, void *arg)
{
    TypeObj *t = (TypeObj *)o;
    if (!t->user)
        return;
    visit_x((Obj **)&t->dict, OWN_OF(OWN_TYPE, t, "__dict__"), visit, arg);
    Obj *self = &t->h;
    for (int i = 0; i < t->internal_refs; i++)
        visit(&self, OWN_OF(OWN_TYPE, t, "__mro__"), arg);
    struct visit_ctx c = {visit, arg};
    type_ancestors(t, anc_visit, &c);
}

void type_clear(Obj *o)
{
    TypeObj *t = (TypeObj *)o;
    if (!t->user)
        return;
    /* the self-references go first: only the collector clears a class */
    int n = t->internal_refs;
    t->internal_refs = 0;
    for (int i = 0; i < n && t->h.refcnt > 1; i++) {
        t->h.refcnt--;
        if (ev_on)
            ev_ref(EV_DECREF, &t->h, OWN_OF(OWN_TYPE, t, "__mro__"));
    }
    type_ancestors(t, anc_dec, NULL);
    t->base = NULL;
    CLEAR(t->dict, OWN_OF(OWN_TYPE, t, "__dict__"));
}

void type_finish(Obj *o) { (void)o; }
size_t type_size(Obj *o) { (void)o; return 1688; }

static Obj *type_lookup_uncached(TypeObj *t, StrObj *name)
{
    for (; t; t = t->base) {
        if (!t->dict)
            continue;
        Obj *v = table_get_str(&t->dict->t, name);
        if (v)
            return v;
    }
    return NULL;
}

/* Lookups of interned names along a class chain, cached (CPython keeps a
 * method cache too). An entry holds while every dict of the chain keeps
 * its version: checking that compares a few words instead of hashing into
 * each dict. Versions are never reused, so an entry made for a dead class
 * or dict cannot match a new one. */
enum { TL_SLOTS = 1024, TL_DEPTH = 4 };
static struct TlEntry {
    const TypeObj *type;
    const StrObj *name;
    const DictTable *tables[TL_DEPTH];
    uint64_t versions[TL_DEPTH];
    int depth;
    const DictTable *found;    /* NULL: the name is on no class of the chain */
    int64_t ix;
} tl_cache[TL_SLOTS];

static bool tl_valid(const struct TlEntry *e, const TypeObj *t, const StrObj *name)
{
    if (e->type != t || e->name != name)
        return false;
    int d = 0;
    for (; t; t = t->base) {
        if (!t->dict)
            continue;
        if (d == e->depth || e->tables[d] != &t->dict->t || e->versions[d] != t->dict->t.version)
            return false;
        d++;
    }
    return d == e->depth;
}

Obj *type_lookup(TypeObj *t, StrObj *name)
{
    if (!(name->h.flags & OF_INTERNED))
        return type_lookup_uncached(t, name);
    struct TlEntry *e = &tl_cache[(((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 4) * 31) & (TL_SLOTS - 1)];
    if (!tl_valid(e, t, name)) {
        struct TlEntry n = {.type = t, .name = name};
        for (TypeObj *c = t; c; c = c->base) {
            if (!c->dict)
                continue;
            if (n.depth == TL_DEPTH)
                return type_lookup_uncached(t, name);
            DictTable *dt = &c->dict->t;
            n.tables[n.depth] = dt;
            n.versions[n.depth++] = dt->version;
            if (!n.found) {
                int64_t ix = table_index_str(dt, name);
                if (ix >= 0)
                    n.found = dt, n.ix = ix;
            }
        }
        *e = n;
    }
    return e->found ? e->found->entries[e->ix].value : NULL;
}

Obj *builtin_method_lookup(TypeObj *t, StrObj *name) { return type_lookup(t, name); }

/* ---------- instances ---------- */
void instance_traverse(Obj *o, VisitFn visit, void *arg)
{
    InstanceObj *in = AS_INST(o);
    if (o->type->user) { /* an instance of a user class holds its class */
        Obj *t = &o->type->h;
        visit(&t, OWNER(OWN_TYPE, o->addr, 0, NULL), arg);
    }
    table_traverse(&in->attrs, o->addr, visit, arg);
    visit_x((Obj **)&in->dict, OWNER(OWN_ATTR, o->addr, 0, "__dict__"), visit, arg);
}

void instance_clear(Obj *o)
{
    InstanceObj *in = AS_INST(o);
    table_clear(&in->attrs, o->addr);
    CLEAR(in->dict, OWNER(OWN_ATTR, o->addr, 0, "__dict__"));
}

void instance_finish(Obj *o) { table_free(&AS_INST(o)->attrs); }
size_t instance_size(Obj *o) { return o->type == &type_object ? 16 : 56; /* object() has no dict */ }

static DictTable *instance_table(Obj *o)
{
    InstanceObj *in = AS_INST(o);
    return in->dict ? &in->dict->t : &in->attrs;
}

DictObj *instance_dict(Obj *o)
{
    InstanceObj *in = AS_INST(o);
    if (!in->dict) {
        DictObj *d = (DictObj *)dict_new();
        if (!d)
            return NULL;
        size_t pos = 0;
        Obj *k, *v;
        while (table_next(&in->attrs, &pos, &k, &v))
            if (dict_set(&d->h, k, v) < 0) {
                DECREF(d);
                return NULL;
            }
        table_clear(&in->attrs, o->addr);
        in->dict = d;
        ref_move(&d->h, OWN_TEMP, OWNER(OWN_ATTR, o->addr, 0, "__dict__"));
    }
    return in->dict;
}

static Obj *bind_class_attr(Obj *v, Obj *self)
{
    if (IS(v, K_FUNC))
        return method_new(v, self);
    if (IS(v, K_BUILTIN) && ((BuiltinObj *)v)->is_descr)
        return builtin_new(((BuiltinObj *)v)->def, self, ((BuiltinObj *)v)->objclass);
    return ref_new(v);
}

Obj *instance_getattr(Obj *o, StrObj *name, bool raise)
{
    const char *n = name->s;
    if (n[0] == '_' && n[1] == '_') {
        if (strcmp(n, "__dict__") == 0 && (IS(o, K_INSTANCE) || IS(o, K_EXC))) {
            DictObj *d = instance_dict(o);
            return d ? ref_new(&d->h) : NULL;
        }
        if (strcmp(n, "__class__") == 0)
            return ref_new(&o->type->h);
    }
    if (IS(o, K_INSTANCE) || IS(o, K_EXC)) {
        Obj *v = table_get_str(instance_table(o), name);
        if (v)
            return ref_new(v);
        if (rt_error_occurred())
            return NULL;
    }
    Obj *cv = type_lookup(o->type, name);
    if (cv)
        return bind_class_attr(cv, o);
    if (!raise)
        return NULL;
    return rt_raise(EXC(AttributeError), "'%s' object has no attribute '%s'", o->type->name, n);
}

int instance_setattr(Obj *o, StrObj *name, Obj *value)
{
    if (o->type == &type_object) /* object() has no __dict__ */
        return rt_raise_int(EXC(AttributeError), "'object' object has no attribute '%s'", name->s);
    if (!IS(o, K_INSTANCE) && !IS(o, K_EXC)) {
        if (type_lookup(o->type, name))
            return rt_raise_int(EXC(AttributeError), "'%s' object attribute '%s' is read-only",
                                o->type->name, name->s);
        return rt_raise_int(EXC(AttributeError), "'%s' object has no attribute '%s'",
                            o->type->name, name->s);
    }
    if (strcmp(name->s, "__class__") == 0 || strcmp(name->s, "__dict__") == 0)
        return rt_raise_int(EXC(TypeError), "memviz cannot assign to '%s'", name->s);
    InstanceObj *in = AS_INST(o);
    uint64_t owner = in->dict ? in->dict->h.addr : o->addr;
    if (!value) {
        int r = table_del(instance_table(o), owner, &name->h, str_hash(name));
        if (r == 1)
            return rt_raise_int(EXC(AttributeError), "'%s' object has no attribute '%s'",
                                o->type->name, name->s);
        return r;
    }
    return table_set(instance_table(o), owner, &name->h, str_hash(name), value);
}

/* Calling a class: CPython's type_call (__new__ then __init__). */
static StrObj *s_init;

Obj *type_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    if (!s_init)
        s_init = str_intern("__init__");
    int nkw = kwnames ? (int)kwnames->len : 0;
    Obj *self;
    if (t->inst_kind == K_EXC) {
        self = exc_new(t, args, nargs);
    } else {
        self = obj_alloc(K_INSTANCE, t, sizeof(InstanceObj), 56);
        if (self) {
            AS_INST(self)->attrs.role = ROLE_ATTRS;
            obj_gc_track(self);
        }
    }
    if (!self)
        return NULL;
    Obj *init = type_lookup(t, s_init);
    if (init && IS(init, K_FUNC)) {
        Obj *r = proto_call_prepend((FuncObj *)init, self, args, nargs, kwnames);
        if (!r) {
            DECREF(self);
            return NULL;
        }
        if (r != Py_None) {
            rt_raise(EXC(TypeError), "__init__() should return None, not '%s'", type_name(r));
            DECREF(r);
            DECREF(self);
            return NULL;
        }
        DECREF(r);
    } else if (t->inst_kind != K_EXC && (nargs || nkw)) {
        DECREF(self);
        return rt_raise(EXC(TypeError), "%s() takes no arguments", t->name);
    }
    return self;
}

/* ---------- super ---------- */
Obj *super_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    if (arg_no_kwargs("super", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return vm_super_noargs();
    if (nargs != 2 || !IS(args[0], K_TYPE))
        return rt_raise(EXC(TypeError), "super() argument 1 must be a type");
    if (!rt_isinstance(args[1], AS_TYPE(args[0])))
        return rt_raise(EXC(TypeError), "super(type, obj): obj must be an instance or subtype of type");
    SuperObj *s = (SuperObj *)obj_alloc(K_SUPER, &type_super, sizeof(SuperObj), 48);
    if (!s)
        return NULL;
    s->start = AS_TYPE(args[0]);
    ref_inc(args[0], OWN_OF(OWN_TYPE, s, "__thisclass__"));
    s->self = args[1];
    ref_inc(args[1], OWN_OF(OWN_TYPE, s, "__self__"));
    obj_gc_track(&s->h);
    return &s->h;
}

Obj *super_getattr(Obj *o, StrObj *name)
{
    SuperObj *s = (SuperObj *)o;
    Obj *v = type_lookup(s->start->base, name);
    if (v)
        return bind_class_attr(v, s->self);
    return rt_raise(EXC(AttributeError), "'super' object has no attribute '%s'", name->s);
}

void super_traverse(Obj *o, VisitFn visit, void *arg)
{
    SuperObj *s = (SuperObj *)o;
    visit_x((Obj **)&s->start, OWN_OF(OWN_TYPE, s, "__thisclass__"), visit, arg);
    visit_x(&s->self, OWN_OF(OWN_TYPE, s, "__self__"), visit, arg);
}

void super_clear(Obj *o)
{
    SuperObj *s = (SuperObj *)o;
    CLEAR(s->start, OWN_OF(OWN_TYPE, s, "__thisclass__"));
    CLEAR(s->self, OWN_OF(OWN_TYPE, s, "__self__"));
}

void super_finish(Obj *o) { (void)o; }
size_t super_size(Obj *o) { (void)o; return 48; }

/* ---------- generators ---------- */
Obj *gen_new(Frame *f, StrObj *name)
{
    GenObj *g = (GenObj *)obj_alloc(K_GEN, &type_generator, sizeof(GenObj), 200);
    if (!g) {
        vm_frame_release(f);
        return NULL;
    }
    g->frame = f;
    f->generator = true;
    g->name = name;
    obj_gc_track(&g->h);
    return &g->h;
}

void gen_traverse(Obj *o, VisitFn visit, void *arg)
{
    GenObj *g = (GenObj *)o;
    if (g->frame)
        vm_frame_traverse(g->frame, visit, arg);
}

void gen_clear(Obj *o)
{
    GenObj *g = (GenObj *)o;
    Frame *f = g->frame;
    g->frame = NULL;
    g->done = true;
    if (f)
        vm_frame_release(f);
}

void gen_finish(Obj *o) { (void)o; }
size_t gen_size(Obj *o) { (void)o; return 200; }

/* ---------- frame objects ---------- */
void frame_traverse(Obj *o, VisitFn visit, void *arg)
{
    FrameObj *f = (FrameObj *)o;
    visit_x((Obj **)&f->code, OWN_OF(OWN_FRAME, f, "f_code"), visit, arg);
    visit_x(&f->func, OWN_OF(OWN_FRAME, f, "f_func"), visit, arg);
    for (int i = 0; i < f->nlocals; i++)
        visit_x(&f->locals[i], OWNER(OWN_NAME, f->h.addr, i, f->code ? vm_local_name(f->code, i) : NULL),
                visit, arg);
}

void frame_clear(Obj *o)
{
    FrameObj *f = (FrameObj *)o;
    if (f->live) /* the executing frame still refers to us: detach */
        f->live->fobj = NULL, f->live = NULL;
    /* CPython's frame_dealloc: the function first, then the locals in order */
    CLEAR(f->func, OWN_OF(OWN_FRAME, f, "f_func"));
    for (int i = 0; i < f->nlocals; i++)
        clear_slot(&f->locals[i], OWNER(OWN_NAME, f->h.addr, i,
                                        f->code ? vm_local_name(f->code, i) : NULL));
    CLEAR(f->code, OWN_OF(OWN_FRAME, f, "f_code"));
}

void frame_finish(Obj *o)
{
    free(((FrameObj *)o)->locals);
}

size_t frame_size(Obj *o) { (void)o; return 232; }
