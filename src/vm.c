/* vm: the interpreter loop. Each instruction moves references between the
 * value stack, names, containers and frames exactly where CPython 3.11
 * does, and says so through the event stream. */
#include <stdlib.h>
#include <string.h>

#include "heapcheck.h"
#include "heap.h"
#include "types.h"
#include "vm.h"
#include "vm_call.h"
#include "xmem.h"

Vm vm;

#define STACK_OWN(f, i) OWNER(OWN_STACK, (f)->serial, (i), NULL)
#define FRAME_OWN(f, n) OWNER(OWN_FRAME, 0, (f)->serial, n)

const char *vm_local_name(CodeObj *co, int i)
{
    if (i < co->nlocals)
        return co->varnames[i];
    i -= co->nlocals;
    if (i < co->ncells)
        return co->cellnames[i];
    i -= co->ncells;
    return i < co->nfree ? co->freenames[i] : "?";
}

#define LOCAL_OWN(f, i) OWNER(OWN_NAME, 0, (f)->serial, ev_on ? vm_local_name((f)->code, (i)) : NULL)

/* ---------- frames ---------- */
Frame *vm_frame_alloc(CodeObj *co, FuncObj *func, DictObj *globals)
{
    int nfast = co->nlocals + co->ncells + co->nfree;
    size_t size = sizeof(Frame) + sizeof(Obj *) * (size_t)(nfast + co->stacksize) +
                  sizeof(Block) * (size_t)co->maxblocks;
    /* frames take simulated memory too, so deep recursion meets the heap
     * limit (MemoryError), never the host's */
    if (!heap_reserve((int64_t)size)) {
        rt_no_memory();
        return NULL;
    }
    Frame *f = co->spare_frame;
    if (f) {
        co->spare_frame = NULL;
        memset(f, 0, size);
    } else {
        f = xcalloc(1, size);
    }
    f->size = size;
    f->fast = (Obj **)(f + 1);
    f->stack = f->fast + nfast;
    f->blocks = (Block *)(f->stack + co->stacksize);
    f->serial = ++vm.next_serial;
    f->code = co;
    ref_inc(&co->h, FRAME_OWN(f, "f_code"));
    f->func = func;
    f->globals = globals;
    f->line = co->firstline;
    return f;
}

static int nfast(Frame *f) { return f->code->nlocals + f->code->ncells + f->code->nfree; }

void vm_frame_traverse(Frame *f, VisitFn visit, void *arg)
{
    int n = nfast(f);
    for (int i = 0; i < n; i++)
        if (f->fast[i])
            visit(&f->fast[i], LOCAL_OWN(f, i), arg);
    for (int i = 0; i < f->sp; i++)
        if (f->stack[i])
            visit(&f->stack[i], STACK_OWN(f, i), arg);
    if (f->fobj) {
        Obj *fo = &f->fobj->h;
        visit(&fo, FRAME_OWN(f, "frame_obj"), arg);
    }
    if (f->locals) {
        Obj *l = &f->locals->h;
        visit(&l, FRAME_OWN(f, "f_locals"), arg);
    }
    if (f->func) {
        Obj *fn = &f->func->h;
        visit(&fn, FRAME_OWN(f, "f_func"), arg);
    }
    Obj *co = &f->code->h;
    visit(&co, FRAME_OWN(f, "f_code"), arg);
}

/* Clears a frame that stopped executing: its frame object, if something
 * else keeps it (a traceback), takes the locals, as CPython's
 * _PyFrame_Clear hands them to the frame object. */
void vm_frame_release(Frame *f)
{
    int n = nfast(f);
    if (f->fobj) {
        FrameObj *fo = f->fobj;
        f->fobj = NULL;
        fo->live = NULL;
        fo->lineno = f->line;
        if (fo->h.refcnt > 1) {
            fo->locals = xcalloc((size_t)n + 1, sizeof *fo->locals);
            fo->nlocals = n;
            for (int i = 0; i < n; i++) {
                fo->locals[i] = f->fast[i];
                if (f->fast[i])
                    ref_move(f->fast[i], LOCAL_OWN(f, i),
                             OWNER(OWN_NAME, fo->h.addr, i, vm_local_name(f->code, i)));
                f->fast[i] = NULL;
            }
            if (f->func) {
                fo->func = &f->func->h;
                ref_move(fo->func, FRAME_OWN(f, "f_func"), OWNER(OWN_FRAME, fo->h.addr, 0, "f_func"));
                f->func = NULL;
            }
        }
        ref_dec(&fo->h, FRAME_OWN(f, "frame_obj"));
    }
    for (int i = 0; i < n; i++) {
        Obj *o = f->fast[i];
        if (o) {
            f->fast[i] = NULL;
            ref_dec(o, LOCAL_OWN(f, i));
        }
    }
    while (f->sp > 0) {
        Obj *o = f->stack[--f->sp];
        if (o)
            ref_dec(o, STACK_OWN(f, f->sp));
    }
    if (f->locals)
        ref_dec(&f->locals->h, FRAME_OWN(f, "f_locals"));
    if (f->func)
        ref_dec(&f->func->h, FRAME_OWN(f, "f_func"));
    heap_reserve(-(int64_t)f->size);
    /* the host memory waits for the code's next call (freed with the code) */
    CodeObj *co = f->code;
    Owner w = FRAME_OWN(f, "f_code");
    if (!co->spare_frame) {
        co->spare_frame = f;
        f = NULL;
    }
    ref_dec(&co->h, w);
    free(f);
}

FrameObj *vm_frame_object(Frame *f)
{
    if (f->fobj)
        return f->fobj;
    FrameObj *fo = (FrameObj *)obj_alloc(K_FRAME, &type_frame, sizeof(FrameObj), 232);
    if (!fo)
        return NULL;
    fo->live = f;
    fo->code = f->code;
    ref_inc(&f->code->h, OWNER(OWN_FRAME, fo->h.addr, 0, "f_code"));
    fo->lineno = f->line;
    f->fobj = fo;
    ref_move(&fo->h, OWN_TEMP, FRAME_OWN(f, "frame_obj"));
    obj_gc_track(&fo->h);
    return fo;
}

/* ---------- recursion ---------- */
enum { C_DEPTH_LIMIT = 6000 };

bool vm_enter_c(const char *where)
{
    /* the Python recursion limit is checked as frames are pushed; this one
     * only keeps C recursion within the interpreter thread's stack */
    if (vm.c_depth >= C_DEPTH_LIMIT) {
        rt_raise(EXC(RecursionError), "maximum recursion depth exceeded%s", where);
        return false;
    }
    vm.c_depth++;
    return true;
}

void vm_leave_c(void) { vm.c_depth--; }

/* ---------- names ---------- */
static Obj *name_error(const char *name)
{
    return rt_raise(EXC(NameError), "name '%s' is not defined", name);
}

/* A borrowed reference, or NULL (NameError to raise). The cache entry
 * holds while both namespaces keep their keys where they were. */
static Obj *load_global(Frame *f, int arg)
{
    CodeObj *co = f->code;
    DictTable *g = &f->globals->t, *b = &vm.builtins->t;
    if (!co->gcache)
        co->gcache = xcalloc((size_t)co->nnames, sizeof *co->gcache);
    GlobalCache *c = &co->gcache[arg];
    if (c->globals != g || c->gversion != g->version || c->bversion != b->version) {
        c->globals = g;
        c->gversion = g->version;
        c->bversion = b->version;
        c->gix = table_index_str(g, co->name_objs[arg]);
        c->bix = c->gix < 0 ? table_index_str(b, co->name_objs[arg]) : -1;
    }
    if (c->gix >= 0)
        return g->entries[c->gix].value;
    return c->bix >= 0 ? b->entries[c->bix].value : NULL;
}

/* ---------- the loop ---------- */
static Obj *run(Frame *entry);

Obj *vm_run_module(CodeObj *code, DictObj *globals)
{
    Frame *f = vm_frame_alloc(code, NULL, globals);
    if (!f)
        return NULL;
    f->locals = globals;
    ref_inc(&globals->h, FRAME_OWN(f, "f_locals"));
    f->entry = true;
    return run(f);
}

static bool push_frame_checks(Frame *f)
{
    if (vm.depth >= vm.recursion_limit) {
        rt_raise(EXC(RecursionError), "maximum recursion depth exceeded");
        vm_frame_release(f);
        return false;
    }
    return true;
}

Obj *vm_call_function(FuncObj *func, Obj **args, int nargs, TupleObj *kwnames)
{
    Frame *f = vm_bind_call(func, args, nargs, kwnames, NULL);
    if (!f)
        return NULL;
    if (func->code->flags & CO_GENERATOR)
        return gen_new(f, func->name);
    if (!push_frame_checks(f))
        return NULL;
    if (!vm_enter_c(" while calling a Python object")) {
        vm_frame_release(f);
        return NULL;
    }
    f->entry = true;
    Obj *r = run(f);
    vm_leave_c();
    return r;
}

Obj *vm_resume_generator(GenObj *g, bool *done)
{
    *done = true;
    if (g->done || !g->frame)
        return NULL;
    if (g->running)
        return rt_raise(EXC(ValueError), "generator already executing");
    if (!vm_enter_c(""))
        return NULL;
    Frame *f = g->frame;
    f->entry = true;
    g->running = true;
    vm.yielded = false;
    Obj *r = run(f);
    g->running = false;
    vm_leave_c();
    if (vm.yielded) {
        vm.yielded = false;
        *done = false;
        return r;
    }
    /* returned or raised: the frame has been released by run() */
    g->frame = NULL;
    g->done = true;
    XDECREF(r);
    return NULL;
}

Obj *vm_super_noargs(void)
{
    Frame *f = vm.frame;
    if (!f || !f->func)
        return rt_raise(EXC(RuntimeError), "super(): no arguments");
    CodeObj *co = f->code;
    if (co->argcount == 0 && !(co->flags & CO_VARARGS))
        return rt_raise(EXC(RuntimeError), "super(): no arguments");
    Obj *self = f->fast[0];
    if (!self) {
        /* the first argument may live in a cell */
        for (int i = 0; i < co->ncells; i++)
            if (co->cell2arg[i] == 0)
                self = ((CellObj *)f->fast[co->nlocals + i])->ref;
    }
    if (!self)
        return rt_raise(EXC(RuntimeError), "super(): arg[0] deleted");
    for (int i = 0; i < co->nfree; i++)
        if (strcmp(co->freenames[i], "__class__") == 0) {
            CellObj *cell = (CellObj *)f->fast[co->nlocals + co->ncells + i];
            if (!cell->ref)
                return rt_raise(EXC(RuntimeError), "super(): empty __class__ cell");
            Obj *args[2] = {cell->ref, self};
            return super_new_call(&type_super, args, 2, NULL);
        }
    return rt_raise(EXC(RuntimeError), "super(): __class__ cell not found");
}

#define PUSH_NEW(v)                                                       \
    do {                                                                  \
        Obj *v_ = (v);                                                    \
        f->stack[f->sp] = v_;                                             \
        ref_move(v_, OWN_TEMP, STACK_OWN(f, f->sp));                      \
        f->sp++;                                                          \
    } while (0)
#define PUSH_REF(v)                                                       \
    do {                                                                  \
        Obj *v_ = (v);                                                    \
        f->stack[f->sp] = v_;                                             \
        ref_inc(v_, STACK_OWN(f, f->sp));                                 \
        f->sp++;                                                          \
    } while (0)
/* POP: the reference passes to a temporary the instruction will drop or give */
#define JUMP_TO(target) (ip = f->code->code + (target))
#define SAVE_IP() (f->ip = (int)(ip - f->code->code))
#define LOAD_IP() (ip = f->code->code + f->ip)
#define TOP() (f->stack[f->sp - 1])
#define PEEK(n) (f->stack[f->sp - (n)])

static inline __attribute__((always_inline)) Obj *pop_take(Frame *f)
{
    Obj *v = f->stack[--f->sp];
    if (v)
        ref_move(v, STACK_OWN(f, f->sp), OWN_TEMP);
    return v;
}

static inline __attribute__((always_inline)) void pop_drop(Frame *f)
{
    Obj *v = f->stack[--f->sp];
    if (v)
        ref_dec(v, STACK_OWN(f, f->sp));
}

/* Moves the reference on top of the stack into a new owner. */
static inline __attribute__((always_inline)) Obj *pop_to(Frame *f, Owner to)
{
    Obj *v = f->stack[--f->sp];
    ref_move(v, STACK_OWN(f, f->sp), to);
    return v;
}

/* The step limit ends the run: no handler may catch it. */
static Obj *step_limit(void)
{
    vm.step_limit_hit = true;
    return rt_raise(EXC(RuntimeError), "memviz step limit reached (--max-steps %lld)", (long long)vm.max_steps);
}

static bool store_fast(Frame *f, int i, Obj *v_owned_by_stack)
{
    Obj *old = f->fast[i];
    f->fast[i] = v_owned_by_stack;
    if (old)
        ref_dec(old, LOCAL_OWN(f, i));
    return true;
}

static Obj *unbound_local(Frame *f, int i)
{
    const char *n = vm_local_name(f->code, i);
    if (i >= f->code->nlocals + f->code->ncells)
        return rt_raise(EXC(NameError), "cannot access free variable '%s' where it is not associated with a value in enclosing scope", n);
    return rt_raise(EXC(UnboundLocalError), "cannot access local variable '%s' where it is not associated with a value", n);
}

static Obj *import_module(StrObj *name)
{
    Obj *m = table_get_str(&vm.modules->t, name);
    if (!m)
        return rt_raise(EXC(ModuleNotFoundError), "No module named '%s'", name->s);
    return ref_new(m);
}

/* How CPython names a callable in argument errors: "__main__.f()",
 * "print()", "list.append()". */
static void callable_str(Obj *c, char *buf, size_t size)
{
    if (IS(c, K_METHOD))
        c = ((MethodObj *)c)->func;
    if (IS(c, K_FUNC))
        snprintf(buf, size, "__main__.%s()", AS_FUNC(c)->qualname->s);
    else if (IS(c, K_TYPE))
        snprintf(buf, size, "%s%s()", AS_TYPE(c)->user ? "__main__." : "", AS_TYPE(c)->name);
    else if (IS(c, K_BUILTIN) && ((BuiltinObj *)c)->objclass)
        snprintf(buf, size, "%s.%s()", ((BuiltinObj *)c)->objclass->name, ((BuiltinObj *)c)->def->name);
    else if (IS(c, K_BUILTIN))
        snprintf(buf, size, "%s()", ((BuiltinObj *)c)->def->name);
    else
        snprintf(buf, size, "%s object", type_name(c));
}

/* f(*x) with x not iterable: CPython's wording names f. */
static void star_arg_error(Obj *callable, Obj *x)
{
    if (!rt_error_matches(EXC(TypeError)) || IS(x, K_INSTANCE))
        return;
    rt_clear_error();
    char name[200];
    callable_str(callable, name, sizeof name);
    rt_raise(EXC(TypeError), "%s argument after * must be an iterable, not %s", name, type_name(x));
}

static Obj *format_value(Obj *v, int flags, Obj *spec)
{
    Obj *conv = NULL;
    switch (flags & 3) {
    case FV_STR: conv = obj_str(v); break;
    case FV_REPR: conv = obj_repr(v); break;
    case FV_ASCII: conv = obj_repr(v); break;
    default: break;
    }
    if ((flags & 3) && !conv)
        return NULL;
    Obj *x = conv ? conv : v;
    Obj *r;
    if (!spec && IS(x, K_STR) && x->type == &type_str) {
        r = ref_new(x);
    } else {
        r = str_format_value(x, spec ? spec : &empty_str->h);
    }
    XDECREF(conv);
    return r;
}

static int unpack(Frame *f, Obj *seq, int before, int after, bool star)
{
    Obj *it = obj_iter(seq);
    if (!it) {
        if (rt_error_matches(EXC(TypeError))) {
            rt_clear_error();
            rt_raise(EXC(TypeError), "cannot unpack non-iterable %s object", type_name(seq));
        }
        return -1;
    }
    int total = before + after;
    Obj **items = xcalloc((size_t)total + 1, sizeof *items);
    Obj *rest = NULL;
    int got = 0;
    for (; got < before; got++) {
        items[got] = iter_next(it);
        if (!items[got]) {
            if (!rt_error_occurred()) {
                if (star)
                    rt_raise(EXC(ValueError), "not enough values to unpack (expected at least %d, got %d)", total, got);
                else
                    rt_raise(EXC(ValueError), "not enough values to unpack (expected %d, got %d)", before, got);
            }
            goto fail;
        }
    }
    if (!star) {
        Obj *extra = iter_next(it);
        if (extra) {
            DECREF(extra);
            rt_raise(EXC(ValueError), "too many values to unpack (expected %d)", before);
            goto fail;
        }
        if (rt_error_occurred())
            goto fail;
    } else {
        rest = list_from_iter(it);
        if (!rest)
            goto fail;
        int64_t n = (int64_t)AS_LIST(rest)->len;
        if (n < after) {
            rt_raise(EXC(ValueError), "not enough values to unpack (expected at least %d, got %d)", total,
                     before + (int)n);
            goto fail;
        }
        for (int k = 0; k < after; k++) {
            Obj *v = AS_LIST(rest)->items[n - after + k];
            items[before + k] = v;
            ref_move(v, OWNER(OWN_SLOT, rest->addr, n - after + k, NULL), OWN_TEMP);
        }
        AS_LIST(rest)->len = (size_t)(n - after);
    }
    DECREF(it);
    /* pushed so that the first target is on top */
    for (int k = total - 1; k >= before; k--)
        PUSH_NEW(items[k]);
    if (star)
        PUSH_NEW(rest);
    for (int k = before - 1; k >= 0; k--)
        PUSH_NEW(items[k]);
    free(items);
    return 0;
fail:
    for (int k = 0; k < total; k++)
        XDECREF(items[k]);
    XDECREF(rest);
    free(items);
    DECREF(it);
    return -1;
}

static Obj *build_class(Frame *f, int nbases)
{
    Obj *base = nbases ? f->stack[f->sp - 1] : NULL;
    Obj *name = f->stack[f->sp - 1 - nbases];
    Obj *body = f->stack[f->sp - 2 - nbases];
    if (base && !IS(base, K_TYPE))
        return rt_raise(EXC(TypeError), "memviz classes must derive from a class, not '%s'", type_name(base));
    if (base && !AS_TYPE(base)->user && base != &type_object.h && AS_TYPE(base)->inst_kind != K_EXC)
        return rt_raise(EXC(TypeError), "memviz cannot subclass the builtin type '%s'", AS_TYPE(base)->name);
    Obj *ns = dict_new();
    if (!ns)
        return NULL;
    FuncObj *bf = AS_FUNC(body);
    Frame *bodyf = vm_bind_call(bf, NULL, 0, NULL, NULL);
    if (!bodyf) {
        DECREF(ns);
        return NULL;
    }
    bodyf->locals = AS_DICT(ns);
    ref_inc(ns, FRAME_OWN(bodyf, "f_locals"));
    AS_DICT(ns)->t.role = ROLE_NAMES;
    if (!push_frame_checks(bodyf) || !vm_enter_c("")) {
        DECREF(ns);
        return NULL;
    }
    bodyf->entry = true;
    Obj *cell = run(bodyf);
    vm_leave_c();
    Obj *cls = NULL;
    if (cell)
        cls = class_new(AS_STR(name)->s, base ? AS_TYPE(base) : NULL, AS_DICT(ns));
    XDECREF(cell);
    DECREF(ns);
    return cls;
}

static bool exc_matches(Obj *exc, Obj *spec, bool *err)
{
    *err = false;
    if (IS(spec, K_TUPLE)) {
        for (size_t i = 0; i < AS_TUPLE(spec)->len; i++)
            if (exc_matches(exc, AS_TUPLE(spec)->items[i], err) || *err)
                return !*err;
        return false;
    }
    if (!IS(spec, K_TYPE) || AS_TYPE(spec)->inst_kind != K_EXC) {
        rt_raise(EXC(TypeError), "catching classes that do not inherit from BaseException is not allowed");
        *err = true;
        return false;
    }
    return rt_isinstance(exc, AS_TYPE(spec));
}

/* RAISE: makes an exception object from a class or instance. */
static Obj *make_exception(Obj *v)
{
    if (IS(v, K_TYPE) && AS_TYPE(v)->inst_kind == K_EXC)
        return obj_call0(v);
    if (IS(v, K_EXC))
        return ref_new(v);
    return rt_raise(EXC(TypeError), "exceptions must derive from BaseException");
}

static void line_event(Frame *f)
{
    ev_line = (uint32_t)f->line;
    if (ev_on)
        ev_frame(EV_LINE, f->serial, f->code->qualname);
    if (vm.check_refs && vm.c_depth == 0 && check_heap(stderr)) {
        fprintf(stderr, "memviz: refcount check failed at line %d\n", f->line);
        fflush(stderr);
        abort();
    }
}

/* Dispatch: with GCC and Clang the loop jumps straight to the handler
 * through a table of label addresses (no bounds check on the opcode, which
 * the compiler made); other compilers use the switch. */
#ifdef __GNUC__
#define TARGET(op) case op: L_##op:
#else
#define TARGET(op) case op:
#endif

static Obj *run(Frame *entry)
{
#ifdef __GNUC__
    static const void *const targets[OPC_COUNT] = {
#define OPC_TARGET(n) [OPC_##n] = &&L_OPC_##n,
        OPCODES(OPC_TARGET)
#undef OPC_TARGET
    };
#endif
    Frame *f = entry;
    f->back = vm.frame;
    vm.frame = f;
    vm.depth++;
    ev_frame(EV_CALL, f->serial, f->code->qualname);
    line_event(f);
    TupleObj *kwnames = NULL;
    bool reraise = false;
    Obj *res = NULL;
    /* f->ip is only written when f stops running (a call, a yield) */
    const Instr *ip = f->code->code + f->ip;

    for (;;) {
        if (--vm.steps_left < 0) {
            step_limit();
            goto unwind_all;
        }
        const Instr *in = ip++;
        if (in->line != f->line) {
            f->line = in->line;
            line_event(f);
        }
        int arg = in->arg;
#ifdef __GNUC__
        goto *targets[in->op];
#endif
        switch (in->op) {
        TARGET(OPC_NOP)
            break;
        TARGET(OPC_POP_TOP)
            pop_drop(f);
            break;
        TARGET(OPC_COPY)
            PUSH_REF(PEEK(arg));
            break;
        TARGET(OPC_SWAP) {
            Obj *t = TOP();
            f->stack[f->sp - 1] = PEEK(arg);
            f->stack[f->sp - arg] = t;
            break;
        }
        TARGET(OPC_PUSH_NULL)
            f->stack[f->sp++] = NULL;
            break;
        TARGET(OPC_LOAD_CONST)
            PUSH_REF(f->code->consts[arg]);
            break;
        TARGET(OPC_LOAD_NAME) {
            StrObj *name = f->code->name_objs[arg];
            if (f->locals == f->globals) /* module level: the order of LOAD_GLOBAL */
                goto load_global;
            Obj *v = table_get_str(&f->locals->t, name);
            if (!v && !rt_error_occurred())
                v = table_get_str(&f->globals->t, name);
            if (!v && !rt_error_occurred())
                v = table_get_str(&vm.builtins->t, name);
            if (!v) {
                if (!rt_error_occurred())
                    name_error(name->s);
                goto error;
            }
            PUSH_REF(v);
            break;
        }
        TARGET(OPC_STORE_NAME)
        TARGET(OPC_STORE_GLOBAL) {
            StrObj *name = f->code->name_objs[arg];
            DictObj *ns = in->op == OPC_STORE_NAME ? f->locals : f->globals;
            Obj *v = pop_take(f);
            int r = table_set(&ns->t, ns->h.addr, &name->h, str_hash(name), v);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        TARGET(OPC_DELETE_NAME)
        TARGET(OPC_DELETE_GLOBAL) {
            StrObj *name = f->code->name_objs[arg];
            DictObj *ns = in->op == OPC_DELETE_NAME ? f->locals : f->globals;
            int r = table_del(&ns->t, ns->h.addr, &name->h, str_hash(name));
            if (r == 1)
                name_error(name->s);
            if (r != 0)
                goto error;
            break;
        }
        TARGET(OPC_LOAD_GLOBAL) {
        load_global:;
            Obj *v = load_global(f, arg);
            if (!v) {
                name_error(f->code->name_objs[arg]->s);
                goto error;
            }
            PUSH_REF(v);
            break;
        }
        TARGET(OPC_LOAD_FAST) {
            Obj *v = f->fast[arg];
            if (!v) {
                unbound_local(f, arg);
                goto error;
            }
            PUSH_REF(v);
            break;
        }
        TARGET(OPC_STORE_FAST)
            store_fast(f, arg, pop_to(f, LOCAL_OWN(f, arg)));
            break;
        TARGET(OPC_DELETE_FAST) {
            Obj *old = f->fast[arg];
            if (!old) {
                unbound_local(f, arg);
                goto error;
            }
            f->fast[arg] = NULL;
            ref_dec(old, LOCAL_OWN(f, arg));
            break;
        }
        TARGET(OPC_LOAD_DEREF)
        TARGET(OPC_LOAD_CLASSDEREF) {
            int idx = in->op == OPC_LOAD_CLASSDEREF ? (arg & 0xffff) : arg;
            if (in->op == OPC_LOAD_CLASSDEREF) {
                StrObj *name = f->code->name_objs[arg >> 16];
                Obj *v = table_get_str(&f->locals->t, name);
                if (v) {
                    PUSH_REF(v);
                    break;
                }
            }
            CellObj *cell = (CellObj *)f->fast[idx];
            if (!cell->ref) {
                unbound_local(f, idx);
                goto error;
            }
            PUSH_REF(cell->ref);
            break;
        }
        TARGET(OPC_STORE_DEREF) {
            CellObj *cell = (CellObj *)f->fast[arg];
            Obj *v = pop_to(f, OWNER(OWN_CELL, cell->h.addr, 0, NULL));
            Obj *old = cell->ref;
            cell->ref = v;
            if (old)
                ref_dec(old, OWNER(OWN_CELL, cell->h.addr, 0, NULL));
            break;
        }
        TARGET(OPC_DELETE_DEREF) {
            CellObj *cell = (CellObj *)f->fast[arg];
            Obj *old = cell->ref;
            if (!old) {
                unbound_local(f, arg);
                goto error;
            }
            cell->ref = NULL;
            ref_dec(old, OWNER(OWN_CELL, cell->h.addr, 0, NULL));
            break;
        }
        TARGET(OPC_LOAD_CLOSURE)
            PUSH_REF(f->fast[arg]);
            break;
        TARGET(OPC_LOAD_ATTR) {
            Obj *o = TOP();
            Obj *v = obj_getattr(o, f->code->name_objs[arg]);
            if (!v)
                goto error;
            pop_drop(f);
            PUSH_NEW(v);
            break;
        }
        TARGET(OPC_LOAD_METHOD) {
            Obj *o = TOP();
            StrObj *name = f->code->name_objs[arg];
            /* a plain function or method descriptor found on the class: no bound object */
            Obj *m = NULL;
            bool has_attr = false;
            if ((IS(o, K_INSTANCE) || IS(o, K_EXC)) && !(AS_INST(o)->dict)) {
                has_attr = table_get_str(&AS_INST(o)->attrs, name) != NULL;
            } else if (IS(o, K_INSTANCE) || IS(o, K_EXC)) {
                has_attr = table_get_str(&AS_INST(o)->dict->t, name) != NULL;
            }
            if (!has_attr && !IS(o, K_TYPE) && !IS(o, K_MODULE) && !IS(o, K_SUPER)) {
                m = type_lookup(o->type, name);
                if (m && !(IS(m, K_FUNC) || (IS(m, K_BUILTIN) && ((BuiltinObj *)m)->is_descr)))
                    m = NULL;
            }
            if (m) {
                /* [meth, self]: the object stays as the first argument */
                Obj *self = pop_take(f);
                PUSH_REF(m);
                PUSH_NEW(self);
            } else {
                Obj *v = obj_getattr(o, name);
                if (!v)
                    goto error;
                pop_drop(f);
                f->stack[f->sp++] = NULL;
                PUSH_NEW(v);
            }
            break;
        }
        TARGET(OPC_STORE_ATTR) {
            Obj *o = TOP(), *v = PEEK(2);
            if (obj_setattr(o, f->code->name_objs[arg], v) < 0)
                goto error;
            pop_drop(f);
            pop_drop(f);
            break;
        }
        TARGET(OPC_DELETE_ATTR) {
            if (obj_setattr(TOP(), f->code->name_objs[arg], NULL) < 0)
                goto error;
            pop_drop(f);
            break;
        }
        TARGET(OPC_KW_NAMES)
            kwnames = AS_TUPLE(f->code->consts[arg]);
            break;
        TARGET(OPC_CALL) {
            int n = arg;
            bool meth = PEEK(n + 2) != NULL;
            Obj *callable = meth ? PEEK(n + 2) : PEEK(n + 1);
            Obj **args = &f->stack[f->sp - n - (meth ? 1 : 0)];
            TupleObj *kw = kwnames;
            kwnames = NULL;
            int nkw = kw ? (int)kw->len : 0;
            int nargs = n - nkw + (meth ? 1 : 0); /* positional; keyword values follow */
            if (IS(callable, K_METHOD) && !meth) {
                /* unpack a bound method in place, as CPython's CALL does */
                MethodObj *bm = (MethodObj *)callable;
                Obj *self = bm->self, *fn = bm->func;
                ref_inc(fn, STACK_OWN(f, f->sp - n - 2));
                ref_inc(self, STACK_OWN(f, f->sp - n - 1));
                f->stack[f->sp - n - 2] = fn;
                f->stack[f->sp - n - 1] = self;
                ref_dec(callable, STACK_OWN(f, f->sp - n - 1));
                callable = fn;
                meth = true;
                args = &f->stack[f->sp - n - 1];
                nargs = n - nkw + 1;
            }
            if (IS(callable, K_FUNC) && !(AS_FUNC(callable)->code->flags & CO_GENERATOR)) {
                /* Python to Python: the callee's frame takes the stack's references */
                int base = f->sp - n - 2, cslot = meth ? base : base + 1;
                Frame *nf = vm_bind_call(AS_FUNC(callable), args, nargs, kw, f);
                if (nf) {
                    ref_move(callable, STACK_OWN(f, cslot), FRAME_OWN(nf, "f_func"));
                    nf->func = AS_FUNC(callable);
                    f->stack[cslot] = NULL;
                }
                for (int i = f->sp - 1; i >= base; i--) {
                    Obj *o = f->stack[i];
                    f->stack[i] = NULL;
                    if (o)
                        ref_dec(o, STACK_OWN(f, i));
                }
                f->sp = base;
                (void)nkw;
                if (!nf || !push_frame_checks(nf))
                    goto error;
                nf->back = f;
                SAVE_IP();
                f = nf;
                LOAD_IP();
                vm.frame = f;
                vm.depth++;
                ev_frame(EV_CALL, f->serial, f->code->qualname);
                line_event(f);
                break;
            }
            Obj *r = obj_call(callable, args, nargs, kw);
            for (int i = 0; i < n + 2; i++)
                pop_drop(f);
            if (!r)
                goto error;
            PUSH_NEW(r);
            break;
        }
        TARGET(OPC_CALL_EX) {
            Obj *kwargs = arg & 1 ? pop_take(f) : NULL;
            Obj *pos = pop_take(f);
            Obj *callable = TOP();
            if (IS(pos, K_LIST)) { /* made a tuple, and the list dropped, before the call */
                Obj *t = tuple_from_iter(pos);
                DECREF(pos);
                if (!t) {
                    XDECREF(kwargs);
                    goto error;
                }
                pos = t;
            }
            Obj *r = vm_call_ex(callable, pos, kwargs);
            if (!r && !IS(pos, K_TUPLE) && !IS(pos, K_LIST))
                star_arg_error(callable, pos);
            DECREF(pos);
            XDECREF(kwargs);
            pop_drop(f);
            pop_drop(f);
            if (!r)
                goto error;
            PUSH_NEW(r);
            break;
        }
        TARGET(OPC_BINARY_OP) {
            Obj *b = TOP(), *a = PEEK(2);
            Obj *r = NULL;
            if (INT_IS_SMALL(a) && INT_IS_SMALL(b)) {
                /* int op int without overflow: no dispatch through the protocol */
                int64_t x = AS_INT(a), y = AS_INT(b), z = 0;
                bool ok;
                switch (arg & 0xff) {
                case OP_ADD: ok = !__builtin_add_overflow(x, y, &z); break;
                case OP_SUB: ok = !__builtin_sub_overflow(x, y, &z); break;
                case OP_MUL: ok = !__builtin_mul_overflow(x, y, &z); break;
                case OP_MOD:
                    ok = y > 0;
                    if (ok && (z = x % y) < 0)
                        z += y;
                    break;
                case OP_FLOORDIV:
                    ok = y > 0;
                    if (ok) {
                        z = x / y;
                        if (x % y != 0 && x < 0)
                            z--;
                    }
                    break;
                default: ok = false; break;
                }
                if (ok && !(r = int_new(z)))
                    goto error;
            }
            if (!r && !(r = obj_binop(a, b, arg & 0xff, arg & 0x100)))
                goto error;
            pop_drop(f);
            pop_drop(f);
            PUSH_NEW(r);
            break;
        }
        TARGET(OPC_UNARY_OP) {
            Obj *r = obj_unary(TOP(), arg);
            if (!r)
                goto error;
            pop_drop(f);
            PUSH_NEW(r);
            break;
        }
        TARGET(OPC_COMPARE_OP) {
            Obj *r;
            if (INT_IS_SMALL(PEEK(2)) && INT_IS_SMALL(TOP())) {
                int64_t x = AS_INT(PEEK(2)), y = AS_INT(TOP());
                bool v = arg == CMP_LT ? x < y : arg == CMP_LE ? x <= y : arg == CMP_EQ ? x == y
                       : arg == CMP_NE ? x != y : arg == CMP_GT ? x > y : x >= y;
                pop_drop(f);
                pop_drop(f);
                PUSH_REF(v ? Py_True : Py_False);
                break;
            }
            r = obj_compare(PEEK(2), TOP(), arg);
            if (!r)
                goto error;
            pop_drop(f);
            pop_drop(f);
            PUSH_NEW(r);
            break;
        }
        TARGET(OPC_IS_OP) {
            bool same = PEEK(2) == TOP();
            pop_drop(f);
            pop_drop(f);
            PUSH_REF(same != (arg == 1) ? Py_True : Py_False);
            break;
        }
        TARGET(OPC_CONTAINS_OP) {
            int r = obj_contains(TOP(), PEEK(2));
            if (r < 0)
                goto error;
            pop_drop(f);
            pop_drop(f);
            PUSH_REF((r == 1) != (arg == 1) ? Py_True : Py_False);
            break;
        }
        TARGET(OPC_BINARY_SUBSCR) {
            Obj *r = obj_getitem(PEEK(2), TOP());
            if (!r)
                goto error;
            pop_drop(f);
            pop_drop(f);
            PUSH_NEW(r);
            break;
        }
        TARGET(OPC_STORE_SUBSCR) {
            /* stack: value, container, key */
            if (obj_setitem(PEEK(2), TOP(), PEEK(3)) < 0)
                goto error;
            pop_drop(f);
            pop_drop(f);
            pop_drop(f);
            break;
        }
        TARGET(OPC_DELETE_SUBSCR) {
            if (obj_setitem(PEEK(2), TOP(), NULL) < 0)
                goto error;
            pop_drop(f);
            pop_drop(f);
            break;
        }
        TARGET(OPC_BUILD_SLICE) {
            Obj *step = arg == 3 ? TOP() : Py_None;
            Obj *stop = PEEK(arg == 3 ? 2 : 1), *start = PEEK(arg == 3 ? 3 : 2);
            Obj *s = slice_new(start, stop, step);
            if (!s)
                goto error;
            for (int i = 0; i < arg; i++)
                pop_drop(f);
            PUSH_NEW(s);
            break;
        }
        TARGET(OPC_BUILD_LIST)
        TARGET(OPC_BUILD_TUPLE) {
            Obj *c = in->op == OPC_BUILD_LIST ? list_new((size_t)arg) : tuple_new((size_t)arg);
            if (!c)
                goto error;
            Obj **items = in->op == OPC_BUILD_LIST ? AS_LIST(c)->items : AS_TUPLE(c)->items;
            for (int i = arg - 1; i >= 0; i--)
                items[i] = pop_to(f, OWNER(OWN_SLOT, c->addr, i, NULL));
            PUSH_NEW(c);
            break;
        }
        TARGET(OPC_BUILD_SET) {
            Obj *s = set_new(false);
            if (!s)
                goto error;
            int r = 0;
            for (int i = arg; i >= 1 && r == 0; i--)
                r = set_add(s, PEEK(i));
            for (int i = 0; i < arg; i++)
                pop_drop(f);
            if (r < 0) {
                DECREF(s);
                goto error;
            }
            PUSH_NEW(s);
            break;
        }
        TARGET(OPC_BUILD_MAP) {
            bool all_str = true;
            for (int i = arg; i >= 1; i--)
                all_str = all_str && IS(PEEK(2 * i), K_STR);
            Obj *d = dict_new_presized((size_t)arg, all_str);
            if (!d)
                goto error;
            int r = 0;
            for (int i = arg; i >= 1 && r == 0; i--)
                r = dict_set(d, PEEK(2 * i), PEEK(2 * i - 1));
            for (int i = 0; i < 2 * arg; i++)
                pop_drop(f);
            if (r < 0) {
                DECREF(d);
                goto error;
            }
            PUSH_NEW(d);
            break;
        }
        TARGET(OPC_BUILD_CONST_KEY_MAP) {
            TupleObj *keys = AS_TUPLE(TOP());
            bool all_str = true;
            for (int i = 0; i < arg; i++)
                all_str = all_str && IS(keys->items[i], K_STR);
            Obj *d = dict_new_presized((size_t)arg, all_str);
            if (!d)
                goto error;
            int r = 0;
            for (int i = 0; i < arg && r == 0; i++)
                r = dict_set(d, keys->items[i], PEEK(arg + 1 - i));
            for (int i = 0; i < arg + 1; i++)
                pop_drop(f);
            if (r < 0) {
                DECREF(d);
                goto error;
            }
            PUSH_NEW(d);
            break;
        }
        TARGET(OPC_BUILD_STRING) {
            Obj *sep = &empty_str->h;
            Obj *t = tuple_new((size_t)arg);
            if (!t)
                goto error;
            for (int i = arg - 1; i >= 0; i--)
                AS_TUPLE(t)->items[i] = pop_to(f, OWNER(OWN_SLOT, t->addr, i, NULL));
            Obj *s = str_join(sep, t);
            DECREF(t);
            if (!s)
                goto error;
            PUSH_NEW(s);
            break;
        }
        TARGET(OPC_LIST_APPEND) {
            Obj *v = TOP();
            if (list_append(PEEK(arg + 1), v) < 0)
                goto error;
            pop_drop(f);
            break;
        }
        TARGET(OPC_SET_ADD) {
            if (set_add(PEEK(arg + 1), TOP()) < 0)
                goto error;
            pop_drop(f);
            break;
        }
        TARGET(OPC_MAP_ADD) {
            if (dict_set(PEEK(arg + 2), PEEK(2), TOP()) < 0)
                goto error;
            pop_drop(f);
            pop_drop(f);
            break;
        }
        TARGET(OPC_LIST_EXTEND) {
            if (list_extend(PEEK(arg + 1), TOP()) < 0) {
                Obj *x = TOP();
                if (rt_error_matches(EXC(TypeError)) && !IS(x, K_INSTANCE)) {
                    rt_clear_error();
                    rt_raise(EXC(TypeError), "Value after * must be an iterable, not %s", type_name(x));
                }
                goto error;
            }
            pop_drop(f);
            break;
        }
        TARGET(OPC_SET_UPDATE) {
            if (IS(TOP(), K_SET)) { /* merges tables, as CPython's set_update does */
                Obj *r = set_binop(PEEK(arg + 1), TOP(), OP_OR_BITS, true);
                if (!r)
                    goto error;
                DECREF(r);
                pop_drop(f);
                break;
            }
            Obj *it = obj_iter(TOP());
            if (!it)
                goto error;
            Obj *x;
            int r = 0;
            while (r == 0 && (x = iter_next(it))) {
                r = set_add(PEEK(arg + 1), x);
                DECREF(x);
            }
            DECREF(it);
            if (r < 0 || rt_error_occurred())
                goto error;
            pop_drop(f);
            break;
        }
        TARGET(OPC_DICT_UPDATE)
        TARGET(OPC_DICT_MERGE) {
            Obj *src = TOP();
            char fname[200];
            if (in->op == OPC_DICT_MERGE)
                callable_str(PEEK(arg + 3), fname, sizeof fname);
            if (!IS(src, K_DICT)) {
                if (in->op == OPC_DICT_MERGE)
                    rt_raise(EXC(TypeError), "%s argument after ** must be a mapping, not %s", fname,
                             type_name(src));
                else
                    rt_raise(EXC(TypeError), "'%s' object is not a mapping", type_name(src));
                goto error;
            }
            if (in->op == OPC_DICT_MERGE) {
                size_t pos = 0;
                Obj *k, *v;
                while (table_next(&AS_DICT(src)->t, &pos, &k, &v))
                    if (dict_get(PEEK(arg + 1), k)) {
                        Obj *kr = obj_repr(k);
                        rt_raise(EXC(TypeError), "%s got multiple values for keyword argument %s",
                                 fname, kr ? AS_STR(kr)->s : "?");
                        XDECREF(kr);
                        goto error;
                    }
            }
            if (dict_update_from(PEEK(arg + 1), src) < 0)
                goto error;
            pop_drop(f);
            break;
        }
        TARGET(OPC_LIST_TO_TUPLE) {
            Obj *t = tuple_from_iter(TOP());
            if (!t)
                goto error;
            pop_drop(f);
            PUSH_NEW(t);
            break;
        }
        TARGET(OPC_FORMAT_VALUE) {
            Obj *spec = arg & FV_HAS_SPEC ? TOP() : NULL;
            Obj *v = PEEK(spec ? 2 : 1);
            Obj *r = format_value(v, arg, spec);
            if (!r)
                goto error;
            if (spec)
                pop_drop(f);
            pop_drop(f);
            PUSH_NEW(r);
            break;
        }
        TARGET(OPC_JUMP)
            JUMP_TO(arg);
            break;
        TARGET(OPC_POP_JUMP_IF_FALSE)
        TARGET(OPC_POP_JUMP_IF_TRUE) {
            Obj *v = TOP();
            int t = v == Py_True ? 1 : v == Py_False ? 0 : obj_truth(v);
            if (t < 0)
                goto error;
            pop_drop(f);
            if (t == (in->op == OPC_POP_JUMP_IF_TRUE))
                JUMP_TO(arg);
            break;
        }
        TARGET(OPC_JUMP_IF_FALSE_OR_POP)
        TARGET(OPC_JUMP_IF_TRUE_OR_POP) {
            int t = obj_truth(TOP());
            if (t < 0)
                goto error;
            if (t == (in->op == OPC_JUMP_IF_TRUE_OR_POP))
                JUMP_TO(arg);
            else
                pop_drop(f);
            break;
        }
        TARGET(OPC_GET_ITER) {
            Obj *it = obj_iter(TOP());
            if (!it)
                goto error;
            pop_drop(f);
            PUSH_NEW(it);
            break;
        }
        TARGET(OPC_FOR_ITER) {
            Obj *v = iter_next(TOP());
            if (v) {
                PUSH_NEW(v);
                break;
            }
            if (rt_error_occurred()) {
                if (!rt_error_matches(EXC(StopIteration)))
                    goto error;
                rt_clear_error();
            }
            pop_drop(f);
            JUMP_TO(arg);
            break;
        }
        TARGET(OPC_RETURN_VALUE) {
            res = pop_take(f);
            ev_frame(EV_RETURN, f->serial, f->code->qualname);
            Frame *back = f->back;
            bool was_entry = f->entry;
            vm.depth--;
            vm.frame = back;
            vm_frame_release(f);
            if (was_entry)
                return res;
            f = back;
            LOAD_IP();
            PUSH_NEW(res);
            res = NULL;
            line_event(f);
            break;
        }
        TARGET(OPC_YIELD_VALUE) {
            /* only generator frames yield, and they are always entry frames */
            res = pop_take(f);
            PUSH_REF(Py_None); /* the value sent back in */
            SAVE_IP();
            vm.depth--;
            vm.frame = f->back;
            vm.yielded = true;
            ev_frame(EV_RETURN, f->serial, f->code->qualname);
            return res;
        }
        TARGET(OPC_MAKE_FUNCTION) {
            CodeObj *co = (CodeObj *)TOP();
            Obj *fn = func_new(co, f->globals, str_intern(co->qualname));
            if (!fn)
                goto error;
            pop_drop(f);
            FuncObj *fo = AS_FUNC(fn);
            if (arg & MF_CLOSURE)
                fo->closure = AS_TUPLE(pop_to(f, OWNER(OWN_FUNC, fn->addr, 0, "__closure__")));
            if (arg & MF_KWDEFAULTS)
                fo->kwdefaults = AS_DICT(pop_to(f, OWNER(OWN_FUNC, fn->addr, 0, "__kwdefaults__")));
            if (arg & MF_DEFAULTS)
                fo->defaults = AS_TUPLE(pop_to(f, OWNER(OWN_FUNC, fn->addr, 0, "__defaults__")));
            PUSH_NEW(fn);
            break;
        }
        TARGET(OPC_BUILD_CLASS) {
            Obj *cls = build_class(f, arg);
            if (!cls)
                goto error;
            for (int i = 0; i < arg + 2; i++)
                pop_drop(f);
            PUSH_NEW(cls);
            break;
        }
        TARGET(OPC_UNPACK_SEQUENCE)
        TARGET(OPC_UNPACK_EX) {
            Obj *seq = pop_take(f);
            int r;
            if (in->op == OPC_UNPACK_SEQUENCE && IS(seq, K_TUPLE) && AS_TUPLE(seq)->len == (size_t)arg) {
                for (int i = arg - 1; i >= 0; i--)
                    PUSH_REF(AS_TUPLE(seq)->items[i]);
                r = 0;
            } else if (in->op == OPC_UNPACK_SEQUENCE) {
                r = unpack(f, seq, arg, 0, false);
            } else {
                r = unpack(f, seq, arg & 0xff, arg >> 8, true);
            }
            DECREF(seq);
            if (r < 0)
                goto error;
            break;
        }
        TARGET(OPC_RAISE) {
            if (arg == 0) {
                if (!vm.handled) {
                    rt_raise(EXC(RuntimeError), "No active exception to reraise");
                    goto error;
                }
                rt_raise_obj(ref_new(vm.handled));
                reraise = true;
                goto error;
            }
            Obj *cause = arg == 2 ? pop_take(f) : NULL;
            Obj *v = pop_take(f);
            Obj *exc = make_exception(v);
            DECREF(v);
            if (exc && cause) {
                Obj *c = cause == Py_None ? NULL : make_exception(cause);
                if (cause != Py_None && !c) {
                    DECREF(exc);
                    exc = NULL;
                } else {
                    ExcObj *e = AS_EXC(exc);
                    Obj *old = e->cause;
                    e->cause = c;
                    if (c)
                        ref_move(c, OWN_TEMP, OWNER(OWN_EXC, exc->addr, 0, "__cause__"));
                    e->suppress_context = true;
                    XDECREF(old);
                }
            }
            XDECREF(cause);
            if (exc)
                rt_raise_obj(exc);
            goto error;
        }
        TARGET(OPC_SETUP_EXCEPT)
        TARGET(OPC_SETUP_CLEANUP) {
            Block *b = &f->blocks[f->nblocks++];
            b->kind = (uint8_t)in->op;
            b->handler = arg;
            b->level = in->op == OPC_SETUP_CLEANUP ? f->sp - 1 : f->sp;
            break;
        }
        TARGET(OPC_POP_BLOCK)
            f->nblocks--;
            break;
        TARGET(OPC_PUSH_EXC_INFO) {
            Obj *exc = pop_take(f);
            Obj *prev = vm.handled;
            vm.handled = NULL;
            if (prev)
                f->stack[f->sp++] = prev, ref_move(prev, OWNER(OWN_EXC, 0, 0, "handled"), STACK_OWN(f, f->sp - 1));
            else
                PUSH_REF(Py_None);
            vm.handled = exc;
            ref_inc(exc, OWNER(OWN_EXC, 0, 0, "handled"));
            PUSH_NEW(exc);
            break;
        }
        TARGET(OPC_POP_EXCEPT) {
            Obj *prev = pop_take(f);
            Obj *cur = vm.handled;
            if (prev == Py_None) {
                vm.handled = NULL;
                DECREF(prev);
            } else {
                vm.handled = prev;
                ref_move(prev, OWN_TEMP, OWNER(OWN_EXC, 0, 0, "handled"));
            }
            if (cur)
                ref_dec(cur, OWNER(OWN_EXC, 0, 0, "handled"));
            break;
        }
        TARGET(OPC_CHECK_EXC_MATCH) {
            bool err;
            bool m = exc_matches(PEEK(2), TOP(), &err);
            if (err)
                goto error;
            pop_drop(f);
            PUSH_REF(m ? Py_True : Py_False);
            break;
        }
        TARGET(OPC_RERAISE) {
            Obj *exc = pop_take(f);
            rt_raise_obj(exc);
            reraise = true;
            goto error;
        }
        TARGET(OPC_POP_EXCEPT_AND_RERAISE) {
            Obj *exc = pop_take(f);
            Obj *prev = pop_take(f);
            Obj *cur = vm.handled;
            vm.handled = prev == Py_None ? NULL : prev;
            if (prev == Py_None)
                DECREF(prev);
            else
                ref_move(prev, OWN_TEMP, OWNER(OWN_EXC, 0, 0, "handled"));
            if (cur)
                ref_dec(cur, OWNER(OWN_EXC, 0, 0, "handled"));
            rt_raise_obj(exc);
            reraise = true;
            goto error;
        }
        TARGET(OPC_IMPORT_NAME) {
            Obj *m = import_module(f->code->name_objs[arg]);
            if (!m)
                goto error;
            PUSH_NEW(m);
            break;
        }
        TARGET(OPC_IMPORT_FROM) {
            Obj *m = TOP();
            StrObj *name = f->code->name_objs[arg];
            Obj *v = obj_getattr(m, name);
            if (!v) {
                rt_clear_error();
                rt_raise(EXC(ImportError), "cannot import name '%s' from '%s' (unknown location)", name->s,
                         IS(m, K_MODULE) ? ((ModuleObj *)m)->name : "?");
                goto error;
            }
            PUSH_NEW(v);
            break;
        }
        TARGET(OPC_LOAD_ASSERTION_ERROR)
            PUSH_REF(&EXC(AssertionError)->h);
            break;
        default:
            rt_raise(EXC(RuntimeError), "memviz: unknown opcode %d", in->op);
            goto error;
        }
        continue;

    error:
        kwnames = NULL;
        if (vm.step_limit_hit)
            goto unwind_all;
        for (;;) {
            if (!reraise && vm.exc)
                exc_add_traceback(vm.exc, f, f->line);
            reraise = false;
            /* a handler in this frame? */
            if (f->nblocks > 0) {
                Block *b = &f->blocks[--f->nblocks];
                while (f->sp > b->level)
                    pop_drop(f);
                Obj *exc = rt_fetch_error();
                PUSH_NEW(exc);
                JUMP_TO(b->handler);
                break;
            }
            /* no: the frame ends and the exception goes to its caller */
            ev_frame(EV_RETURN, f->serial, f->code->qualname);
            Frame *back = f->back;
            bool was_entry = f->entry;
            vm.depth--;
            vm.frame = back;
            vm_frame_release(f);
            if (was_entry)
                return NULL;
            f = back;
            ev_line = (uint32_t)f->line;
        }
        continue;

    unwind_all:
        /* the step limit: every frame of this loop ends, no handler runs */
        for (;;) {
            Frame *back = f->back;
            bool was_entry = f->entry;
            vm.depth--;
            vm.frame = back;
            vm_frame_release(f);
            if (was_entry)
                return NULL;
            f = back;
        }
    }
}
