/* vm_call: parameters from arguments, with CPython 3.11's TypeErrors. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "types.h"
#include "vm_call.h"
#include "xmem.h"

#define LOCAL_OWN(f, i) OWNER(OWN_NAME, 0, (f)->serial, vm_local_name((f)->code, (i)))

/* Puts args[i] into fast slot `slot`: moved from the caller's stack, or
 * a new reference when the caller is C code. */
static void give(Frame *f, int slot, Obj **args, int i, Frame *caller)
{
    Obj *v = args[i];
    f->fast[slot] = v;
    if (caller) {
        int sp_index = (int)(&args[i] - caller->stack);
        ref_move(v, OWNER(OWN_STACK, caller->serial, sp_index, NULL), LOCAL_OWN(f, slot));
        args[i] = NULL;
    } else {
        ref_inc(v, LOCAL_OWN(f, slot));
    }
}

static void missing_error(FuncObj *fn, const char **names, int n, bool kwonly)
{
    FmtBuf b = FMT_BUF_INIT;
    for (int i = 0; i < n; i++) {
        if (i > 0)
            fmt_buf_puts(&b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        fmt_buf_printf(&b, "'%s'", names[i]);
    }
    rt_raise(EXC(TypeError), "%s() missing %d required %sargument%s: %s", fn->qualname->s, n,
             kwonly ? "keyword-only " : "positional ", n == 1 ? "" : "s", fmt_buf_cstr(&b));
    fmt_buf_free(&b);
}

static void too_many_error(FuncObj *fn, int argc, int ndefaults, int given, int kwgiven)
{
    char takes[64];
    if (ndefaults)
        snprintf(takes, sizeof takes, "from %d to %d positional arguments", argc - ndefaults, argc);
    else
        snprintf(takes, sizeof takes, "%d positional argument%s", argc, argc == 1 ? "" : "s");
    char extra[96] = "";
    if (kwgiven)
        snprintf(extra, sizeof extra, " positional argument%s (and %d keyword-only argument%s)",
                 given == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
    rt_raise(EXC(TypeError), "%s() takes %s but %d%s %s given", fn->qualname->s, takes, given,
             kwgiven ? extra : "", (given + kwgiven) == 1 && !kwgiven ? "was" : "were");
}

Frame *vm_bind_call(FuncObj *fn, Obj **args, int nargs, TupleObj *kwnames, Frame *caller)
{
    CodeObj *co = fn->code;
    Frame *f = vm_frame_alloc(co, NULL, fn->globals);
    if (!f)
        return NULL;
    if (!caller) {
        f->func = fn;
        ref_inc(&fn->h, OWNER(OWN_FRAME, 0, f->serial, "f_func"));
    }
    int argc = co->argcount, kwonly = co->kwonlyargcount;
    int nkw = kwnames ? (int)kwnames->len : 0;
    int npos = nargs;
    int ndefaults = fn->defaults ? (int)fn->defaults->len : 0;
    int star_slot = argc + kwonly;
    int dstar_slot = star_slot + ((co->flags & CO_VARARGS) ? 1 : 0);
    DictObj *kwdict = NULL;

    if (co->flags & CO_VARKEYWORDS) {
        kwdict = (DictObj *)dict_new();
        if (!kwdict)
            goto fail;
        f->fast[dstar_slot] = &kwdict->h;
        ref_move(&kwdict->h, OWN_TEMP, LOCAL_OWN(f, dstar_slot));
    }
    int n = npos < argc ? npos : argc;
    for (int i = 0; i < n; i++)
        give(f, i, args, i, caller);
    if (co->flags & CO_VARARGS) {
        int extra = npos > argc ? npos - argc : 0;
        Obj *t = extra ? tuple_new((size_t)extra) : ref_new(&empty_tuple->h);
        if (!t)
            goto fail;
        for (int i = 0; i < extra; i++) {
            Obj *v = args[argc + i];
            AS_TUPLE(t)->items[i] = v;
            if (caller) {
                ref_move(v, OWNER(OWN_STACK, caller->serial, (int)(&args[argc + i] - caller->stack), NULL),
                         OWNER(OWN_SLOT, t->addr, i, NULL));
                args[argc + i] = NULL;
            } else {
                ref_inc(v, OWNER(OWN_SLOT, t->addr, i, NULL));
            }
        }
        f->fast[star_slot] = t;
        ref_move(t, OWN_TEMP, LOCAL_OWN(f, star_slot));
    } else if (npos > argc) {
        int kwgiven = 0;
        for (int j = 0; j < nkw; j++)
            for (int k = argc; k < argc + kwonly; k++)
                if (strcmp(co->varnames[k], AS_STR(kwnames->items[j])->s) == 0)
                    kwgiven++;
        too_many_error(fn, argc, ndefaults, npos, kwgiven);
        goto fail;
    }
    for (int j = 0; j < nkw; j++) {
        StrObj *name = AS_STR(kwnames->items[j]);
        int slot = -1;
        for (int k = 0; k < argc + kwonly; k++)
            if (co->varnames[k] == name->s || strcmp(co->varnames[k], name->s) == 0) {
                slot = k;
                break;
            }
        if (slot >= 0) {
            if (f->fast[slot]) {
                rt_raise(EXC(TypeError), "%s() got multiple values for argument '%s'", fn->qualname->s, name->s);
                goto fail;
            }
            give(f, slot, args, npos + j, caller);
        } else if (kwdict) {
            if (dict_set(&kwdict->h, &name->h, args[npos + j]) < 0)
                goto fail;
        } else {
            rt_raise(EXC(TypeError), "%s() got an unexpected keyword argument '%s'", fn->qualname->s, name->s);
            goto fail;
        }
    }
    /* defaults, then what is still missing */
    const char *missing[64];
    int nmissing = 0;
    for (int i = npos; i < argc; i++) {
        if (f->fast[i])
            continue;
        int d = i - (argc - ndefaults);
        if (d >= 0) {
            Obj *v = fn->defaults->items[d];
            f->fast[i] = v;
            ref_inc(v, LOCAL_OWN(f, i));
        } else if (nmissing < 64) {
            missing[nmissing++] = co->varnames[i];
        }
    }
    if (nmissing) {
        missing_error(fn, missing, nmissing, false);
        goto fail;
    }
    for (int i = argc; i < argc + kwonly; i++) {
        if (f->fast[i])
            continue;
        Obj *v = fn->kwdefaults ? dict_get_str(&fn->kwdefaults->h, co->varnames[i]) : NULL;
        if (v) {
            f->fast[i] = v;
            ref_inc(v, LOCAL_OWN(f, i));
        } else if (nmissing < 64) {
            missing[nmissing++] = co->varnames[i];
        }
    }
    if (nmissing) {
        missing_error(fn, missing, nmissing, true);
        goto fail;
    }
    /* cells, then the closure's free variables */
    for (int i = 0; i < co->ncells; i++) {
        int a = co->cell2arg[i];
        Obj *cell = cell_new(a >= 0 ? f->fast[a] : NULL);
        if (!cell)
            goto fail;
        f->fast[co->nlocals + i] = cell;
        ref_move(cell, OWN_TEMP, LOCAL_OWN(f, co->nlocals + i));
        if (a >= 0 && f->fast[a]) {
            Obj *v = f->fast[a];
            f->fast[a] = NULL;
            ref_dec(v, LOCAL_OWN(f, a));
        }
    }
    for (int i = 0; i < co->nfree; i++) {
        Obj *cell = fn->closure->items[i];
        int slot = co->nlocals + co->ncells + i;
        f->fast[slot] = cell;
        ref_inc(cell, LOCAL_OWN(f, slot));
    }
    return f;
fail:
    vm_frame_release(f);
    return NULL;
}

Obj *vm_call_ex(Obj *callable, Obj *pos, Obj *kwargs)
{
    Obj *tuple = IS(pos, K_TUPLE) ? ref_new(pos) : tuple_from_iter(pos);
    if (!tuple)
        return NULL;
    TupleObj *t = AS_TUPLE(tuple);
    size_t nkw = kwargs ? AS_DICT(kwargs)->t.used : 0;
    Obj **args = xcalloc(t->len + nkw + 1, sizeof *args);
    if (t->len)
        memcpy(args, t->items, t->len * sizeof *args);
    Obj *names = NULL;
    if (nkw) {
        names = tuple_new(nkw);
        if (!names) {
            free(args);
            DECREF(tuple);
            return NULL;
        }
        size_t pos_i = 0, i = 0;
        Obj *k, *v;
        while (table_next(&AS_DICT(kwargs)->t, &pos_i, &k, &v)) {
            if (!IS(k, K_STR)) {
                free(args);
                DECREF(names);
                DECREF(tuple);
                return rt_raise(EXC(TypeError), "keywords must be strings");
            }
            AS_TUPLE(names)->items[i] = k;
            ref_inc(k, OWNER(OWN_SLOT, names->addr, i, NULL));
            args[t->len + i] = v;
            i++;
        }
    }
    /* with keywords, CPython unpacks the dict into a new argument array
     * that holds a reference to every argument for the call */
    size_t n = t->len + (nkw ? nkw : 0);
    if (nkw)
        for (size_t i = 0; i < n; i++)
            ref_inc(args[i], OWN_TEMP);
    Obj *r = obj_call(callable, args, (int)t->len, names ? AS_TUPLE(names) : NULL);
    if (nkw)
        for (size_t i = 0; i < n; i++)
            DECREF(args[i]);
    free(args);
    XDECREF(names);
    DECREF(tuple);
    return r;
}
