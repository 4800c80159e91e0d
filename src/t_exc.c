/* t_exc: exception classes and instances, tracebacks, the raised-exception
 * state and CPython-style traceback printing. */
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "types.h"
#include "vm.h"
#include "xmem.h"

TypeObj *exc_types[EXC_COUNT];

/* ORDER ExcId: name and base of each builtin exception class. */
static const struct { const char *name; int base; } exc_defs[EXC_COUNT] = {
    [EXC_BaseException] = {"BaseException", -1},
    [EXC_SystemExit] = {"SystemExit", EXC_BaseException},
    [EXC_KeyboardInterrupt] = {"KeyboardInterrupt", EXC_BaseException},
    [EXC_Exception] = {"Exception", EXC_BaseException},
    [EXC_ArithmeticError] = {"ArithmeticError", EXC_Exception},
    [EXC_ZeroDivisionError] = {"ZeroDivisionError", EXC_ArithmeticError},
    [EXC_OverflowError] = {"OverflowError", EXC_ArithmeticError},
    [EXC_AssertionError] = {"AssertionError", EXC_Exception},
    [EXC_AttributeError] = {"AttributeError", EXC_Exception},
    [EXC_LookupError] = {"LookupError", EXC_Exception},
    [EXC_IndexError] = {"IndexError", EXC_LookupError},
    [EXC_KeyError] = {"KeyError", EXC_LookupError},
    [EXC_MemoryError] = {"MemoryError", EXC_Exception},
    [EXC_NameError] = {"NameError", EXC_Exception},
    [EXC_UnboundLocalError] = {"UnboundLocalError", EXC_NameError},
    [EXC_RuntimeError] = {"RuntimeError", EXC_Exception},
    [EXC_RecursionError] = {"RecursionError", EXC_RuntimeError},
    [EXC_NotImplementedError] = {"NotImplementedError", EXC_RuntimeError},
    [EXC_StopIteration] = {"StopIteration", EXC_Exception},
    [EXC_TypeError] = {"TypeError", EXC_Exception},
    [EXC_ValueError] = {"ValueError", EXC_Exception},
    [EXC_UnicodeError] = {"UnicodeError", EXC_ValueError},
    [EXC_ImportError] = {"ImportError", EXC_Exception},
    [EXC_ModuleNotFoundError] = {"ModuleNotFoundError", EXC_ImportError},
    [EXC_SyntaxError] = {"SyntaxError", EXC_Exception},
};

static Obj *base_exc_init(Obj *self, Obj **args, int nargs, TupleObj *kw);

static const BuiltinDef base_exc_methods[] = {
    {"__init__", base_exc_init, 0, -1, true, NULL, false, false},
    {0},
};

void exc_init(void)
{
    for (int i = 0; i < EXC_COUNT; i++) {
        TypeObj *t = (TypeObj *)obj_alloc_static(K_TYPE, &type_type, sizeof(TypeObj), 1688);
        t->name = exc_defs[i].name;
        t->base = exc_defs[i].base < 0 ? &type_object : exc_types[exc_defs[i].base];
        t->inst_kind = K_EXC;
        t->dict = (DictObj *)dict_new();
        t->dict->h.flags |= OF_IMMORTAL;
        exc_types[i] = t;
    }
    type_add_methods(EXC(BaseException), base_exc_methods);
}

/* Exceptions and tracebacks are allocated even at the heap limit, so a
 * MemoryError can always be raised and reported. */
static Obj *alloc_unlimited(ObjKind kind, TypeObj *t, size_t csize, uint32_t simsize)
{
    uint64_t limit = heap_limit();
    heap_set_limit(limit + (1u << 20));
    Obj *o = obj_alloc(kind, t, csize, simsize);
    heap_set_limit(limit);
    return o;
}

static Obj *args_tuple(Obj **args, int nargs)
{
    if (nargs == 0)
        return ref_new(&empty_tuple->h);
    Obj *t = tuple_new((size_t)nargs);
    if (!t)
        return NULL;
    for (int i = 0; i < nargs; i++) {
        AS_TUPLE(t)->items[i] = args[i];
        ref_inc(args[i], OWNER(OWN_SLOT, t->addr, i, NULL));
    }
    return t;
}

Obj *exc_new(TypeObj *t, Obj **args, int nargs)
{
    ExcObj *e = (ExcObj *)alloc_unlimited(K_EXC, t, sizeof(ExcObj), 88);
    if (!e)
        return NULL;
    e->inst.attrs.role = ROLE_ATTRS;
    Obj *a = args_tuple(args, nargs);
    if (!a) {
        DECREF(e);
        return NULL;
    }
    e->args = AS_TUPLE(a);
    ref_move(a, OWN_TEMP, OWNER(OWN_EXC, e->inst.h.addr, 0, "args"));
    obj_gc_track(&e->inst.h);
    return &e->inst.h;
}

static Obj *base_exc_init(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (arg_no_kwargs(self->type->name, kw) < 0)
        return NULL;
    Obj *a = args_tuple(args, nargs);
    if (!a)
        return NULL;
    ExcObj *e = AS_EXC(self);
    Obj *old = &e->args->h;
    e->args = AS_TUPLE(a);
    ref_move(a, OWN_TEMP, OWNER(OWN_EXC, self->addr, 0, "args"));
    ref_dec(old, OWNER(OWN_EXC, self->addr, 0, "args"));
    return ref_new(Py_None);
}

#define EOWN(e, n) OWNER(OWN_EXC, (e)->inst.h.addr, 0, n)

void exc_traverse(Obj *o, VisitFn visit, void *arg)
{
    ExcObj *e = AS_EXC(o);
    instance_traverse(o, visit, arg);
    if (e->args)
        visit((Obj **)&e->args, EOWN(e, "args"), arg);
    if (e->traceback)
        visit(&e->traceback, EOWN(e, "__traceback__"), arg);
    if (e->context)
        visit(&e->context, EOWN(e, "__context__"), arg);
    if (e->cause)
        visit(&e->cause, EOWN(e, "__cause__"), arg);
}

static void drop(Obj **slot, Owner w)
{
    Obj *o = *slot;
    if (o) {
        *slot = NULL;
        ref_dec(o, w);
    }
}

void exc_clear(Obj *o)
{
    ExcObj *e = AS_EXC(o);
    instance_clear(o);
    drop((Obj **)&e->args, EOWN(e, "args"));
    drop(&e->traceback, EOWN(e, "__traceback__"));
    drop(&e->context, EOWN(e, "__context__"));
    drop(&e->cause, EOWN(e, "__cause__"));
}

void exc_finish(Obj *o) { instance_finish(o); }
size_t exc_size(Obj *o) { (void)o; return 88; }

Obj *exc_str(Obj *o)
{
    TupleObj *a = AS_EXC(o)->args;
    if (!a || a->len == 0)
        return ref_new(&empty_str->h);
    if (a->len == 1) {
        if (rt_isinstance(o, EXC(KeyError)))
            return obj_repr(a->items[0]);
        return obj_str(a->items[0]);
    }
    return obj_str(&a->h);
}

Obj *exc_repr(Obj *o)
{
    TupleObj *a = AS_EXC(o)->args;
    Obj *inner;
    if (!a || a->len == 0)
        return str_printf("%s()", o->type->name);
    if (a->len == 1) {
        inner = obj_repr(a->items[0]);
        if (!inner)
            return NULL;
        Obj *r = str_printf("%s(%s)", o->type->name, AS_STR(inner)->s);
        DECREF(inner);
        return r;
    }
    inner = obj_repr(&a->h);
    if (!inner)
        return NULL;
    Obj *r = str_printf("%s%s", o->type->name, AS_STR(inner)->s);
    DECREF(inner);
    return r;
}

static Obj **exc_field(ExcObj *e, const char *n)
{
    if (strcmp(n, "__traceback__") == 0)
        return &e->traceback;
    if (strcmp(n, "__context__") == 0)
        return &e->context;
    if (strcmp(n, "__cause__") == 0)
        return &e->cause;
    return NULL;
}

Obj *exc_getattr(Obj *o, StrObj *name)
{
    ExcObj *e = AS_EXC(o);
    const char *n = name->s;
    if (strcmp(n, "args") == 0)
        return ref_new(&e->args->h);
    if (strcmp(n, "value") == 0 && rt_isinstance(o, EXC(StopIteration)))
        return ref_new(e->args->len ? e->args->items[0] : Py_None);
    if (strcmp(n, "__suppress_context__") == 0)
        return bool_new(e->suppress_context);
    Obj **f = exc_field(e, n);
    if (f)
        return ref_new(*f ? *f : Py_None);
    return instance_getattr(o, name, true);
}

int exc_setattr(Obj *o, StrObj *name, Obj *value)
{
    ExcObj *e = AS_EXC(o);
    const char *n = name->s;
    Obj **f = exc_field(e, n);
    if (!f && strcmp(n, "args") != 0)
        return instance_setattr(o, name, value);
    if (!value)
        return rt_raise_int(EXC(TypeError), "%s may not be deleted", n);
    if (!f) {
        Obj *t = tuple_from_iter(value);
        if (!t)
            return -1;
        Obj *old = &e->args->h;
        e->args = AS_TUPLE(t);
        ref_move(t, OWN_TEMP, EOWN(e, "args"));
        ref_dec(old, EOWN(e, "args"));
        return 0;
    }
    Obj *nv = value == Py_None ? NULL : value;
    if (nv)
        ref_inc(nv, EOWN(e, n));
    Obj *old = *f;
    *f = nv;
    if (strcmp(n, "__cause__") == 0)
        e->suppress_context = true;
    if (old)
        ref_dec(old, EOWN(e, n));
    return 0;
}

/* ---------- tracebacks ---------- */
int exc_add_traceback(Obj *exc, Frame *f, int line)
{
    ExcObj *e = AS_EXC(exc);
    FrameObj *fo = vm_frame_object(f);
    if (!fo)
        return -1;
    TracebackObj *tb = (TracebackObj *)alloc_unlimited(K_TRACEBACK, &type_traceback,
                                                       sizeof(TracebackObj), 56);
    if (!tb)
        return -1;
    tb->frame = &fo->h;
    ref_inc(&fo->h, OWNER(OWN_EXC, tb->h.addr, 0, "tb_frame"));
    tb->lineno = line;
    tb->next = e->traceback;   /* moves the old head into tb_next */
    if (tb->next)
        ref_move(tb->next, EOWN(e, "__traceback__"), OWNER(OWN_EXC, tb->h.addr, 0, "tb_next"));
    e->traceback = &tb->h;
    ref_move(&tb->h, OWN_TEMP, EOWN(e, "__traceback__"));
    obj_gc_track(&tb->h);
    return 0;
}

void traceback_traverse(Obj *o, VisitFn visit, void *arg)
{
    TracebackObj *tb = (TracebackObj *)o;
    if (tb->next)
        visit(&tb->next, OWNER(OWN_EXC, o->addr, 0, "tb_next"), arg);
    if (tb->frame)
        visit(&tb->frame, OWNER(OWN_EXC, o->addr, 0, "tb_frame"), arg);
}

void traceback_clear(Obj *o)
{
    TracebackObj *tb = (TracebackObj *)o;
    drop(&tb->next, OWNER(OWN_EXC, o->addr, 0, "tb_next"));
    drop(&tb->frame, OWNER(OWN_EXC, o->addr, 0, "tb_frame"));
}

void traceback_finish(Obj *o) { (void)o; }
size_t traceback_size(Obj *o) { (void)o; return 56; }

/* ---------- the raised exception ---------- */
Obj *rt_raise_obj(Obj *exc)
{
    ExcObj *e = AS_EXC(exc);
    Obj *ctx = vm.handled;
    if (ctx && ctx != exc && !e->context) {
        /* CPython breaks a cycle in the context chain before linking */
        ExcObj *c = AS_EXC(ctx);
        while (c->context) {
            if (c->context == exc) {
                Obj *old = c->context;
                c->context = NULL;
                ref_dec(old, OWNER(OWN_EXC, c->inst.h.addr, 0, "__context__"));
                break;
            }
            c = AS_EXC(c->context);
        }
        e->context = ctx;
        ref_inc(ctx, EOWN(e, "__context__"));
    }
    if (ev_on)
        ev_obj(EV_RAISE, exc, 0);
    Obj *old = vm.exc;
    vm.exc = exc;
    ref_move(exc, OWN_TEMP, OWNER(OWN_EXC, 0, 0, "raised"));
    if (old)
        ref_dec(old, OWNER(OWN_EXC, 0, 0, "raised"));
    return NULL;
}

static Obj *raise_v(TypeObj *type, const char *fmt, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    Obj *msg = str_from_c(buf);
    if (!msg) {
        rt_clear_error();
        msg = ref_new(&empty_str->h);
    }
    Obj *exc = exc_new(type, &msg, 1);
    DECREF(msg);
    if (!exc)
        return NULL;
    return rt_raise_obj(exc);
}

Obj *rt_raise(TypeObj *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_v(type, fmt, ap);
    va_end(ap);
    return NULL;
}

int rt_raise_int(TypeObj *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_v(type, fmt, ap);
    va_end(ap);
    return -1;
}

Obj *rt_no_memory(void)
{
    Obj *exc = exc_new(EXC(MemoryError), NULL, 0);
    return exc ? rt_raise_obj(exc) : NULL;
}

bool rt_error_occurred(void) { return vm.exc != NULL; }

bool rt_error_matches(TypeObj *type) { return vm.exc && rt_isinstance(vm.exc, type); }

Obj *rt_fetch_error(void)
{
    Obj *e = vm.exc;
    vm.exc = NULL;
    if (e)
        ref_move(e, OWNER(OWN_EXC, 0, 0, "raised"), OWN_TEMP);
    return e;
}

void rt_clear_error(void)
{
    Obj *e = rt_fetch_error();
    XDECREF(e);
}

bool rt_is_subclass(TypeObj *t, TypeObj *base)
{
    for (; t; t = t->base)
        if (t == base)
            return true;
    return base == &type_object;
}

bool rt_isinstance(Obj *o, TypeObj *t) { return rt_is_subclass(o->type, t); }

/* ---------- printing ---------- */
static const char *src_file, *src_text;
static size_t src_len;

void exc_set_source(const char *file, const char *src, size_t len)
{
    src_file = file;
    src_text = src;
    src_len = len;
}

static void print_source_line(FILE *out, int line)
{
    if (!src_text || line < 1)
        return;
    const char *p = src_text, *end = src_text + src_len;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (e > p)
        fprintf(out, "    %.*s\n", (int)(e - p), p);
}

static void print_one(Obj *exc, FILE *out, int depth)
{
    ExcObj *e = AS_EXC(exc);
    if (depth < 32) {
        if (e->cause && IS(e->cause, K_EXC)) {
            print_one(e->cause, out, depth + 1);
            fputs("\nThe above exception was the direct cause of the following exception:\n\n", out);
        } else if (e->context && IS(e->context, K_EXC) && !e->suppress_context) {
            print_one(e->context, out, depth + 1);
            fputs("\nDuring handling of the above exception, another exception occurred:\n\n", out);
        }
    }
    if (e->traceback) {
        fputs("Traceback (most recent call last):\n", out);
        /* as CPython: after 3 identical entries, one line counts the rest */
        const char *last_file = NULL, *last_name = NULL;
        int last_line = -1, count = 0;
        for (Obj *t = e->traceback;; t = ((TracebackObj *)t)->next) {
            TracebackObj *tb = t ? (TracebackObj *)t : NULL;
            FrameObj *fo = tb ? (FrameObj *)tb->frame : NULL;
            const char *fname = fo && fo->code ? fo->code->filename : src_file;
            const char *name = fo && fo->code ? fo->code->name : "?";
            if (!tb || fname != last_file || name != last_name || tb->lineno != last_line) {
                if (count > 3)
                    fprintf(out, "  [Previous line repeated %d more time%s]\n", count - 3,
                            count - 3 > 1 ? "s" : "");
                last_file = fname;
                last_name = name;
                last_line = tb ? tb->lineno : -1;
                count = 0;
            }
            if (!tb)
                break;
            if (++count > 3)
                continue;
            fprintf(out, "  File \"%s\", line %d, in %s\n", fname ? fname : "?", tb->lineno, name);
            print_source_line(out, tb->lineno);
        }
    }
    Obj *s = obj_str(exc); /* a user __str__ counts, as in CPython */
    if (!s) {
        rt_clear_error();
        fprintf(out, "%s: <exception str() failed>\n", exc->type->name);
        return;
    }
    if (AS_STR(s)->len)
        fprintf(out, "%s: %s\n", exc->type->name, AS_STR(s)->s);
    else
        fprintf(out, "%s\n", exc->type->name);
    DECREF(s);
}

void exc_print(Obj *exc, FILE *out) { print_one(exc, out, 0); }
