/* proto: the generic object protocol. Dispatches by kind to the type
 * modules, and to a user class's dunder methods, with CPython's fallbacks
 * and error messages. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "types.h"
#include "vm.h"
#include "xmem.h"

static const char *const op_symbols[OP_COUNT] = {
    [OP_ADD] = "+", [OP_SUB] = "-", [OP_MUL] = "*", [OP_TRUEDIV] = "/",
    [OP_FLOORDIV] = "//", [OP_MOD] = "%", [OP_POW] = "**", [OP_LSHIFT] = "<<",
    [OP_RSHIFT] = ">>", [OP_AND_BITS] = "&", [OP_OR_BITS] = "|", [OP_XOR] = "^",
    [OP_MATMUL] = "@",
};
static const char *const op_dunder[OP_COUNT][3] = {
    [OP_ADD] = {"__add__", "__radd__", "__iadd__"},
    [OP_SUB] = {"__sub__", "__rsub__", "__isub__"},
    [OP_MUL] = {"__mul__", "__rmul__", "__imul__"},
    [OP_TRUEDIV] = {"__truediv__", "__rtruediv__", "__itruediv__"},
    [OP_FLOORDIV] = {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    [OP_MOD] = {"__mod__", "__rmod__", "__imod__"},
    [OP_POW] = {"__pow__", "__rpow__", "__ipow__"},
    [OP_LSHIFT] = {"__lshift__", "__rlshift__", "__ilshift__"},
    [OP_RSHIFT] = {"__rshift__", "__rrshift__", "__irshift__"},
    [OP_AND_BITS] = {"__and__", "__rand__", "__iand__"},
    [OP_OR_BITS] = {"__or__", "__ror__", "__ior__"},
    [OP_XOR] = {"__xor__", "__rxor__", "__ixor__"},
    [OP_MATMUL] = {"__matmul__", "__rmatmul__", "__imatmul__"},
};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const cmp_dunder[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
static const int cmp_swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

const char *type_name(Obj *o) { return o->type->name; }

/* ---------- user dunder methods ---------- */
static bool is_user(Obj *o) { return o->type->user; }

/* The user-defined method `name` of o's class (borrowed), or NULL. */
static Obj *user_method(Obj *o, const char *name)
{
    if (!is_user(o))
        return NULL;
    Obj *m = type_lookup(o->type, str_intern_lit(name));
    return m && IS(m, K_FUNC) ? m : NULL;
}

static Obj *call_method(Obj *func, Obj *self, Obj **args, int nargs)
{
    Obj *buf[4];
    buf[0] = self;
    for (int i = 0; i < nargs && i < 3; i++)
        buf[i + 1] = args[i];
    return vm_call_function((FuncObj *)func, buf, nargs + 1, NULL);
}

static Obj *call_dunder(Obj *o, const char *name, Obj **args, int nargs, bool *found)
{
    Obj *m = user_method(o, name);
    *found = m != NULL;
    return m ? call_method(m, o, args, nargs) : NULL;
}

/* ---------- repr / str ---------- */
static Obj *checked_str(Obj *r, const char *what)
{
    if (r && !IS(r, K_STR)) {
        rt_raise(EXC(TypeError), "%s returned non-string (type %s)", what, type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

static Obj *addr_repr(const char *fmt, const char *name, Obj *o)
{
    return str_printf(fmt, name, (unsigned long long)o->addr);
}

Obj *obj_repr(Obj *o)
{
    bool found;
    Obj *r = call_dunder(o, "__repr__", NULL, 0, &found);
    if (found)
        return checked_str(r, "__repr__");
    switch (o->kind) {
    case K_NONE: return str_from_c(o == Py_None ? "None" : "NotImplemented");
    case K_BOOL:
    case K_INT: return int_repr(o);
    case K_FLOAT: return float_repr(o);
    case K_STR: return str_repr(o);
    case K_LIST: return list_repr(o);
    case K_TUPLE: return tuple_repr(o);
    case K_DICT: return dict_repr(o);
    case K_SET: return set_repr(o);
    case K_RANGE: return range_repr(o);
    case K_SLICE: return slice_repr(o);
    case K_ITER: return iter_repr(o);
    case K_CDATA: return cdata_repr(o);
    case K_EXC: return exc_repr(o);
    case K_FUNC:
        return addr_repr("<function %s at 0x%llx>", AS_FUNC(o)->qualname->s, o);
    case K_BUILTIN: {
        BuiltinObj *b = (BuiltinObj *)o;
        if (b->is_descr)
            return str_printf("<method '%s' of '%s' objects>", b->def->name, b->objclass->name);
        if (b->self && !IS(b->self, K_MODULE))
            return str_printf("<built-in method %s of %s object at 0x%llx>", b->def->name,
                              type_name(b->self), (unsigned long long)b->self->addr);
        return str_printf("<built-in function %s>", b->def->name);
    }
    case K_METHOD: {
        MethodObj *m = (MethodObj *)o;
        Obj *sr = obj_repr(m->self);
        if (!sr)
            return NULL;
        const char *fn = IS(m->func, K_FUNC) ? AS_FUNC(m->func)->qualname->s : "?";
        Obj *res = str_printf("<bound method %s of %s>", fn, AS_STR(sr)->s);
        DECREF(sr);
        return res;
    }
    case K_TYPE:
        if (AS_TYPE(o)->user)
            return str_printf("<class '__main__.%s'>", AS_TYPE(o)->name);
        return str_printf("<class '%s'>", AS_TYPE(o)->name);
    case K_MODULE: {
        const char *n = ((ModuleObj *)o)->name;
        if (strcmp(n, "__main__") == 0)
            return str_from_c("<module '__main__'>");
        return str_printf("<module '%s' (built-in)>", n);
    }
    case K_CELL: {
        CellObj *c = (CellObj *)o;
        if (!c->ref)
            return str_printf("<cell at 0x%llx: empty>", (unsigned long long)o->addr);
        return str_printf("<cell at 0x%llx: %s object at 0x%llx>", (unsigned long long)o->addr,
                          type_name(c->ref), (unsigned long long)c->ref->addr);
    }
    case K_CODE: {
        CodeObj *c = (CodeObj *)o;
        return str_printf("<code object %s at 0x%llx, file \"%s\", line %d>", c->name,
                          (unsigned long long)o->addr, c->filename, c->firstline);
    }
    case K_GEN:
        return addr_repr("<generator object %s at 0x%llx>", ((GenObj *)o)->name->s, o);
    case K_TRACEBACK: return addr_repr("<%s object at 0x%llx>", "traceback", o);
    case K_FRAME: {
        FrameObj *f = (FrameObj *)o;
        return str_printf("<frame at 0x%llx, file '%s', line %d, code %s>", (unsigned long long)o->addr,
                          f->code ? f->code->filename : "?", f->lineno, f->code ? f->code->name : "?");
    }
    case K_SUPER:
        return str_printf("<super: <class '%s'>, <%s object>>", ((SuperObj *)o)->start->name,
                          type_name(((SuperObj *)o)->self));
    default:
        if (is_user(o))
            return addr_repr("<__main__.%s object at 0x%llx>", type_name(o), o);
        return addr_repr("<%s object at 0x%llx>", type_name(o), o);
    }
}

Obj *obj_str(Obj *o)
{
    if (IS(o, K_STR) && o->type == &type_str)
        return ref_new(o);
    bool found;
    Obj *r = call_dunder(o, "__str__", NULL, 0, &found);
    if (found)
        return checked_str(r, "__str__");
    if (IS(o, K_EXC) && !user_method(o, "__repr__"))
        return exc_str(o);
    Obj *rm = user_method(o, "__repr__");
    if (rm) /* object.__str__ calls __repr__; str() checks what it gets */
        return checked_str(call_method(rm, o, NULL, 0), "__str__");
    return obj_repr(o);
}

/* Py_ReprEnter: objects whose repr is being built, to print [...] for
 * a container that contains itself. */
static Obj **repr_stack;
static size_t repr_len, repr_cap;

int rt_repr_enter(Obj *o)
{
    for (size_t i = 0; i < repr_len; i++)
        if (repr_stack[i] == o)
            return 1;
    if (!vm_enter_c(" while getting the repr of an object"))
        return -1;
    xgrow((void **)&repr_stack, &repr_cap, repr_len + 1, sizeof *repr_stack);
    repr_stack[repr_len++] = o;
    return 0;
}

void rt_repr_leave(Obj *o)
{
    if (repr_len && repr_stack[repr_len - 1] == o)
        repr_len--;
    vm_leave_c();
}

void proto_shutdown(void)
{
    free(repr_stack);
    repr_stack = NULL;
    repr_len = repr_cap = 0;
}

/* ---------- truth, length, hash ---------- */
int64_t obj_len(Obj *o)
{
    switch (o->kind) {
    case K_STR: return str_len(o);
    case K_LIST: return list_len(o);
    case K_TUPLE: return tuple_len(o);
    case K_DICT: return dict_len(o);
    case K_SET: return set_len(o);
    case K_RANGE: return range_len(o);
    case K_ITER: return iter_len(o);
    default: break;
    }
    bool found;
    Obj *r = call_dunder(o, "__len__", NULL, 0, &found);
    if (found) {
        if (!r)
            return -1;
        int64_t n;
        bool ok = int_as_index(r, &n);
        DECREF(r);
        if (!ok)
            return -1;
        if (n < 0)
            return rt_raise_int(EXC(ValueError), "__len__() should return >= 0");
        return n;
    }
    return rt_raise_int(EXC(TypeError), "object of type '%s' has no len()", type_name(o));
}

int obj_truth(Obj *o)
{
    switch (o->kind) {
    case K_NONE: return 0;
    case K_BOOL:
    case K_INT: return AS_INT(o) != 0;
    case K_FLOAT: return AS_FLOAT(o) != 0.0;
    case K_STR: case K_LIST: case K_TUPLE: case K_DICT: case K_SET: case K_RANGE: {
        int64_t n = obj_len(o);
        return n < 0 ? -1 : n > 0;
    }
    default: break;
    }
    bool found;
    Obj *r = call_dunder(o, "__bool__", NULL, 0, &found);
    if (found) {
        if (!r)
            return -1;
        if (!IS(r, K_BOOL)) {
            rt_raise(EXC(TypeError), "__bool__ should return bool, returned %s", type_name(r));
            DECREF(r);
            return -1;
        }
        int v = r == Py_True;
        DECREF(r);
        return v;
    }
    if (user_method(o, "__len__")) {
        int64_t n = obj_len(o);
        return n < 0 ? -1 : n > 0;
    }
    if (IS(o, K_ITER) && ((IterObj *)o)->ikind >= IT_DICTVIEW_KEYS) {
        int64_t n = obj_len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static int64_t pointer_hash(Obj *o)
{
    uint64_t y = o->addr;
    int64_t h = (int64_t)((y >> 4) | (y << 60));
    return h == -1 ? -2 : h;
}

/* CPython's frozenset hash: independent of the entries' order. */
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; }

static bool frozenset_hash(Obj *o, int64_t *out)
{
    uint64_t h = 0;
    size_t pos = 0, n = 0;
    Obj *key;
    while (set_next(o, &pos, &key)) {
        int64_t kh;
        if (!obj_hash(key, &kh))
            return false;
        h ^= shuffle_bits((uint64_t)kh);
        n++;
    }
    h ^= ((uint64_t)n + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    if (h == (uint64_t)-1)
        h = 590923713u;
    *out = (int64_t)h;
    return true;
}

bool obj_hash(Obj *o, int64_t *out)
{
    switch (o->kind) {
    case K_BOOL: case K_INT: case K_FLOAT: return num_hash(o, out);
    case K_STR: *out = str_hash(AS_STR(o)); return true;
    case K_TUPLE: return tuple_hash(o, out);
    case K_SET:
        if (AS_SET(o)->frozen)
            return frozenset_hash(o, out);
        rt_raise(EXC(TypeError), "unhashable type: '%s'", type_name(o));
        return false;
    case K_LIST: case K_DICT: case K_SLICE:
        rt_raise(EXC(TypeError), "unhashable type: '%s'", type_name(o));
        return false;
    default: break;
    }
    if (is_user(o)) {
        Obj *hv = type_lookup(o->type, str_intern("__hash__"));
        if (hv == Py_None) { /* __hash__ = None: instances are unhashable */
            rt_raise(EXC(TypeError), "unhashable type: '%s'", type_name(o));
            return false;
        }
        bool found;
        Obj *r = call_dunder(o, "__hash__", NULL, 0, &found);
        if (found) {
            if (!r)
                return false;
            if (!IS(r, K_INT) && !IS(r, K_BOOL)) {
                rt_raise(EXC(TypeError), "__hash__ method should return an integer");
                DECREF(r);
                return false;
            }
            bool ok = num_hash(r, out); /* a big int hashes as CPython reduces it */
            DECREF(r);
            return ok;
        }
        if (user_method(o, "__eq__")) {
            rt_raise(EXC(TypeError), "unhashable type: '%s'", type_name(o));
            return false;
        }
    }
    *out = pointer_hash(o);
    return true;
}

/* ---------- comparisons ---------- */
static Obj *kind_compare(Obj *a, Obj *b, int op)
{
    if (is_user(a)) {
        Obj *m = user_method(a, cmp_dunder[op]);
        if (m)
            return call_method(m, a, &b, 1);
        if (op == CMP_NE && (m = user_method(a, "__eq__"))) {
            Obj *r = call_method(m, a, &b, 1);
            if (!r || r == Py_NotImplemented)
                return r;
            int t = obj_truth(r);
            DECREF(r);
            return t < 0 ? NULL : bool_new(!t);
        }
    }
    switch (a->kind) {
    case K_BOOL: case K_INT: case K_FLOAT: return num_compare(a, b, op);
    case K_STR: return str_compare(a, b, op);
    case K_LIST: return list_compare(a, b, op);
    case K_TUPLE: return tuple_compare(a, b, op);
    case K_DICT: return dict_compare(a, b, op);
    case K_SET: return set_compare(a, b, op);
    case K_RANGE: return range_compare(a, b, op);
    case K_METHOD:
        /* bound methods are equal when they bind the same function to the same object */
        if (IS(b, K_METHOD) && (op == CMP_EQ || op == CMP_NE)) {
            MethodObj *x = (MethodObj *)a, *y = (MethodObj *)b;
            bool eq = x->self == y->self && x->func == y->func;
            return bool_new(op == CMP_EQ ? eq : !eq);
        }
        return ref_new(Py_NotImplemented);
    default: return ref_new(Py_NotImplemented);
    }
}

Obj *obj_compare(Obj *a, Obj *b, int op)
{
    if (!vm_enter_c(" in comparison"))
        return NULL;
    Obj *r = kind_compare(a, b, op);
    if (r == Py_NotImplemented) {
        DECREF(r);
        r = kind_compare(b, a, cmp_swapped[op]);
    }
    vm_leave_c();
    if (r != Py_NotImplemented)
        return r;
    DECREF(r);
    if (op == CMP_EQ)
        return bool_new(a == b);
    if (op == CMP_NE)
        return bool_new(a != b);
    return rt_raise(EXC(TypeError), "'%s' not supported between instances of '%s' and '%s'",
                    cmp_symbols[op], type_name(a), type_name(b));
}

int obj_eq(Obj *a, Obj *b)
{
    if (a == b)
        return 1;
    Obj *r = obj_compare(a, b, CMP_EQ);
    if (!r)
        return -1;
    int t = r == Py_True ? 1 : r == Py_False ? 0 : obj_truth(r);
    DECREF(r);
    return t;
}

/* ---------- arithmetic ---------- */
static bool is_seq(Obj *o) { return IS(o, K_STR) || IS(o, K_LIST) || IS(o, K_TUPLE); }

static Obj *kind_binop(Obj *a, Obj *b, int op, bool inplace)
{
    switch (a->kind) {
    case K_BOOL: case K_INT: case K_FLOAT:
        if (op == OP_MUL && is_seq(b))
            return kind_binop(b, a, op, false);
        return num_binop(a, b, op, inplace);
    case K_STR: return str_binop(a, b, op, inplace);
    case K_LIST: return list_binop(a, b, op, inplace);
    case K_TUPLE: return tuple_binop(a, b, op, inplace);
    case K_DICT: return dict_binop(a, b, op, inplace);
    case K_SET: return set_binop(a, b, op, inplace);
    default: return ref_new(Py_NotImplemented);
    }
}

Obj *obj_binop(Obj *a, Obj *b, int op, bool inplace)
{
    Obj *m, *r;
    /* a right operand whose class is a subclass of the left's and defines
     * the reflected method is asked first, as CPython does */
    bool sub_first = b->type != a->type && b->type->user && rt_is_subclass(b->type, a->type) &&
                     (m = user_method(b, op_dunder[op][1])) != NULL;
    if (sub_first) {
        r = call_method(m, b, &a, 1);
        if (r != Py_NotImplemented)
            return r;
        DECREF(r);
    }
    if (inplace && (m = user_method(a, op_dunder[op][2]))) {
        r = call_method(m, a, &b, 1);
        if (r != Py_NotImplemented)
            return r;
        DECREF(r);
    }
    if ((m = user_method(a, op_dunder[op][0]))) {
        r = call_method(m, a, &b, 1);
        if (r != Py_NotImplemented)
            return r;
        DECREF(r);
    }
    r = kind_binop(a, b, op, inplace);
    if (r != Py_NotImplemented)
        return r;
    DECREF(r);
    /* the reflected method only when the right operand's type differs
     * (a subclass that overrides it went first, above) */
    if (b->type != a->type && !sub_first && (m = user_method(b, op_dunder[op][1]))) {
        r = call_method(m, b, &a, 1);
        if (r != Py_NotImplemented)
            return r;
        DECREF(r);
    }
    return rt_raise(EXC(TypeError), "unsupported operand type(s) for %s%s: '%s' and '%s'",
                    op_symbols[op], inplace ? "=" : op == OP_POW ? " or pow()" : "", type_name(a),
                    type_name(b));
}

Obj *obj_unary(Obj *a, int op)
{
    if (op == OP_NOT) {
        int t = obj_truth(a);
        return t < 0 ? NULL : bool_new(!t);
    }
    static const char *const names[] = {[OP_NEG] = "__neg__", [OP_POS] = "__pos__", [OP_INVERT] = "__invert__"};
    bool found;
    Obj *r = call_dunder(a, names[op], NULL, 0, &found);
    if (found)
        return r;
    r = num_unary(a, op);
    if (r != Py_NotImplemented)
        return r;
    DECREF(r);
    static const char *const sym[] = {[OP_NEG] = "-", [OP_POS] = "+", [OP_INVERT] = "~"};
    return rt_raise(EXC(TypeError), "bad operand type for unary %s: '%s'", sym[op], type_name(a));
}

/* ---------- attributes ---------- */
static Obj *type_getattr(TypeObj *t, StrObj *name)
{
    const char *n = name->s;
    if (n[0] == '_' && n[1] == '_') {
        if (strcmp(n, "__name__") == 0 || strcmp(n, "__qualname__") == 0)
            return str_from_c(t->name);
        if (strcmp(n, "__dict__") == 0 && t->dict)
            return ref_new(&t->dict->h);
        if (strcmp(n, "__base__") == 0)
            return ref_new(t->base ? &t->base->h : Py_None);
        if (strcmp(n, "__bases__") == 0)
            return t->base ? tuple_pack(1, &t->base->h) : ref_new(&empty_tuple->h);
        if (strcmp(n, "__mro__") == 0) {
            int n_ = 0;
            for (TypeObj *x = t; x; x = x->base)
                n_++;
            Obj *tup = tuple_new((size_t)n_);
            if (!tup)
                return NULL;
            int i = 0;
            for (TypeObj *x = t; x; x = x->base, i++) {
                AS_TUPLE(tup)->items[i] = &x->h;
                ref_inc(&x->h, OWNER(OWN_SLOT, tup->addr, i, NULL));
            }
            return tup;
        }
        if (strcmp(n, "__module__") == 0 && !t->user)
            return str_from_c("builtins");
        if (strcmp(n, "__class__") == 0)
            return ref_new(&type_type.h);
    }
    Obj *v = type_lookup(t, name);
    if (v) {
        if (IS(v, K_BUILTIN) && ((BuiltinObj *)v)->def->is_class)
            return builtin_new(((BuiltinObj *)v)->def, &t->h, t);
        return ref_new(v);
    }
    return rt_raise(EXC(AttributeError), "type object '%s' has no attribute '%s'", t->name, n);
}

static Obj *func_getattr(FuncObj *f, StrObj *name)
{
    const char *n = name->s;
    if (strcmp(n, "__name__") == 0)
        return ref_new(&f->name->h);
    if (strcmp(n, "__qualname__") == 0)
        return ref_new(&f->qualname->h);
    if (strcmp(n, "__code__") == 0)
        return ref_new(&f->code->h);
    if (strcmp(n, "__defaults__") == 0)
        return ref_new(f->defaults ? &f->defaults->h : Py_None);
    if (strcmp(n, "__closure__") == 0)
        return ref_new(f->closure ? &f->closure->h : Py_None);
    if (strcmp(n, "__globals__") == 0)
        return ref_new(&f->globals->h);
    if (strcmp(n, "__module__") == 0)
        return str_from_c("__main__");
    if (strcmp(n, "__doc__") == 0)
        return ref_new(Py_None);
    if (strcmp(n, "__dict__") == 0) {
        if (!f->dict) {
            f->dict = (DictObj *)dict_new();
            if (!f->dict)
                return NULL;
            ref_move(&f->dict->h, OWN_TEMP, OWNER(OWN_FUNC, f->h.addr, 0, "__dict__"));
        }
        return ref_new(&f->dict->h);
    }
    if (f->dict) {
        Obj *v = table_get_str(&f->dict->t, name);
        if (v)
            return ref_new(v);
    }
    return instance_getattr(&f->h, name, true);
}

Obj *obj_getattr(Obj *o, StrObj *name)
{
    const char *n = name->s;
    switch (o->kind) {
    case K_INSTANCE: {
        Obj *r = instance_getattr(o, name, false);
        if (r || rt_error_occurred())
            return r;
        Obj *ga = user_method(o, "__getattr__");
        if (ga) { /* CPython calls it through a bound method, which holds self */
            Obj *arg = &name->h;
            ref_inc(o, OWN_TEMP);
            Obj *res = call_method(ga, o, &arg, 1);
            DECREF(o);
            return res;
        }
        return rt_raise(EXC(AttributeError), "'%s' object has no attribute '%s'", type_name(o), n);
    }
    case K_EXC: return exc_getattr(o, name);
    case K_TYPE: return type_getattr(AS_TYPE(o), name);
    case K_FUNC: return func_getattr(AS_FUNC(o), name);
    case K_MODULE: {
        ModuleObj *m = (ModuleObj *)o;
        Obj *v = table_get_str(&m->dict->t, name);
        if (v)
            return ref_new(v);
        if (strcmp(n, "__dict__") == 0)
            return ref_new(&m->dict->h);
        if (strcmp(n, "__name__") == 0)
            return str_from_c(m->name);
        return rt_raise(EXC(AttributeError), "module '%s' has no attribute '%s'", m->name, n);
    }
    case K_METHOD: {
        MethodObj *m = (MethodObj *)o;
        if (strcmp(n, "__self__") == 0)
            return ref_new(m->self);
        if (strcmp(n, "__func__") == 0)
            return ref_new(m->func);
        return obj_getattr(m->func, name);
    }
    case K_BUILTIN: {
        BuiltinObj *b = (BuiltinObj *)o;
        if (strcmp(n, "__name__") == 0)
            return str_from_c(b->def->name);
        if (strcmp(n, "__self__") == 0)
            return ref_new(b->self ? b->self : Py_None);
        break;
    }
    case K_CELL:
        if (strcmp(n, "cell_contents") == 0) {
            CellObj *c = (CellObj *)o;
            return c->ref ? ref_new(c->ref) : rt_raise(EXC(ValueError), "Cell is empty");
        }
        break;
    case K_CDATA:
        if (strcmp(n, "value") == 0)
            return cdata_value(o);
        break;
    case K_SUPER: return super_getattr(o, name);
    case K_TRACEBACK: {
        TracebackObj *tb = (TracebackObj *)o;
        if (strcmp(n, "tb_frame") == 0)
            return ref_new(tb->frame);
        if (strcmp(n, "tb_lineno") == 0)
            return int_new(tb->lineno);
        if (strcmp(n, "tb_next") == 0)
            return ref_new(tb->next ? tb->next : Py_None);
        break;
    }
    case K_FRAME: {
        FrameObj *f = (FrameObj *)o;
        if (strcmp(n, "f_lineno") == 0)
            return int_new(f->live ? f->live->line : f->lineno);
        if (strcmp(n, "f_code") == 0 && f->code)
            return ref_new(&f->code->h);
        break;
    }
    case K_CODE: {
        CodeObj *c = (CodeObj *)o;
        if (strcmp(n, "co_name") == 0)
            return str_from_c(c->name);
        if (strcmp(n, "co_filename") == 0)
            return str_from_c(c->filename);
        if (strcmp(n, "co_firstlineno") == 0)
            return int_new(c->firstline);
        break;
    }
    case K_SLICE: {
        SliceObj *s = (SliceObj *)o;
        if (strcmp(n, "start") == 0) return ref_new(s->start);
        if (strcmp(n, "stop") == 0) return ref_new(s->stop);
        if (strcmp(n, "step") == 0) return ref_new(s->step);
        break;
    }
    case K_RANGE: {
        RangeObj *r = (RangeObj *)o;
        if (strcmp(n, "start") == 0) return int_new(r->start);
        if (strcmp(n, "stop") == 0) return int_new(r->stop);
        if (strcmp(n, "step") == 0) return int_new(r->step);
        break;
    }
    default:
        break;
    }
    return instance_getattr(o, name, true);
}

Obj *obj_getattr_opt(Obj *o, StrObj *name)
{
    Obj *r = obj_getattr(o, name);
    if (!r && rt_error_matches(EXC(AttributeError)))
        rt_clear_error();
    return r;
}

int obj_setattr(Obj *o, StrObj *name, Obj *value)
{
    if (is_user(o) && (IS(o, K_INSTANCE) || IS(o, K_EXC))) {
        /* a class's own __setattr__ / __delattr__ decides */
        Obj *m = user_method(o, value ? "__setattr__" : "__delattr__");
        if (m) {
            Obj *args[2] = {&name->h, value};
            Obj *r = call_method(m, o, args, value ? 2 : 1);
            XDECREF(r);
            return r ? 0 : -1;
        }
    }
    switch (o->kind) {
    case K_INSTANCE: return instance_setattr(o, name, value);
    case K_EXC: return exc_setattr(o, name, value);
    case K_TYPE: {
        TypeObj *t = AS_TYPE(o);
        if (!t->user)
            return rt_raise_int(EXC(TypeError), "cannot set '%s' attribute of immutable type '%s'",
                                name->s, t->name);
        if (!value) {
            int r = dict_del(&t->dict->h, &name->h);
            if (r == 1)
                return rt_raise_int(EXC(AttributeError), "type object '%s' has no attribute '%s'",
                                    t->name, name->s);
            return r;
        }
        if (strcmp(name->s, "__del__") == 0)
            t->has_finalizer = true;
        return dict_set(&t->dict->h, &name->h, value);
    }
    case K_FUNC: {
        FuncObj *f = AS_FUNC(o);
        if (!f->dict) {
            f->dict = (DictObj *)dict_new();
            if (!f->dict)
                return -1;
            ref_move(&f->dict->h, OWN_TEMP, OWNER(OWN_FUNC, o->addr, 0, "__dict__"));
        }
        if (!value) {
            int r = dict_del(&f->dict->h, &name->h);
            return r == 1 ? rt_raise_int(EXC(AttributeError), "__dict__ has no attribute '%s'", name->s) : r;
        }
        return dict_set(&f->dict->h, &name->h, value);
    }
    case K_MODULE: {
        ModuleObj *m = (ModuleObj *)o;
        if (!value) {
            int r = dict_del(&m->dict->h, &name->h);
            return r == 1 ? rt_raise_int(EXC(AttributeError), "module '%s' has no attribute '%s'",
                                         m->name, name->s)
                          : r;
        }
        return dict_set(&m->dict->h, &name->h, value);
    }
    default:
        return instance_setattr(o, name, value);
    }
}

/* ---------- items ---------- */
Obj *obj_getitem(Obj *o, Obj *key)
{
    switch (o->kind) {
    case K_STR: return str_getitem(o, key);
    case K_LIST: return list_getitem(o, key);
    case K_TUPLE: return tuple_getitem(o, key);
    case K_DICT: return dict_getitem(o, key);
    case K_RANGE: return range_getitem(o, key);
    default: break;
    }
    bool found;
    Obj *r = call_dunder(o, "__getitem__", &key, 1, &found);
    if (found)
        return r;
    if (IS(o, K_TYPE))
        return rt_raise(EXC(TypeError), "type '%s' is not subscriptable", AS_TYPE(o)->name);
    return rt_raise(EXC(TypeError), "'%s' object is not subscriptable", type_name(o));
}

int obj_setitem(Obj *o, Obj *key, Obj *value)
{
    switch (o->kind) {
    case K_LIST: return list_setitem(o, key, value);
    case K_DICT: return dict_setitem(o, key, value);
    default: break;
    }
    bool found;
    Obj *args[2] = {key, value};
    Obj *r = call_dunder(o, value ? "__setitem__" : "__delitem__", args, value ? 2 : 1, &found);
    if (found) {
        XDECREF(r);
        return r ? 0 : -1;
    }
    if (value)
        return rt_raise_int(EXC(TypeError), "'%s' object does not support item assignment", type_name(o));
    /* CPython words it by whether the type has items at all */
    bool sequence = IS(o, K_STR) || IS(o, K_TUPLE) || IS(o, K_RANGE);
    return rt_raise_int(EXC(TypeError), "'%s' object %s support item deletion", type_name(o),
                        sequence ? "doesn't" : "does not");
}

int obj_contains(Obj *c, Obj *item)
{
    switch (c->kind) {
    case K_STR: return str_contains(c, item);
    case K_LIST: return list_contains(c, item);
    case K_TUPLE: return tuple_contains(c, item);
    case K_DICT: return dict_contains(c, item);
    case K_SET: return set_contains_obj(c, item);
    case K_RANGE: return range_contains(c, item);
    case K_ITER:
        if (((IterObj *)c)->ikind >= IT_DICTVIEW_KEYS)
            return iter_contains(c, item);
        break;
    default: break;
    }
    bool found;
    Obj *r = call_dunder(c, "__contains__", &item, 1, &found);
    if (found) {
        if (!r)
            return -1;
        int t = obj_truth(r);
        DECREF(r);
        return t;
    }
    Obj *it = obj_iter(c);
    if (!it) {
        if (rt_error_matches(EXC(TypeError))) {
            rt_clear_error();
            return rt_raise_int(EXC(TypeError), "argument of type '%s' is not iterable", type_name(c));
        }
        return -1;
    }
    int res = 0;
    Obj *x;
    while ((x = iter_next(it))) {
        res = obj_eq(x, item);
        DECREF(x);
        if (res != 0)
            break;
    }
    DECREF(it);
    if (res == 0 && rt_error_occurred())
        return -1;
    return res;
}

/* ---------- iteration ---------- */
Obj *obj_iter(Obj *o)
{
    switch (o->kind) {
    case K_STR: return str_iter(o);
    case K_LIST: return list_iter(o);
    case K_TUPLE: return tuple_iter(o);
    case K_DICT: return dict_iter(o);
    case K_SET: return set_iter(o);
    case K_RANGE: return range_iter(o);
    case K_ITER: {
        IterObj *v = (IterObj *)o;
        switch (v->ikind) {
        case IT_DICTVIEW_KEYS: return iter_new(&type_dict_keyiterator, IT_DICT_KEYS, v->seq);
        case IT_DICTVIEW_VALUES: return iter_new(&type_dict_valueiterator, IT_DICT_VALUES, v->seq);
        case IT_DICTVIEW_ITEMS: return iter_new(&type_dict_itemiterator, IT_DICT_ITEMS, v->seq);
        default: return ref_new(o);
        }
    }
    case K_GEN: return ref_new(o);
    default: break;
    }
    bool found;
    Obj *r = call_dunder(o, "__iter__", NULL, 0, &found);
    if (found) {
        if (r && !IS(r, K_ITER) && !IS(r, K_GEN) && !user_method(r, "__next__")) {
            rt_raise(EXC(TypeError), "iter() returned non-iterator of type '%s'", type_name(r));
            DECREF(r);
            return NULL;
        }
        return r;
    }
    if (user_method(o, "__getitem__"))
        return rt_raise(EXC(TypeError), "memviz does not iterate with __getitem__ ('%s' object)", type_name(o));
    return rt_raise(EXC(TypeError), "'%s' object is not iterable", type_name(o));
}

Obj *iter_next(Obj *it)
{
    if (IS(it, K_ITER) && ((IterObj *)it)->ikind < IT_DICTVIEW_KEYS)
        return iter_next_impl(it);
    if (IS(it, K_GEN)) {
        bool done;
        Obj *v = vm_resume_generator((GenObj *)it, &done);
        if (done) {
            XDECREF(v);
            return NULL;
        }
        return v;
    }
    bool found;
    Obj *r = call_dunder(it, "__next__", NULL, 0, &found);
    if (found) {
        if (!r && rt_error_matches(EXC(StopIteration)))
            rt_clear_error();
        return r;
    }
    return rt_raise(EXC(TypeError), "'%s' object is not an iterator", type_name(it));
}

/* ---------- calls ---------- */
static Obj *count_error(const BuiltinDef *d, int nargs)
{
    arg_count(d->name, nargs, d->minargs, d->maxargs);
    return NULL;
}

/* CPython 3.11 calls a class, an instance's __call__, str() and zip()
 * through tp_call: the caller's arguments are first packed into a tuple
 * (and a dict for keywords) that live for the whole call, which
 * sys.getrefcount inside __init__ or __call__ can see. */
typedef struct {
    Obj *tuple, *dict;
} TpArgs;

static bool tp_args_pack(TpArgs *p, Obj **args, int nargs, TupleObj *kwnames)
{
    p->tuple = p->dict = NULL;
    p->tuple = nargs ? tuple_new((size_t)nargs) : ref_new(&empty_tuple->h);
    if (!p->tuple)
        return false;
    for (int i = 0; i < nargs; i++) {
        AS_TUPLE(p->tuple)->items[i] = args[i];
        ref_inc(args[i], OWNER(OWN_SLOT, p->tuple->addr, i, NULL));
    }
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (nkw) {
        p->dict = dict_new();
        for (int i = 0; p->dict && i < nkw; i++)
            if (dict_set(p->dict, kwnames->items[i], args[nargs + i]) < 0) {
                DECREF(p->dict);
                p->dict = NULL;
            }
        if (!p->dict) {
            DECREF(p->tuple);
            return false;
        }
    }
    return true;
}

static void tp_args_release(TpArgs *p)
{
    XDECREF(p->dict);
    DECREF(p->tuple);
}

/* The builtins CPython 3.11 calls with an argument tuple (METH_VARARGS):
 * while they run, each argument has one more reference. */
static bool builtin_takes_tuple(const BuiltinObj *b)
{
    if (b->self || b->is_descr)
        return false;
    return b->def->takes_tuple;
}

static Obj *call_builtin(BuiltinObj *b, Obj **args, int nargs, TupleObj *kwnames);

static Obj *call_builtin_tuple(BuiltinObj *b, Obj **args, int nargs, TupleObj *kwnames)
{
    TpArgs p;
    if (!tp_args_pack(&p, args, nargs, kwnames))
        return NULL;
    Obj *r = call_builtin(b, args, nargs, kwnames);
    tp_args_release(&p);
    return r;
}

static Obj *call_builtin(BuiltinObj *b, Obj **args, int nargs, TupleObj *kwnames)
{
    const BuiltinDef *d = b->def;
    Obj *self = b->self;
    if (b->is_descr) {
        if (nargs < 1)
            return rt_raise(EXC(TypeError), "unbound method %s.%s() needs an argument",
                            b->objclass->name, d->name);
        self = args[0];
        if (!rt_isinstance(self, b->objclass))
            return rt_raise(EXC(TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                            d->name, b->objclass->name, type_name(self));
        args++;
        nargs--;
    }
    if (kwnames && kwnames->len && !d->kwargs)
        return rt_raise(EXC(TypeError), "%s() takes no keyword arguments", d->name);
    if (nargs < d->minargs || (d->maxargs >= 0 && nargs > d->maxargs))
        return count_error(d, nargs);
    if (!vm_enter_c(""))
        return NULL;
    Obj *r = d->fn(self, args, nargs, kwnames);
    vm_leave_c();
    return r;
}

typedef Obj *(*NewCall)(TypeObj *, Obj **, int, TupleObj *);

static Obj *object_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (nargs || (kwnames && kwnames->len))
        return rt_raise(EXC(TypeError), "object() takes no arguments");
    Obj *o = obj_alloc(K_INSTANCE, t, sizeof(InstanceObj), 16);
    if (o)
        AS_INST(o)->attrs.role = ROLE_ATTRS;
    return o;
}

static Obj *type_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    if (nargs == 1 && !(kwnames && kwnames->len))
        return ref_new(&args[0]->type->h);
    return rt_raise(EXC(TypeError), "type() takes 1 argument in memviz (type(name, bases, dict) is not supported)");
}

static const struct { TypeObj *t; NewCall fn; } new_calls[] = {
    {&type_int, int_new_call}, {&type_float, float_new_call}, {&type_bool, bool_new_call},
    {&type_str, str_new_call}, {&type_list, list_new_call}, {&type_tuple, tuple_new_call},
    {&type_dict, dict_new_call}, {&type_set, set_new_call}, {&type_frozenset, set_new_call},
    {&type_range, range_new_call}, {&type_enumerate, enumerate_new_call},
    {&type_zip, zip_new_call}, {&type_map, map_new_call}, {&type_filter, filter_new_call},
    {&type_reversed, reversed_new_call}, {&type_object, object_new_call},
    {&type_type, type_new_call}, {&type_super, super_new_call},
};

/* Calls a Python method with self prepended, as _PyObject_Call_Prepend
 * does: with keywords, the unpacked argument array holds a reference to
 * every argument, self included, for the call. */
Obj *proto_call_prepend(FuncObj *fn, Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    int nkw = kwnames ? (int)kwnames->len : 0, n = nargs + nkw + 1;
    Obj *small[8];
    Obj **full = n <= 8 ? small : xmalloc(sizeof(Obj *) * (size_t)n);
    full[0] = self;
    if (n > 1)
        memcpy(full + 1, args, sizeof(Obj *) * (size_t)(n - 1));
    if (nkw)
        for (int i = 0; i < n; i++)
            ref_inc(full[i], OWN_TEMP);
    Obj *r = vm_call_function(fn, full, nargs + 1, kwnames);
    if (nkw)
        for (int i = 0; i < n; i++)
            DECREF(full[i]);
    if (full != small)
        free(full);
    return r;
}

Obj *obj_call(Obj *c, Obj **args, int nargs, TupleObj *kwnames)
{
    switch (c->kind) {
    case K_FUNC:
        return vm_call_function(AS_FUNC(c), args, nargs, kwnames);
    case K_BUILTIN:
        if (builtin_takes_tuple((BuiltinObj *)c))
            return call_builtin_tuple((BuiltinObj *)c, args, nargs, kwnames);
        return call_builtin((BuiltinObj *)c, args, nargs, kwnames);
    case K_METHOD: {
        MethodObj *m = (MethodObj *)c;
        int nkw = kwnames ? (int)kwnames->len : 0;
        Obj *small[8];
        Obj **full = nargs + nkw + 1 <= 8 ? small : xmalloc(sizeof(Obj *) * (size_t)(nargs + nkw + 1));
        full[0] = m->self;
        if (nargs + nkw)
            memcpy(full + 1, args, sizeof(Obj *) * (size_t)(nargs + nkw));
        Obj *r = obj_call(m->func, full, nargs + 1, kwnames);
        if (full != small)
            free(full);
        return r;
    }
    case K_TYPE: {
        TypeObj *t = AS_TYPE(c);
        if (t->user) {
            TpArgs p;
            if (!tp_args_pack(&p, args, nargs, kwnames))
                return NULL;
            Obj *r = type_call(t, args, nargs, kwnames);
            tp_args_release(&p);
            return r;
        }
        if (t == &type_str || t == &type_zip) {
            TpArgs p;
            if (!tp_args_pack(&p, args, nargs, kwnames))
                return NULL;
            Obj *r = t == &type_str ? str_new_call(t, args, nargs, kwnames)
                                    : zip_new_call(t, args, nargs, kwnames);
            tp_args_release(&p);
            return r;
        }
        if (t->inst_kind == K_EXC) {
            if (kwnames && kwnames->len)
                return rt_raise(EXC(TypeError), "%s() takes no keyword arguments", t->name);
            return exc_new(t, args, nargs);
        }
        for (size_t i = 0; i < sizeof new_calls / sizeof *new_calls; i++)
            if (new_calls[i].t == t) {
                if (!vm_enter_c(""))
                    return NULL;
                Obj *r = new_calls[i].fn(t, args, nargs, kwnames);
                vm_leave_c();
                return r;
            }
        return rt_raise(EXC(TypeError), "cannot create '%s' instances", t->name);
    }
    default:
        break;
    }
    Obj *m = user_method(c, "__call__");
    if (m) {
        TpArgs p;
        if (!tp_args_pack(&p, args, nargs, kwnames))
            return NULL;
        Obj *r = proto_call_prepend((FuncObj *)m, c, args, nargs, kwnames);
        tp_args_release(&p);
        return r;
    }
    return rt_raise(EXC(TypeError), "'%s' object is not callable", type_name(c));
}

Obj *obj_call0(Obj *c) { return obj_call(c, NULL, 0, NULL); }
Obj *obj_call1(Obj *c, Obj *arg) { return obj_call(c, &arg, 1, NULL); }

int64_t obj_sizeof(Obj *o) { return (int64_t)kind_ops[o->kind].size(o); }
