/* comp: code generation. One Unit per scope (module, class body, function,
 * lambda, comprehension); each becomes a code object when it ends. */
#include <stdlib.h>
#include <string.h>

#include "comp_int.h"
#include "heap.h"
#include "types.h"
#include "xmem.h"

enum { FB_WHILE, FB_FOR, FB_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_HANDLER };
enum { MAX_FBLOCKS = 20 }; /* CPython's CO_MAXBLOCKS */

typedef struct {
    int kind;
    int start, exit;          /* loops: continue and break labels */
    NodeList *finalbody;      /* FB_FINALLY_TRY */
    const char *name;         /* FB_HANDLER: the "as" name, or NULL */
} FBlock;

typedef struct Unit {
    Scope *scope;
    struct Unit *parent;
    Instr *code;
    size_t ncode, code_cap;
    Obj **consts;             /* canonical constants (borrowed until the code takes them) */
    size_t nconsts, consts_cap;
    const char **names;
    size_t nnames, names_cap;
    const char **varnames;
    int nlocals;
    const char **cellnames;
    int *cell2arg;
    int ncells;
    const char **freenames;
    int nfree;
    int *labels;
    size_t nlabels, labels_cap;
    FBlock fb[MAX_FBLOCKS];
    int nfb;
    int line, col;
    int argcount, kwonly, flags;
    int firstline;
} Unit;

typedef struct {
    Unit *u;
    ConstTable *consts;
    Scope *top;
    Diag *d;
    const char *filename;
    Obj **temps;              /* objects the compiler made (names tuples...) */
    size_t ntemps, temps_cap;
} Comp;

/* ---------- emitting ---------- */
static int emit(Comp *c, int op, int arg)
{
    Unit *u = c->u;
    xgrow((void **)&u->code, &u->code_cap, u->ncode + 1, sizeof *u->code);
    u->code[u->ncode] = (Instr){(uint8_t)op, arg, u->line, u->col};
    return (int)u->ncode++;
}

static int new_label(Comp *c)
{
    Unit *u = c->u;
    xgrow((void **)&u->labels, &u->labels_cap, u->nlabels + 1, sizeof *u->labels);
    u->labels[u->nlabels] = -1;
    return (int)u->nlabels++;
}

static void place(Comp *c, int label) { c->u->labels[label] = (int)c->u->ncode; }

static bool is_jump(int op)
{
    return op == OPC_JUMP || op == OPC_POP_JUMP_IF_FALSE || op == OPC_POP_JUMP_IF_TRUE ||
           op == OPC_JUMP_IF_FALSE_OR_POP || op == OPC_JUMP_IF_TRUE_OR_POP || op == OPC_FOR_ITER ||
           op == OPC_SETUP_EXCEPT || op == OPC_SETUP_CLEANUP;
}

static void error_at(Comp *c, Node *n, const char *msg)
{
    diag_set(c->d, DIAG_UNSUPPORTED, n ? n->line : 1, n ? n->col : 1, "%s", msg);
}

/* A new object made by the compiler: kept until compilation ends. */
static Obj *temp(Comp *c, Obj *o)
{
    if (!o)
        return NULL;
    xgrow((void **)&c->temps, &c->temps_cap, c->ntemps + 1, sizeof *c->temps);
    c->temps[c->ntemps++] = o;
    return o;
}

static int add_const(Comp *c, Obj *value)
{
    Unit *u = c->u;
    Obj *canon = const_merge(c->consts, value);
    for (size_t i = 0; i < u->nconsts; i++)
        if (u->consts[i] == canon)
            return (int)i;
    xgrow((void **)&u->consts, &u->consts_cap, u->nconsts + 1, sizeof *u->consts);
    u->consts[u->nconsts] = canon;
    return (int)u->nconsts++;
}

static void load_const(Comp *c, Obj *value) { emit(c, OPC_LOAD_CONST, add_const(c, value)); }

static void load_str_const(Comp *c, const char *s)
{
    Obj *o = str_is_identifier_like(s, strlen(s)) ? ref_new(&str_intern(s)->h) : str_from_c(s);
    load_const(c, temp(c, o));
}

static int add_name(Comp *c, const char *name)
{
    Unit *u = c->u;
    name = ev_intern(name);
    for (size_t i = 0; i < u->nnames; i++)
        if (u->names[i] == name)
            return (int)i;
    xgrow((void **)&u->names, &u->names_cap, u->nnames + 1, sizeof *u->names);
    u->names[u->nnames] = name;
    return (int)u->nnames++;
}

static int index_of(const char **arr, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (arr[i] == name)
            return i;
    return -1;
}

/* ---------- units ---------- */
static void unit_push(Comp *c, Scope *s, Node *n)
{
    Unit *u = xcalloc(1, sizeof *u);
    u->scope = s;
    u->parent = c->u;
    u->line = u->firstline = n ? n->line : 1;
    u->col = n ? n->col : 1;
    if (s->kind == SCOPE_FUNCTION) {
        u->varnames = xcalloc((size_t)s->nsyms + 1, sizeof *u->varnames);
        for (int i = 0; i < s->nparams; i++)
            u->varnames[u->nlocals++] = s->params[i];
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == SC_LOCAL && !(s->syms[i].flags & DEF_PARAM))
                u->varnames[u->nlocals++] = s->syms[i].name;
    }
    u->cellnames = xcalloc((size_t)s->nsyms + 2, sizeof *u->cellnames);
    u->cell2arg = xcalloc((size_t)s->nsyms + 2, sizeof *u->cell2arg);
    for (int i = 0; i < s->nparams; i++) {
        Sym *y = sym_lookup(s, s->params[i]);
        if (y && y->scope == SC_CELL) {
            u->cell2arg[u->ncells] = i;
            u->cellnames[u->ncells++] = y->name;
        }
    }
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == SC_CELL && !(s->syms[i].flags & DEF_PARAM)) {
            u->cell2arg[u->ncells] = -1;
            u->cellnames[u->ncells++] = s->syms[i].name;
        }
    if (s->kind == SCOPE_CLASS && s->needs_class_cell) {
        u->cell2arg[u->ncells] = -1;
        u->cellnames[u->ncells++] = ev_intern("__class__");
    }
    u->freenames = xcalloc((size_t)s->nsyms + 1, sizeof *u->freenames);
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == SC_FREE || (s->syms[i].flags & DEF_FREE_CLASS))
            u->freenames[u->nfree++] = s->syms[i].name;
    c->u = u;
}

static void unit_free(Unit *u)
{
    free(u->code);
    free(u->consts);
    free(u->names);
    free(u->varnames);
    free(u->cellnames);
    free(u->cell2arg);
    free(u->freenames);
    free(u->labels);
    free(u);
}

/* Stack effect of an instruction; jump: the effect when it jumps. */
static int stack_effect(const Instr *in, bool jump)
{
    int n = in->arg;
    switch (in->op) {
    case OPC_NOP: case OPC_SWAP: case OPC_DELETE_NAME: case OPC_DELETE_GLOBAL:
    case OPC_DELETE_FAST: case OPC_DELETE_DEREF: case OPC_LOAD_ATTR: case OPC_KW_NAMES:
    case OPC_UNARY_OP: case OPC_LIST_TO_TUPLE: case OPC_JUMP: case OPC_GET_ITER:
    case OPC_YIELD_VALUE: case OPC_POP_BLOCK: case OPC_CHECK_EXC_MATCH:
        return 0;
    case OPC_POP_TOP: case OPC_STORE_NAME: case OPC_STORE_GLOBAL: case OPC_STORE_FAST:
    case OPC_STORE_DEREF: case OPC_DELETE_ATTR: case OPC_BINARY_OP: case OPC_COMPARE_OP:
    case OPC_IS_OP: case OPC_CONTAINS_OP: case OPC_BINARY_SUBSCR: case OPC_LIST_APPEND:
    case OPC_SET_ADD: case OPC_LIST_EXTEND: case OPC_SET_UPDATE: case OPC_DICT_UPDATE:
    case OPC_DICT_MERGE: case OPC_POP_JUMP_IF_FALSE: case OPC_POP_JUMP_IF_TRUE:
    case OPC_RETURN_VALUE: case OPC_POP_EXCEPT: case OPC_RERAISE:
        return -1;
    case OPC_COPY: case OPC_PUSH_NULL: case OPC_LOAD_CONST: case OPC_LOAD_NAME:
    case OPC_LOAD_GLOBAL: case OPC_LOAD_FAST: case OPC_LOAD_DEREF: case OPC_LOAD_CLOSURE:
    case OPC_LOAD_CLASSDEREF: case OPC_LOAD_METHOD: case OPC_PUSH_EXC_INFO:
    case OPC_IMPORT_NAME: case OPC_IMPORT_FROM: case OPC_LOAD_ASSERTION_ERROR:
        return 1;
    case OPC_STORE_ATTR: case OPC_DELETE_SUBSCR: case OPC_MAP_ADD: case OPC_POP_EXCEPT_AND_RERAISE:
        return -2;
    case OPC_STORE_SUBSCR: return -3;
    case OPC_CALL: return -(n + 1);
    case OPC_CALL_EX: return (n & 1) ? -3 : -2;
    case OPC_BUILD_SLICE: case OPC_BUILD_LIST: case OPC_BUILD_TUPLE: case OPC_BUILD_SET:
    case OPC_BUILD_STRING:
        return 1 - n;
    case OPC_BUILD_MAP: return 1 - 2 * n;
    case OPC_BUILD_CONST_KEY_MAP: return -n;
    case OPC_FORMAT_VALUE: return (n & FV_HAS_SPEC) ? -1 : 0;
    case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OPC_FOR_ITER: return jump ? -1 : 1;
    case OPC_MAKE_FUNCTION:
        return -(((n & MF_DEFAULTS) != 0) + ((n & MF_KWDEFAULTS) != 0) + ((n & MF_CLOSURE) != 0));
    case OPC_BUILD_CLASS: return -(n + 1);
    case OPC_UNPACK_SEQUENCE: return n - 1;
    case OPC_UNPACK_EX: return (n & 0xff) + (n >> 8);
    case OPC_RAISE: return -n;
    case OPC_SETUP_EXCEPT: return jump ? 1 : 0;
    case OPC_SETUP_CLEANUP: return 0;
    default: return 0;
    }
}

static bool is_terminal(int op)
{
    return op == OPC_JUMP || op == OPC_RETURN_VALUE || op == OPC_RAISE || op == OPC_RERAISE ||
           op == OPC_POP_EXCEPT_AND_RERAISE;
}

/* Maximum stack depth over every path (CPython's stackdepth()). */
static int max_stack(Unit *u)
{
    int n = (int)u->ncode, maxd = 0, nw = 0;
    int *depth = xmalloc(sizeof(int) * (size_t)(n + 1));
    int *work = xmalloc(sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i <= n; i++)
        depth[i] = -1;
    depth[0] = 0;
    work[nw++] = 0;
    while (nw) {
        int i = work[--nw];
        int d = depth[i];
        while (i < n) {
            const Instr *in = &u->code[i];
            if (is_jump(in->op)) {
                int t = in->arg, td = d + stack_effect(in, true);
                if (td > maxd)
                    maxd = td;
                if (t >= 0 && t < n && depth[t] < 0) {
                    depth[t] = td;
                    work[nw++] = t;
                }
            }
            d += stack_effect(in, false);
            if (d > maxd)
                maxd = d;
            if (is_terminal(in->op) || ++i >= n || depth[i] >= 0)
                break;
            depth[i] = d;
        }
    }
    free(depth);
    free(work);
    return maxd + 2;
}

static CodeObj *unit_finish(Comp *c, const char *name, const char *qualname)
{
    Unit *u = c->u;
    /* every unit ends with an implicit return None (a label may point there) */
    load_const(c, Py_None);
    emit(c, OPC_RETURN_VALUE, 0);
    for (size_t i = 0; i < u->ncode; i++)
        if (is_jump(u->code[i].op))
            u->code[i].arg = u->labels[u->code[i].arg];
    int maxblocks = 0, blocks = 0;
    for (size_t i = 0; i < u->ncode; i++) {
        if (u->code[i].op == OPC_SETUP_EXCEPT || u->code[i].op == OPC_SETUP_CLEANUP)
            blocks++;
        if (blocks > maxblocks)
            maxblocks = blocks;
    }
    int stacksize = max_stack(u);
    CodeObj *co = (CodeObj *)obj_alloc(K_CODE, &type_code, sizeof(CodeObj), 160 + (uint32_t)(u->ncode > 256 ? 256 : u->ncode) / 2 * 16);
    if (!co)
        return NULL;
    co->code = u->code;
    co->ncode = (int)u->ncode;
    u->code = NULL;
    co->consts = xcalloc(u->nconsts + 1, sizeof *co->consts);
    co->nconsts = (int)u->nconsts;
    for (size_t i = 0; i < u->nconsts; i++) {
        co->consts[i] = u->consts[i];
        ref_inc(u->consts[i], OWNER(OWN_CONST, co->h.addr, i, NULL));
    }
    co->names = xcalloc(u->nnames + 1, sizeof *co->names);
    co->name_objs = xcalloc(u->nnames + 1, sizeof *co->name_objs);
    for (size_t i = 0; i < u->nnames; i++) {
        co->names[i] = u->names[i];
        co->name_objs[i] = str_intern(u->names[i]);
    }
    co->nnames = (int)u->nnames;
    co->varnames = u->varnames;
    u->varnames = NULL;
    co->nlocals = u->nlocals;
    co->cellnames = u->cellnames;
    co->cell2arg = u->cell2arg;
    u->cellnames = NULL;
    u->cell2arg = NULL;
    co->ncells = u->ncells;
    co->freenames = u->freenames;
    u->freenames = NULL;
    co->nfree = u->nfree;
    co->argcount = u->argcount;
    co->kwonlyargcount = u->kwonly;
    co->flags = u->flags;
    co->stacksize = stacksize;
    co->maxblocks = maxblocks + 1;
    co->firstline = u->firstline;
    co->name = ev_intern(name);
    co->qualname = ev_intern(qualname);
    co->filename = c->filename;
    return co;
}

static void unit_pop(Comp *c)
{
    Unit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

/* ---------- names ---------- */
typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } Ctx;

static int deref_index(Unit *u, const char *name)
{
    int i = index_of(u->cellnames, u->ncells, name);
    if (i >= 0)
        return u->nlocals + i;
    i = index_of(u->freenames, u->nfree, name);
    return i >= 0 ? u->nlocals + u->ncells + i : -1;
}

static void compile_name(Comp *c, Node *n, const char *name, Ctx ctx)
{
    Unit *u = c->u;
    name = ev_intern(name);
    Sym *y = sym_lookup(u->scope, name);
    SymScope sc = y ? y->scope : SC_GLOBAL_IMPLICIT;
    static const int name_ops[] = {OPC_LOAD_NAME, OPC_STORE_NAME, OPC_DELETE_NAME};
    static const int global_ops[] = {OPC_LOAD_GLOBAL, OPC_STORE_GLOBAL, OPC_DELETE_GLOBAL};
    static const int fast_ops[] = {OPC_LOAD_FAST, OPC_STORE_FAST, OPC_DELETE_FAST};
    static const int deref_ops[] = {OPC_LOAD_DEREF, OPC_STORE_DEREF, OPC_DELETE_DEREF};
    switch (u->scope->kind) {
    case SCOPE_MODULE:
        emit(c, name_ops[ctx], add_name(c, name));
        return;
    case SCOPE_CLASS:
        if (sc == SC_FREE) {
            int di = deref_index(u, name);
            emit(c, ctx == CTX_LOAD ? OPC_LOAD_CLASSDEREF : deref_ops[ctx], di);
            if (ctx == CTX_LOAD)
                u->code[u->ncode - 1].arg = di | (add_name(c, name) << 16);
        } else if (sc == SC_GLOBAL_EXPLICIT) {
            emit(c, global_ops[ctx], add_name(c, name));
        } else {
            emit(c, name_ops[ctx], add_name(c, name));
        }
        return;
    case SCOPE_FUNCTION:
        switch (sc) {
        case SC_LOCAL: {
            int i = index_of(u->varnames, u->nlocals, name);
            emit(c, fast_ops[ctx], i);
            return;
        }
        case SC_CELL:
        case SC_FREE:
            emit(c, deref_ops[ctx], deref_index(u, name));
            return;
        default:
            emit(c, global_ops[ctx], add_name(c, name));
            return;
        }
    }
    (void)n;
}

/* ---------- expressions ---------- */
static void compile_expr(Comp *c, Node *n);
static void compile_stmts(Comp *c, NodeList *l);
static void compile_store(Comp *c, Node *t);

static void set_pos(Comp *c, Node *n)
{
    c->u->line = n->line;
    c->u->col = n->col;
}

/* An attribute on a later line than its object is reported at the name's
 * line, as CPython 3.11 does. */
static void set_attr_pos(Comp *c, Node *n)
{
    set_pos(c, n);
    if (n->end_line > n->line)
        c->u->line = n->end_line;
}

static bool has_starred(NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind == E_STARRED)
            return true;
    return false;
}

static bool all_const(Comp *c, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind == E_STARRED || !const_of(c->consts, l->items[i]))
            return false;
    return true;
}

static Obj *tuple_of_consts(Comp *c, NodeList *l)
{
    Obj *t = tuple_new((size_t)l->len);
    if (!t)
        return NULL;
    for (int i = 0; i < l->len; i++) {
        Obj *v = const_merge(c->consts, const_of(c->consts, l->items[i]));
        AS_TUPLE(t)->items[i] = v;
        ref_inc(v, OWNER(OWN_SLOT, t->addr, i, NULL));
    }
    return temp(c, t);
}

/* The frozenset constant a set display of constants becomes: its items
 * are added in source order, which decides the set's table (and so its
 * printed order), as CPython's compiler does. */
static Obj *frozenset_of_consts(Comp *c, NodeList *l)
{
    Obj *first = set_new(true);
    if (!first)
        return NULL;
    for (int i = 0; i < l->len; i++)
        if (set_add(first, const_merge(c->consts, const_of(c->consts, l->items[i]))) < 0)
            goto fail;
    /* CPython's constant merging then rebuilds the frozenset from the
     * first one's iteration order; the rebuilt one is the constant */
    Obj *fs = set_new(true);
    if (!fs)
        goto fail;
    size_t pos = 0;
    Obj *item;
    while (set_next(first, &pos, &item))
        if (set_add(fs, item) < 0) {
            DECREF(fs);
            goto fail;
        }
    DECREF(first);
    return temp(c, fs);
fail:
    rt_clear_error();
    DECREF(first);
    return NULL;
}

/* list/tuple/set displays, as CPython's starunpack_helper */
static void compile_display(Comp *c, Node *n, int build, int add, int extend)
{
    NodeList *l = &n->l1;
    if (l->len > 2 && all_const(c, l) && n->kind != E_TUPLE) {
        Obj *k = n->kind == E_SET ? frozenset_of_consts(c, l) : tuple_of_consts(c, l);
        emit(c, build == OPC_BUILD_TUPLE ? OPC_BUILD_LIST : build, 0);
        if (k)
            load_const(c, k);
        else
            error_at(c, n, "out of memory while compiling a constant");
        emit(c, extend, 1);
        if (build == OPC_BUILD_TUPLE)
            emit(c, OPC_LIST_TO_TUPLE, 0);
        return;
    }
    if (!has_starred(l)) {
        for (int i = 0; i < l->len; i++)
            compile_expr(c, l->items[i]);
        emit(c, build, l->len);
        return;
    }
    int seen = 0;
    bool built = false;
    int b = build == OPC_BUILD_TUPLE ? OPC_BUILD_LIST : build;
    for (int i = 0; i < l->len; i++) {
        Node *it = l->items[i];
        if (it->kind == E_STARRED) {
            if (!built) {
                emit(c, b, seen);
                built = true;
            }
            compile_expr(c, it->a);
            emit(c, extend, 1);
        } else {
            compile_expr(c, it);
            if (built)
                emit(c, add, 1);
            else
                seen++;
        }
    }
    if (!built)
        emit(c, b, seen);
    if (build == OPC_BUILD_TUPLE)
        emit(c, OPC_LIST_TO_TUPLE, 0);
}

static void compile_dict(Comp *c, Node *n)
{
    NodeList *keys = &n->l1, *vals = &n->l2;
    int len = keys->len;
    bool any_unpack = false;
    for (int i = 0; i < len; i++)
        if (!keys->items[i])
            any_unpack = true;
    if (!any_unpack && len > 1 && len <= 16 && all_const(c, keys)) {
        for (int i = 0; i < len; i++)
            compile_expr(c, vals->items[i]);
        load_const(c, tuple_of_consts(c, keys));
        emit(c, OPC_BUILD_CONST_KEY_MAP, len);
        return;
    }
    /* chunks of 16 pairs, merged with DICT_UPDATE, as CPython does */
    int pending = 0;
    bool built = false;
    for (int i = 0; i < len; i++) {
        if (!keys->items[i]) {
            if (!built || pending) {
                emit(c, OPC_BUILD_MAP, pending);
                if (built)
                    emit(c, OPC_DICT_UPDATE, 1);
                built = true;
                pending = 0;
            }
            compile_expr(c, vals->items[i]);
            emit(c, OPC_DICT_UPDATE, 1);
            continue;
        }
        compile_expr(c, keys->items[i]);
        compile_expr(c, vals->items[i]);
        if (++pending == 16) {
            emit(c, OPC_BUILD_MAP, pending);
            if (built)
                emit(c, OPC_DICT_UPDATE, 1);
            built = true;
            pending = 0;
        }
    }
    if (!built || pending) {
        emit(c, OPC_BUILD_MAP, pending);
        if (built)
            emit(c, OPC_DICT_UPDATE, 1);
    }
}

static void compile_call_args(Comp *c, Node *call, int extra_pos)
{
    NodeList *args = &call->l1, *kws = &call->l2;
    bool star = has_starred(args);
    for (int i = 0; i < kws->len && !star; i++)
        if (!kws->items[i]->name)
            star = true;
    if (!star) {
        for (int i = 0; i < args->len; i++)
            compile_expr(c, args->items[i]);
        if (kws->len) {
            Obj *names = temp(c, tuple_new((size_t)kws->len));
            for (int i = 0; i < kws->len; i++) {
                compile_expr(c, kws->items[i]->a);
                Obj *s = &str_intern(kws->items[i]->name)->h;
                AS_TUPLE(names)->items[i] = s;
                ref_inc(s, OWNER(OWN_SLOT, names->addr, i, NULL));
            }
            emit(c, OPC_KW_NAMES, add_const(c, names));
        }
        set_pos(c, call); /* an error in the call is reported where it starts */
        emit(c, OPC_CALL, args->len + kws->len + extra_pos);
        return;
    }
    /* f(*a, k=v, **kw): a tuple of positionals and a dict of keywords.
     * A lone *a is passed as it is (CALL_EX makes a tuple of it only when
     * it is not one), as CPython does. */
    if (args->len == 1 && args->items[0]->kind == E_STARRED) {
        compile_expr(c, args->items[0]->a);
    } else {
        Node fake = *call;
        fake.kind = E_TUPLE;
        compile_display(c, &fake, OPC_BUILD_TUPLE, OPC_LIST_APPEND, OPC_LIST_EXTEND);
    }
    if (kws->len) {
        int pending = 0;
        bool built = false;
        for (int i = 0; i < kws->len; i++) {
            Node *k = kws->items[i];
            if (!k->name) {
                if (!built || pending) {
                    emit(c, OPC_BUILD_MAP, pending);
                    if (built)
                        emit(c, OPC_DICT_MERGE, 1);
                    built = true;
                    pending = 0;
                }
                compile_expr(c, k->a);
                emit(c, OPC_DICT_MERGE, 1);
            } else {
                load_str_const(c, k->name);
                compile_expr(c, k->a);
                pending++;
            }
        }
        if (!built || pending) {
            emit(c, OPC_BUILD_MAP, pending);
            if (built)
                emit(c, OPC_DICT_MERGE, 1);
        }
    }
    set_pos(c, call);
    emit(c, OPC_CALL_EX, kws->len ? 1 : 0);
}

static void compile_call(Comp *c, Node *n)
{
    Node *f = n->a;
    bool star = has_starred(&n->l1);
    for (int i = 0; i < n->l2.len; i++)
        if (!n->l2.items[i]->name)
            star = true;
    if (f->kind == E_ATTR && !star) {
        compile_expr(c, f->a);
        set_attr_pos(c, f);
        emit(c, OPC_LOAD_METHOD, add_name(c, f->name));
        compile_call_args(c, n, 0);
        set_pos(c, n);
        return;
    }
    emit(c, OPC_PUSH_NULL, 0);
    compile_expr(c, f);
    compile_call_args(c, n, 0);
    set_pos(c, n);
}

static void compile_jump_if(Comp *c, Node *n, bool cond, int label)
{
    if (n->kind == E_UNARY && n->op == OP_NOT) {
        compile_jump_if(c, n->a, !cond, label);
        return;
    }
    compile_expr(c, n);
    emit(c, cond ? OPC_POP_JUMP_IF_TRUE : OPC_POP_JUMP_IF_FALSE, label);
}

static void compile_compare_op(Comp *c, int op)
{
    switch (op) {
    case CMP_IS: emit(c, OPC_IS_OP, 0); break;
    case CMP_IS_NOT: emit(c, OPC_IS_OP, 1); break;
    case CMP_IN: emit(c, OPC_CONTAINS_OP, 0); break;
    case CMP_NOT_IN: emit(c, OPC_CONTAINS_OP, 1); break;
    default: emit(c, OPC_COMPARE_OP, op); break;
    }
}

static void compile_operand(Comp *c, Node *n)
{
    Obj *t = n->kind == E_LIST ? const_iter_tuple(c->consts, n) : NULL;
    if (t)
        load_const(c, t);
    else
        compile_expr(c, n);
}

static void compile_compare(Comp *c, Node *n)
{
    compile_expr(c, n->a);
    int last = n->l1.len - 1;
    if (last == 0) {
        compile_operand(c, n->l1.items[0]);
        set_pos(c, n);
        compile_compare_op(c, n->ops[0]);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < last; i++) {
        compile_operand(c, n->l1.items[i]);
        emit(c, OPC_SWAP, 2);
        emit(c, OPC_COPY, 2);
        compile_compare_op(c, n->ops[i]);
        emit(c, OPC_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_operand(c, n->l1.items[last]);
    compile_compare_op(c, n->ops[last]);
    emit(c, OPC_JUMP, end);
    place(c, cleanup);
    emit(c, OPC_SWAP, 2);
    emit(c, OPC_POP_TOP, 0);
    place(c, end);
}

static void compile_fstring(Comp *c, Node *n)
{
    int parts = 0;
    for (int i = 0; i < n->l1.len; i++) {
        Node *p = n->l1.items[i];
        if (p->kind == E_STR) {
            if (p->slen == 0)
                continue;
            compile_expr(c, p);
        } else {
            compile_expr(c, p->a);
            int flags = p->op == 'r' ? FV_REPR : p->op == 's' ? FV_STR : p->op == 'a' ? FV_ASCII : FV_NONE;
            if (p->b) {
                compile_fstring(c, p->b);
                flags |= FV_HAS_SPEC;
            }
            set_pos(c, p);
            emit(c, OPC_FORMAT_VALUE, flags);
        }
        parts++;
    }
    if (parts == 0)
        load_const(c, &empty_str->h);
    else if (parts > 1)
        emit(c, OPC_BUILD_STRING, parts);
}

static CodeObj *compile_function_body(Comp *c, Scope *s, Node *n, NodeList *params, NodeList *body,
                                      Node *expr_body);

/* Pushes defaults/kwdefaults/closure and the code, then MAKE_FUNCTION. */
static void make_function(Comp *c, CodeObj *co, NodeList *params)
{
    int flags = 0;
    int ndef = 0;
    if (params)
        for (int i = 0; i < params->len; i++)
            if (params->items[i]->a && params->items[i]->op == PARAM_PLAIN) {
                compile_expr(c, params->items[i]->a);
                ndef++;
            }
    if (ndef) {
        emit(c, OPC_BUILD_TUPLE, ndef);
        flags |= MF_DEFAULTS;
    }
    int nkw = 0;
    if (params)
        for (int i = 0; i < params->len; i++)
            if (params->items[i]->a && params->items[i]->op == PARAM_KWONLY) {
                load_str_const(c, params->items[i]->name);
                compile_expr(c, params->items[i]->a);
                nkw++;
            }
    if (nkw) {
        emit(c, OPC_BUILD_MAP, nkw);
        flags |= MF_KWDEFAULTS;
    }
    if (co->nfree) {
        for (int i = 0; i < co->nfree; i++) {
            int di = deref_index(c->u, co->freenames[i]);
            if (di < 0) { /* the symbol table guarantees it; never trust it blindly */
                error_at(c, NULL, "internal error: no cell for a free variable");
                return;
            }
            emit(c, OPC_LOAD_CLOSURE, di);
        }
        emit(c, OPC_BUILD_TUPLE, co->nfree);
        flags |= MF_CLOSURE;
    }
    load_const(c, &co->h);
    emit(c, OPC_MAKE_FUNCTION, flags);
}

static void compile_comprehension(Comp *c, Node *n)
{
    Scope *s = sym_child(c->u->scope, n);
    if (!s) {
        error_at(c, n, "internal error: comprehension scope missing");
        return;
    }
    Unit *outer = c->u;
    unit_push(c, s, n);
    c->u->argcount = 1;
    bool gen = n->kind == E_GENEXP;
    if (gen)
        c->u->flags |= CO_GENERATOR;
    if (!gen)
        emit(c, n->kind == E_LISTCOMP ? OPC_BUILD_LIST : n->kind == E_SETCOMP ? OPC_BUILD_SET : OPC_BUILD_MAP, 0);
    int nfor = n->l1.len;
    int *starts = xmalloc(sizeof(int) * (size_t)nfor), *ends = xmalloc(sizeof(int) * (size_t)nfor);
    for (int i = 0; i < nfor; i++) {
        Node *f = n->l1.items[i];
        starts[i] = new_label(c);
        ends[i] = new_label(c);
        if (i == 0) {
            emit(c, OPC_LOAD_FAST, 0);
        } else {
            compile_operand(c, f->b);
            emit(c, OPC_GET_ITER, 0);
        }
        place(c, starts[i]);
        set_pos(c, f);
        emit(c, OPC_FOR_ITER, ends[i]);
        compile_store(c, f->a);
        for (int k = 0; k < f->l1.len; k++)
            compile_jump_if(c, f->l1.items[k], false, starts[i]);
    }
    int depth = nfor + 1; /* the collection sits under the iterators */
    if (gen) {
        compile_expr(c, n->a);
        emit(c, OPC_YIELD_VALUE, 0);
        emit(c, OPC_POP_TOP, 0);
    } else if (n->kind == E_DICTCOMP) {
        compile_expr(c, n->a);
        compile_expr(c, n->b);
        emit(c, OPC_MAP_ADD, depth);
    } else {
        compile_expr(c, n->a);
        emit(c, n->kind == E_LISTCOMP ? OPC_LIST_APPEND : OPC_SET_ADD, depth);
    }
    for (int i = nfor - 1; i >= 0; i--) {
        emit(c, OPC_JUMP, starts[i]);
        place(c, ends[i]);
    }
    free(starts);
    free(ends);
    if (gen)
        load_const(c, Py_None);
    emit(c, OPC_RETURN_VALUE, 0);
    CodeObj *co = unit_finish(c, s->name, s->qualname);
    unit_pop(c);
    if (!co)
        return;
    temp(c, &co->h);
    (void)outer;
    set_pos(c, n);
    make_function(c, co, NULL);
    compile_operand(c, n->l1.items[0]->b);
    emit(c, OPC_GET_ITER, 0);
    emit(c, OPC_CALL, 0);
}

static void compile_lambda(Comp *c, Node *n)
{
    Scope *s = sym_child(c->u->scope, n);
    CodeObj *co = compile_function_body(c, s, n, &n->l1, NULL, n->a);
    if (co)
        make_function(c, co, &n->l1);
}

static void compile_expr(Comp *c, Node *n)
{
    if (c->d->set)
        return;
    Obj *k = const_of(c->consts, n);
    set_pos(c, n);
    if (k) {
        load_const(c, k);
        return;
    }
    switch (n->kind) {
    case E_NAME: compile_name(c, n, n->name, CTX_LOAD); break;
    case E_BINOP:
        compile_expr(c, n->a);
        compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OPC_BINARY_OP, n->op);
        break;
    case E_UNARY:
        compile_expr(c, n->a);
        set_pos(c, n);
        emit(c, OPC_UNARY_OP, n->op);
        break;
    case E_BOOLOP: {
        int end = new_label(c);
        for (int i = 0; i < n->l1.len; i++) {
            compile_expr(c, n->l1.items[i]);
            if (i < n->l1.len - 1)
                emit(c, n->op == OP_AND ? OPC_JUMP_IF_FALSE_OR_POP : OPC_JUMP_IF_TRUE_OR_POP, end);
        }
        place(c, end);
        break;
    }
    case E_COMPARE: compile_compare(c, n); break;
    case E_IFEXP: {
        int other = new_label(c), end = new_label(c);
        compile_jump_if(c, n->a, false, other);
        compile_expr(c, n->b);
        emit(c, OPC_JUMP, end);
        place(c, other);
        compile_expr(c, n->c);
        place(c, end);
        break;
    }
    case E_CALL: compile_call(c, n); break;
    case E_ATTR:
        compile_expr(c, n->a);
        set_attr_pos(c, n);
        emit(c, OPC_LOAD_ATTR, add_name(c, n->name));
        break;
    case E_SUBSCRIPT:
        compile_expr(c, n->a);
        compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OPC_BINARY_SUBSCR, 0);
        break;
    case E_SLICE: {
        int parts = n->c ? 3 : 2;
        if (n->a) compile_expr(c, n->a); else load_const(c, Py_None);
        if (n->b) compile_expr(c, n->b); else load_const(c, Py_None);
        if (n->c) compile_expr(c, n->c);
        emit(c, OPC_BUILD_SLICE, parts);
        break;
    }
    case E_LIST: compile_display(c, n, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND); break;
    case E_TUPLE: compile_display(c, n, OPC_BUILD_TUPLE, OPC_LIST_APPEND, OPC_LIST_EXTEND); break;
    case E_SET: compile_display(c, n, OPC_BUILD_SET, OPC_SET_ADD, OPC_SET_UPDATE); break;
    case E_DICT: compile_dict(c, n); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENEXP:
        compile_comprehension(c, n);
        break;
    case E_LAMBDA: compile_lambda(c, n); break;
    case E_FSTRING: compile_fstring(c, n); break;
    case E_STARRED: error_at(c, n, "can't use starred expression here"); break;
    default: error_at(c, n, "expression not supported by memviz"); break;
    }
}

/* ---------- assignment targets ---------- */
static void compile_store(Comp *c, Node *t)
{
    set_pos(c, t);
    switch (t->kind) {
    case E_NAME: compile_name(c, t, t->name, CTX_STORE); break;
    case E_ATTR:
        compile_expr(c, t->a);
        set_pos(c, t);
        emit(c, OPC_STORE_ATTR, add_name(c, t->name));
        break;
    case E_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        set_pos(c, t);
        emit(c, OPC_STORE_SUBSCR, 0);
        break;
    case E_TUPLE:
    case E_LIST: {
        int star = -1;
        for (int i = 0; i < t->l1.len; i++)
            if (t->l1.items[i]->kind == E_STARRED) {
                if (star >= 0) {
                    diag_set(c->d, DIAG_SYNTAX, t->line, t->col, "multiple starred expressions in assignment");
                    return;
                }
                star = i;
            }
        if (star < 0)
            emit(c, OPC_UNPACK_SEQUENCE, t->l1.len);
        else
            emit(c, OPC_UNPACK_EX, star | ((t->l1.len - star - 1) << 8));
        for (int i = 0; i < t->l1.len; i++) {
            Node *x = t->l1.items[i];
            compile_store(c, x->kind == E_STARRED ? x->a : x);
        }
        break;
    }
    default:
        diag_set(c->d, DIAG_SYNTAX, t->line, t->col, "cannot assign to expression");
        break;
    }
}

static void compile_delete(Comp *c, Node *t)
{
    set_pos(c, t);
    switch (t->kind) {
    case E_NAME: compile_name(c, t, t->name, CTX_DEL); break;
    case E_ATTR:
        compile_expr(c, t->a);
        set_pos(c, t);
        emit(c, OPC_DELETE_ATTR, add_name(c, t->name));
        break;
    case E_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        set_pos(c, t);
        emit(c, OPC_DELETE_SUBSCR, 0);
        break;
    case E_TUPLE:
    case E_LIST:
        for (int i = 0; i < t->l1.len; i++)
            compile_delete(c, t->l1.items[i]);
        break;
    default:
        diag_set(c->d, DIAG_SYNTAX, t->line, t->col, "cannot delete expression");
        break;
    }
}

/* ---------- blocks and unwinding ---------- */
static bool push_fblock(Comp *c, Node *n, FBlock fb)
{
    if (c->u->nfb >= MAX_FBLOCKS) {
        diag_set(c->d, DIAG_SYNTAX, n->line, n->col, "too many statically nested blocks");
        return false;
    }
    c->u->fb[c->u->nfb++] = fb;
    return true;
}

static void pop_fblock(Comp *c) { c->u->nfb--; }

static void clear_handler_name(Comp *c, Node *at, const char *name)
{
    load_const(c, Py_None);
    compile_name(c, at, name, CTX_STORE);
    compile_name(c, at, name, CTX_DEL);
}

/* Leaves fblock fb on the way out of a return/break/continue.
 * preserve_tos: the return value stays on top of the stack. */
static void unwind_fblock(Comp *c, Node *at, FBlock *fb, bool preserve_tos)
{
    switch (fb->kind) {
    case FB_WHILE:
        break;
    case FB_FOR:
        if (preserve_tos)
            emit(c, OPC_SWAP, 2);
        emit(c, OPC_POP_TOP, 0);
        break;
    case FB_EXCEPT:
        emit(c, OPC_POP_BLOCK, 0);
        break;
    case FB_FINALLY_TRY: {
        emit(c, OPC_POP_BLOCK, 0);
        /* the finally body runs with only the enclosing blocks in force */
        NodeList *body = fb->finalbody;
        int saved_n = c->u->nfb;
        FBlock stash[MAX_FBLOCKS];
        memcpy(stash, c->u->fb, sizeof stash);
        c->u->nfb = (int)(fb - c->u->fb);
        compile_stmts(c, body);
        memcpy(c->u->fb, stash, sizeof stash);
        c->u->nfb = saved_n;
        break;
    }
    case FB_FINALLY_END:
        emit(c, OPC_POP_BLOCK, 0);
        if (preserve_tos)
            emit(c, OPC_SWAP, 2);
        emit(c, OPC_POP_TOP, 0); /* the exception */
        if (preserve_tos)
            emit(c, OPC_SWAP, 2);
        emit(c, OPC_POP_EXCEPT, 0);
        break;
    case FB_HANDLER:
        if (fb->name) {
            emit(c, OPC_POP_BLOCK, 0);
            clear_handler_name(c, at, fb->name);
        }
        emit(c, OPC_POP_BLOCK, 0);
        if (preserve_tos)
            emit(c, OPC_SWAP, 2);
        emit(c, OPC_POP_EXCEPT, 0);
        break;
    }
}

/* Unwinds every fblock up to (not including) the innermost loop; returns
 * that loop, or NULL (unwinding all) when loop is false. */
static FBlock *unwind_to(Comp *c, Node *at, bool loop, bool preserve_tos)
{
    for (int i = c->u->nfb - 1; i >= 0; i--) {
        FBlock *fb = &c->u->fb[i];
        if (loop && (fb->kind == FB_WHILE || fb->kind == FB_FOR))
            return fb;
        unwind_fblock(c, at, fb, preserve_tos);
    }
    return NULL;
}

/* ---------- statements ---------- */
static void compile_if(Comp *c, Node *n)
{
    int other = new_label(c), end = new_label(c);
    compile_jump_if(c, n->a, false, n->l2.len ? other : end);
    compile_stmts(c, &n->l1);
    if (n->l2.len) {
        emit(c, OPC_JUMP, end);
        place(c, other);
        compile_stmts(c, &n->l2);
    }
    place(c, end);
}

static void compile_while(Comp *c, Node *n)
{
    int start = new_label(c), exit = new_label(c), orelse = new_label(c);
    place(c, start);
    compile_jump_if(c, n->a, false, orelse);
    if (!push_fblock(c, n, (FBlock){.kind = FB_WHILE, .start = start, .exit = exit}))
        return;
    compile_stmts(c, &n->l1);
    pop_fblock(c);
    set_pos(c, n);
    emit(c, OPC_JUMP, start);
    place(c, orelse);
    compile_stmts(c, &n->l2);
    place(c, exit);
}

static void compile_for(Comp *c, Node *n)
{
    int start = new_label(c), cleanup = new_label(c), exit = new_label(c);
    compile_operand(c, n->b);
    set_pos(c, n);
    emit(c, OPC_GET_ITER, 0);
    place(c, start);
    set_pos(c, n);
    emit(c, OPC_FOR_ITER, cleanup);
    if (!push_fblock(c, n, (FBlock){.kind = FB_FOR, .start = start, .exit = exit}))
        return;
    compile_store(c, n->a);
    compile_stmts(c, &n->l1);
    pop_fblock(c);
    set_pos(c, n);
    emit(c, OPC_JUMP, start);
    place(c, cleanup);
    compile_stmts(c, &n->l2);
    place(c, exit);
}

static void compile_return(Comp *c, Node *n)
{
    if (c->u->scope->kind != SCOPE_FUNCTION) {
        diag_set(c->d, DIAG_SYNTAX, n->line, n->col, "'return' outside function");
        return;
    }
    if (n->a)
        compile_expr(c, n->a);
    else
        load_const(c, Py_None);
    set_pos(c, n);
    unwind_to(c, n, false, true);
    set_pos(c, n);
    emit(c, OPC_RETURN_VALUE, 0);
}

static void compile_break_continue(Comp *c, Node *n)
{
    FBlock *loop = unwind_to(c, n, true, false);
    if (!loop) {
        diag_set(c->d, DIAG_SYNTAX, n->line, n->col, n->kind == S_BREAK ? "'break' outside loop"
                                                                       : "'continue' not properly in loop");
        return;
    }
    set_pos(c, n);
    if (n->kind == S_BREAK) {
        if (loop->kind == FB_FOR)
            emit(c, OPC_POP_TOP, 0);
        emit(c, OPC_JUMP, loop->exit);
    } else {
        emit(c, OPC_JUMP, loop->start);
    }
}

static void compile_try_except(Comp *c, Node *n)
{
    int handler = new_label(c), cleanup = new_label(c), orelse = new_label(c), end = new_label(c);
    emit(c, OPC_SETUP_EXCEPT, handler);
    if (!push_fblock(c, n, (FBlock){.kind = FB_EXCEPT}))
        return;
    compile_stmts(c, &n->l1);
    pop_fblock(c);
    emit(c, OPC_POP_BLOCK, 0);
    emit(c, OPC_JUMP, orelse);
    place(c, handler);
    emit(c, OPC_PUSH_EXC_INFO, 0);
    emit(c, OPC_SETUP_CLEANUP, cleanup);
    for (int i = 0; i < n->l2.len && !c->d->set; i++) {
        Node *h = n->l2.items[i];
        set_pos(c, h);
        if (!h->a && i != n->l2.len - 1) {
            diag_set(c->d, DIAG_SYNTAX, h->line, h->col, "default 'except:' must be last");
            return;
        }
        int next = new_label(c);
        if (h->a) {
            compile_expr(c, h->a);
            set_pos(c, h);
            emit(c, OPC_CHECK_EXC_MATCH, 0);
            emit(c, OPC_POP_JUMP_IF_FALSE, next);
        }
        if (h->name) {
            int name_cleanup = new_label(c);
            compile_name(c, h, h->name, CTX_STORE);
            emit(c, OPC_SETUP_EXCEPT, name_cleanup);
            if (!push_fblock(c, h, (FBlock){.kind = FB_HANDLER, .name = ev_intern(h->name)}))
                return;
            compile_stmts(c, &h->l1);
            pop_fblock(c);
            emit(c, OPC_POP_BLOCK, 0);
            clear_handler_name(c, h, h->name);
            emit(c, OPC_POP_BLOCK, 0);
            emit(c, OPC_POP_EXCEPT, 0);
            emit(c, OPC_JUMP, end);
            place(c, name_cleanup);
            clear_handler_name(c, h, h->name);
            emit(c, OPC_RERAISE, 0);
        } else {
            emit(c, OPC_POP_TOP, 0);
            if (!push_fblock(c, h, (FBlock){.kind = FB_HANDLER}))
                return;
            compile_stmts(c, &h->l1);
            pop_fblock(c);
            emit(c, OPC_POP_BLOCK, 0);
            emit(c, OPC_POP_EXCEPT, 0);
            emit(c, OPC_JUMP, end);
        }
        place(c, next);
    }
    emit(c, OPC_RERAISE, 0);
    place(c, cleanup);
    emit(c, OPC_POP_EXCEPT_AND_RERAISE, 0);
    place(c, orelse);
    compile_stmts(c, &n->l3);
    place(c, end);
}

static void compile_try(Comp *c, Node *n)
{
    if (!n->l4.len) {
        compile_try_except(c, n);
        return;
    }
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    emit(c, OPC_SETUP_EXCEPT, handler);
    if (!push_fblock(c, n, (FBlock){.kind = FB_FINALLY_TRY, .finalbody = &n->l4}))
        return;
    if (n->l2.len) {
        compile_try_except(c, n);
    } else {
        compile_stmts(c, &n->l1);
    }
    pop_fblock(c);
    emit(c, OPC_POP_BLOCK, 0);
    compile_stmts(c, &n->l4);
    emit(c, OPC_JUMP, end);
    place(c, handler);
    emit(c, OPC_PUSH_EXC_INFO, 0);
    emit(c, OPC_SETUP_CLEANUP, cleanup);
    if (!push_fblock(c, n, (FBlock){.kind = FB_FINALLY_END}))
        return;
    compile_stmts(c, &n->l4);
    pop_fblock(c);
    emit(c, OPC_POP_BLOCK, 0);
    emit(c, OPC_POP_EXCEPT_AND_RERAISE, 0);
    place(c, cleanup);
    emit(c, OPC_POP_EXCEPT_AND_RERAISE, 0);
    place(c, end);
}

static CodeObj *compile_function_body(Comp *c, Scope *s, Node *n, NodeList *params, NodeList *body,
                                      Node *expr_body)
{
    if (!s) {
        error_at(c, n, "internal error: function scope missing");
        return NULL;
    }
    unit_push(c, s, n);
    Unit *u = c->u;
    for (int i = 0; i < params->len; i++) {
        int k = params->items[i]->op;
        if (k == PARAM_PLAIN)
            u->argcount++;
        else if (k == PARAM_KWONLY)
            u->kwonly++;
        else if (k == PARAM_STAR)
            u->flags |= CO_VARARGS;
        else
            u->flags |= CO_VARKEYWORDS;
    }
    if (expr_body) {
        compile_expr(c, expr_body);
        emit(c, OPC_RETURN_VALUE, 0);
    } else {
        compile_stmts(c, body);
    }
    CodeObj *co = c->d->set ? NULL : unit_finish(c, s->name, s->qualname);
    unit_pop(c);
    if (co)
        temp(c, &co->h);
    return co;
}

static void compile_def(Comp *c, Node *n)
{
    Scope *s = sym_child(c->u->scope, n);
    CodeObj *co = compile_function_body(c, s, n, &n->l1, &n->l2, NULL);
    if (!co)
        return;
    set_pos(c, n);
    make_function(c, co, &n->l1);
    compile_name(c, n, n->name, CTX_STORE);
}

static void compile_class(Comp *c, Node *n)
{
    if (n->l1.len > 1 || n->l3.len) {
        error_at(c, n, n->l3.len ? "class keywords are not supported by memviz"
                                 : "multiple inheritance is not supported by memviz");
        return;
    }
    for (int i = 0; i < n->l1.len; i++)
        if (n->l1.items[i]->kind == E_STARRED || n->l1.items[i]->kind == E_KEYWORD) {
            error_at(c, n, "class arguments are not supported by memviz");
            return;
        }
    Scope *s = sym_child(c->u->scope, n);
    unit_push(c, s, n);
    c->u->flags |= CO_CLASSBODY;
    compile_name(c, n, "__name__", CTX_LOAD);
    compile_name(c, n, "__module__", CTX_STORE);
    load_str_const(c, s->qualname);
    compile_name(c, n, "__qualname__", CTX_STORE);
    compile_stmts(c, &n->l2);
    if (s->needs_class_cell) {
        emit(c, OPC_LOAD_CLOSURE, deref_index(c->u, ev_intern("__class__")));
        emit(c, OPC_COPY, 1);
        compile_name(c, n, "__classcell__", CTX_STORE);
    } else {
        load_const(c, Py_None);
    }
    emit(c, OPC_RETURN_VALUE, 0);
    CodeObj *co = c->d->set ? NULL : unit_finish(c, n->name, s->qualname);
    unit_pop(c);
    if (!co)
        return;
    temp(c, &co->h);
    set_pos(c, n);
    make_function(c, co, NULL);
    load_str_const(c, n->name);
    for (int i = 0; i < n->l1.len; i++)
        compile_expr(c, n->l1.items[i]);
    set_pos(c, n);
    emit(c, OPC_BUILD_CLASS, n->l1.len);
    compile_name(c, n, n->name, CTX_STORE);
}

static void compile_import(Comp *c, Node *n)
{
    for (int i = 0; i < n->l1.len; i++) {
        Node *al = n->l1.items[i];
        if (strchr(al->name, '.')) {
            error_at(c, al, "memviz's built-in modules have no submodules");
            return;
        }
        emit(c, OPC_IMPORT_NAME, add_name(c, al->name));
        compile_name(c, al, al->str ? al->str : al->name, CTX_STORE);
    }
}

static void compile_import_from(Comp *c, Node *n)
{
    emit(c, OPC_IMPORT_NAME, add_name(c, n->name));
    for (int i = 0; i < n->l1.len; i++) {
        Node *al = n->l1.items[i];
        if (strcmp(al->name, "*") == 0) {
            error_at(c, al, "'from module import *' is not supported by memviz");
            return;
        }
        emit(c, OPC_IMPORT_FROM, add_name(c, al->name));
        compile_name(c, al, al->str ? al->str : al->name, CTX_STORE);
    }
    emit(c, OPC_POP_TOP, 0);
}

static void compile_stmt(Comp *c, Node *n)
{
    if (c->d->set)
        return;
    set_pos(c, n);
    switch (n->kind) {
    case S_EXPR:
        compile_expr(c, n->a);
        emit(c, OPC_POP_TOP, 0);
        break;
    case S_ASSIGN:
        compile_expr(c, n->a);
        for (int i = 0; i < n->l1.len; i++) {
            if (i < n->l1.len - 1)
                emit(c, OPC_COPY, 1);
            compile_store(c, n->l1.items[i]);
        }
        break;
    case S_AUGASSIGN: {
        Node *t = n->a;
        if (t->kind == E_NAME) {
            compile_name(c, t, t->name, CTX_LOAD);
            compile_expr(c, n->b);
            set_pos(c, n);
            emit(c, OPC_BINARY_OP, n->op | 0x100);
            compile_name(c, t, t->name, CTX_STORE);
        } else if (t->kind == E_ATTR) {
            compile_expr(c, t->a);
            emit(c, OPC_COPY, 1);
            set_pos(c, t);
            emit(c, OPC_LOAD_ATTR, add_name(c, t->name));
            compile_expr(c, n->b);
            set_pos(c, n);
            emit(c, OPC_BINARY_OP, n->op | 0x100);
            emit(c, OPC_SWAP, 2);
            emit(c, OPC_STORE_ATTR, add_name(c, t->name));
        } else if (t->kind == E_SUBSCRIPT) {
            compile_expr(c, t->a);
            compile_expr(c, t->b);
            emit(c, OPC_COPY, 2);
            emit(c, OPC_COPY, 2);
            set_pos(c, t);
            emit(c, OPC_BINARY_SUBSCR, 0);
            compile_expr(c, n->b);
            set_pos(c, n);
            emit(c, OPC_BINARY_OP, n->op | 0x100);
            emit(c, OPC_SWAP, 3);
            emit(c, OPC_SWAP, 2);
            emit(c, OPC_STORE_SUBSCR, 0);
        } else {
            diag_set(c->d, DIAG_SYNTAX, t->line, t->col, "'%s' is an illegal expression for augmented assignment",
                     t->kind == E_TUPLE ? "tuple" : t->kind == E_LIST ? "list" : "expression");
        }
        break;
    }
    case S_DEL:
        for (int i = 0; i < n->l1.len; i++)
            compile_delete(c, n->l1.items[i]);
        break;
    case S_PASS: break;
    case S_BREAK:
    case S_CONTINUE: compile_break_continue(c, n); break;
    case S_IF: compile_if(c, n); break;
    case S_WHILE: compile_while(c, n); break;
    case S_FOR: compile_for(c, n); break;
    case S_DEF: compile_def(c, n); break;
    case S_RETURN: compile_return(c, n); break;
    case S_CLASS: compile_class(c, n); break;
    case S_GLOBAL:
    case S_NONLOCAL: break;
    case S_IMPORT: compile_import(c, n); break;
    case S_IMPORTFROM: compile_import_from(c, n); break;
    case S_ASSERT: {
        int end = new_label(c);
        compile_jump_if(c, n->a, true, end);
        set_pos(c, n);
        if (n->b) {
            emit(c, OPC_PUSH_NULL, 0);
            emit(c, OPC_LOAD_ASSERTION_ERROR, 0);
            compile_expr(c, n->b);
            set_pos(c, n);
            emit(c, OPC_CALL, 1);
        } else {
            emit(c, OPC_LOAD_ASSERTION_ERROR, 0);
        }
        emit(c, OPC_RAISE, 1);
        place(c, end);
        break;
    }
    case S_RAISE:
        if (n->a)
            compile_expr(c, n->a);
        if (n->b)
            compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OPC_RAISE, n->a ? (n->b ? 2 : 1) : 0);
        break;
    case S_TRY: compile_try(c, n); break;
    case S_WITH: error_at(c, n, "'with' statements are not supported by memviz"); break;
    default: error_at(c, n, "statement not supported by memviz"); break;
    }
}

static void compile_stmts(Comp *c, NodeList *l)
{
    for (int i = 0; i < l->len && !c->d->set; i++)
        compile_stmt(c, l->items[i]);
}

/* ---------- entry ---------- */
static void release_temps(Comp *c)
{
    for (size_t i = c->ntemps; i-- > 0;)
        DECREF(c->temps[i]);
    free(c->temps);
    c->temps = NULL;
    c->ntemps = 0;
}

bool comp_module(Ast *ast, const char *filename, CompResult *out, Diag *d)
{
    memset(out, 0, sizeof *out);
    Comp c = {.d = d, .filename = ev_intern(filename)};
    c.top = sym_build(ast, d);
    if (!c.top)
        return false;
    c.consts = const_build(ast, d);
    if (!c.consts) {
        sym_free(c.top);
        return false;
    }
    unit_push(&c, c.top, NULL);
    compile_stmts(&c, &ast->body);
    CodeObj *co = d->set ? NULL : unit_finish(&c, "<module>", "<module>");
    while (c.u)
        unit_pop(&c);
    if (co) {
        out->code = co;
        out->literals = const_take_literals(c.consts, &out->nliterals);
    }
    release_temps(&c);
    const_free(c.consts);
    sym_free(c.top);
    if (!co && !d->set)
        diag_set(d, DIAG_SYNTAX, 1, 1, "out of memory while compiling");
    return co != NULL;
}

void comp_release(CompResult *r)
{
    for (int i = r->nliterals; i-- > 0;)
        ref_dec(r->literals[i], OWNER(OWN_AST, 0, 0, NULL));
    free(r->literals);
    r->literals = NULL;
    r->nliterals = 0;
    if (r->code)
        DECREF(r->code);
    r->code = NULL;
}
