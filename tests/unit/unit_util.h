/* unit_util: runs a MiniPy source string in-process, as run.c's run_job and
 * run_file do (parse, compile, a fresh __main__ module, vm_run_module), but
 * without a thread, and records the event stream into an array so the
 * tests can assert on it. The module stays alive after it has run, so a
 * test can look at its names and check the heap, until ut_finish ends it
 * (the module's names go, then the tree's constants and the code, as in
 * run_job) and ut_shutdown frees the runtime.
 *
 * Use one run per test function: ut_start(), ut_run(), asserts,
 * ut_finish(), asserts on the teardown events, ut_shutdown(). Check forks
 * every test, so each one starts from a fresh runtime. */
#ifndef MEMVIZ_UNIT_UTIL_H
#define MEMVIZ_UNIT_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comp.h"
#include "ev.h"
#include "heap.h"
#include "heapcheck.h"
#include "parse.h"
#include "run.h"
#include "types.h"
#include "vm.h"

typedef struct {
    /* every recorded event; EV_OUTPUT events carry the offset of their text
     * in `out` in `value` (their text pointer is not kept) */
    Event *ev;
    size_t nev, evcap;
    /* what the program printed */
    char *out;
    size_t outlen, outcap;
    /* events before this line are not recorded (0: all of them) */
    uint32_t from_line;
    /* index in ev of the first event of the run, and of the first one
     * after it (the module's teardown follows) */
    size_t run_begin, run_end;
    /* 0 the module ran to its end, 1 it raised (or hit a limit), 2 it
     * did not compile */
    int status;
    char exc_type[64];       /* the uncaught exception's type name, or "" */
    int heap_problems;       /* check_heap's result right after the run */
    bool check_each_line;    /* the VM verifies the heap at every line */
    CompResult cr;
    DictObj *globals;
    bool module_alive;
    Obj **roots;             /* references the harness holds: the tree's
                                literals, the module's code, its globals */
    size_t nroots;
} UtRun;

static inline void ut_sink(const Event *e, void *arg)
{
    UtRun *r = arg;
    if (r->from_line && e->line < r->from_line && e->kind != EV_OUTPUT)
        return;
    if (r->nev == r->evcap) {
        r->evcap = r->evcap ? r->evcap * 2 : 4096;
        r->ev = realloc(r->ev, r->evcap * sizeof *r->ev);
        if (!r->ev)
            abort();
    }
    Event c = *e;
    if (e->kind == EV_OUTPUT) {
        if (r->outlen + e->len + 1 > r->outcap) {
            r->outcap = (r->outlen + e->len + 1) * 2;
            r->out = realloc(r->out, r->outcap);
            if (!r->out)
                abort();
        }
        memcpy(r->out + r->outlen, e->text, e->len);
        c.value = (int64_t)r->outlen;
        r->outlen += e->len;
        r->out[r->outlen] = '\0';
        c.text = NULL;
    }
    r->ev[r->nev++] = c;
}

/* Starts the runtime, as run_file does, with events routed into r. */
static inline void ut_start(UtRun *r)
{
    memset(r, 0, sizeof *r);
    r->out = calloc(1, 1);
    r->outcap = 1;
    ev_on = true;
    ev_set_sink(ut_sink, r);
    heap_init(RUN_DEFAULT_MAX_HEAP);
    rt_init();
    vm.max_steps = vm.steps_left = RUN_DEFAULT_MAX_STEPS;
    vm.recursion_limit = 1000;
    rt_set_echo(false);
}

/* The heap check with the harness's own references as roots. */
static inline int ut_check_heap(UtRun *r)
{
    check_set_roots(r->roots, r->nroots);
    return check_heap(stderr);
}

/* Compiles and runs src as the module __main__ of file "test.py"; returns
 * r->status. The module stays alive (see ut_finish). */
static inline int ut_run(UtRun *r, const char *src)
{
    size_t len = strlen(src);
    exc_set_source("test.py", src, len);
    Diag d = {0};
    Ast *ast = parse_program(src, len, &d);
    if (!ast) {
        diag_print(stderr, "test.py", src, len, &d);
        return r->status = 2;
    }
    bool ok = comp_module(ast, "test.py", &r->cr, &d);
    ast_free(ast);
    if (!ok) {
        diag_print(stderr, "test.py", src, len, &d);
        return r->status = 2;
    }
    r->globals = (DictObj *)dict_new();
    if (!r->globals)
        abort();
    r->globals->t.role = ROLE_NAMES;
    Obj *name = str_from_c("__main__");
    dict_set_str(&r->globals->h, "__name__", name);
    DECREF(name);
    dict_set_str(&r->globals->h, "__doc__", Py_None);
    ref_inc(&r->globals->h, OWN_TEMP); /* the module steals one */
    Obj *mod = module_new("__main__", r->globals);
    if (mod) {
        dict_set_str(&vm.modules->h, "__main__", mod);
        DECREF(mod);
    }
    r->module_alive = true;

    r->nroots = (size_t)r->cr.nliterals + 2;
    r->roots = malloc(r->nroots * sizeof *r->roots);
    if (!r->roots)
        abort();
    for (int i = 0; i < r->cr.nliterals; i++)
        r->roots[i] = r->cr.literals[i];
    r->roots[r->nroots - 2] = &r->cr.code->h;
    r->roots[r->nroots - 1] = &r->globals->h;
    check_set_roots(r->roots, r->nroots);
    vm.check_refs = r->check_each_line;

    r->run_begin = r->nev;
    Obj *res = vm_run_module(r->cr.code, r->globals);
    r->run_end = r->nev;
    vm.check_refs = false;
    /* with the module's names, constants and any uncaught exception alive */
    r->heap_problems = ut_check_heap(r);
    if (res) {
        DECREF(res);
        r->status = 0;
    } else {
        r->status = 1;
        Obj *exc = rt_fetch_error();
        if (exc) {
            snprintf(r->exc_type, sizeof r->exc_type, "%s", type_name(exc));
            DECREF(exc);
        }
    }
    return r->status;
}

/* The object bound to name in the module's globals (borrowed), or NULL. */
static inline Obj *ut_global(UtRun *r, const char *name)
{
    return r->module_alive ? dict_get_str(&r->globals->h, name) : NULL;
}

/* Ends the module as run_job does: its names go, then the tree's
 * constants and the code. Events keep being recorded. */
static inline void ut_finish(UtRun *r)
{
    if (!r->module_alive)
        return;
    Obj *key = str_from_c("__main__");
    if (key) {
        dict_del(&vm.modules->h, key);
        DECREF(key);
    }
    table_clear(&r->globals->t, r->globals->h.addr);
    DECREF(r->globals);
    check_set_roots(NULL, 0);
    comp_release(&r->cr);
    rt_clear_error();
    r->module_alive = false;
}

/* Frees the runtime and everything recorded. */
static inline void ut_shutdown(UtRun *r)
{
    ut_finish(r);
    rt_shutdown();
    check_shutdown();
    ev_set_sink(NULL, NULL);
    ev_shutdown();
    free(r->ev);
    free(r->out);
    free(r->roots);
    memset(r, 0, sizeof *r);
}

/* ---- looking at events ---- */

static inline bool ut_is_ref(const Event *e)
{
    return e->kind == EV_INCREF || e->kind == EV_DECREF || e->kind == EV_MOVE;
}

static inline bool ut_owner_name(const Owner *w, const char *name)
{
    return w->kind == OWN_NAME && w->name && strcmp(w->name, name) == 0;
}

/* name X in the namespace dict at ns (module globals) */
static inline bool ut_owner_global(const Owner *w, const char *name, uint64_t ns)
{
    return ut_owner_name(w, name) && w->addr == ns;
}

/* name X as a local of the frame numbered serial */
static inline bool ut_owner_local(const Owner *w, const char *name, uint32_t serial)
{
    return ut_owner_name(w, name) && w->addr == 0 && w->index == serial;
}

static inline bool ut_owner_slot(const Owner *w, uint64_t container, uint32_t index)
{
    return w->kind == OWN_SLOT && w->addr == container && w->index == index;
}

/* Index of the first event in [from, to) of kind k about an object of
 * kind ok at line `line` (0: any line), or SIZE_MAX. */
static inline size_t ut_find(const UtRun *r, size_t from, size_t to, EvKind k, ObjKind ok, uint32_t line)
{
    for (size_t i = from; i < to && i < r->nev; i++) {
        const Event *e = &r->ev[i];
        if (e->kind == k && e->okind == ok && (!line || e->line == line))
            return i;
    }
    return SIZE_MAX;
}

/* The number of events in [from, to) of kind k about the object at addr. */
static inline size_t ut_count(const UtRun *r, size_t from, size_t to, EvKind k, uint64_t addr)
{
    size_t n = 0;
    for (size_t i = from; i < to && i < r->nev; i++)
        if (r->ev[i].kind == k && r->ev[i].addr == addr)
            n++;
    return n;
}

/* The serial of the first frame that runs function `fname`, or 0. */
static inline uint32_t ut_frame_of(const UtRun *r, const char *fname)
{
    for (size_t i = 0; i < r->nev; i++) {
        const Event *e = &r->ev[i];
        if (e->kind == EV_CALL && e->owner.name && strcmp(e->owner.name, fname) == 0)
            return (uint32_t)e->value;
    }
    return 0;
}

/* Prints events [from, to) in the --trace form (for failing tests). */
static inline void ut_dump(const UtRun *r, size_t from, size_t to, FILE *out)
{
    for (size_t i = from; i < to && i < r->nev; i++) {
        Event e = r->ev[i];
        if (e.kind == EV_OUTPUT)
            e.text = r->out + e.value;
        ev_print(out, i + 1, &e);
    }
}

/* ---- a map from addresses to small integers (per-object state) ---- */
typedef struct {
    uint64_t *keys;     /* 0: empty (no object lives at address 0) */
    int64_t *vals;
    size_t cap, len;
} UtMap;

static inline size_t ut_map_slot(const UtMap *m, uint64_t key)
{
    size_t j = (size_t)((key >> 4) * 0x9E3779B97F4A7C15ull) & (m->cap - 1);
    while (m->keys[j] && m->keys[j] != key)
        j = (j + 1) & (m->cap - 1);
    return j;
}

/* The value slot for key, created with `init` when missing. */
static inline int64_t *ut_map_at(UtMap *m, uint64_t key, int64_t init)
{
    if ((m->len + 1) * 2 > m->cap) {
        UtMap n = {0};
        n.cap = m->cap ? m->cap * 2 : 1024;
        n.keys = calloc(n.cap, sizeof *n.keys);
        n.vals = calloc(n.cap, sizeof *n.vals);
        if (!n.keys || !n.vals)
            abort();
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = ut_map_slot(&n, m->keys[i]);
                n.keys[j] = m->keys[i];
                n.vals[j] = m->vals[i];
            }
        n.len = m->len;
        free(m->keys);
        free(m->vals);
        *m = n;
    }
    size_t j = ut_map_slot(m, key);
    if (!m->keys[j]) {
        m->keys[j] = key;
        m->vals[j] = init;
        m->len++;
    }
    return &m->vals[j];
}

static inline bool ut_map_has(const UtMap *m, uint64_t key)
{
    return m->cap && m->keys[ut_map_slot(m, key)] == key;
}

static inline void ut_map_free(UtMap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- invariants of the whole stream ---- */

/* Each refcount event states the new count: an incref is one more than
 * the object's previous event said, a decref one less, a move the same,
 * and a new object starts at 1. Returns the index of the first event that
 * breaks this, or SIZE_MAX. */
static inline size_t ut_first_count_jump(const UtRun *r)
{
    UtMap rc = {0};
    size_t bad = SIZE_MAX;
    for (size_t i = 0; i < r->nev && bad == SIZE_MAX; i++) {
        const Event *e = &r->ev[i];
        if (e->kind == EV_ALLOC) {
            *ut_map_at(&rc, e->addr, 0) = 1;
            continue;
        }
        if (!ut_is_ref(e))
            continue;
        int64_t want = e->kind == EV_INCREF ? e->value - 1 : e->kind == EV_DECREF ? e->value + 1 : e->value;
        int64_t *last = ut_map_at(&rc, e->addr, want); /* first sighting: take it */
        if (*last != want)
            bad = i;
        *last = e->value;
    }
    ut_map_free(&rc);
    return bad;
}

/* A decref to 0 is followed by exactly one free of that address before any
 * other event about it; a free comes only after a decref to 0; after a
 * free the address is only seen again in a new alloc; an alloc never lands
 * on a live object. Returns the index of the first event that breaks
 * this, or SIZE_MAX. */
enum { UT_UNSEEN, UT_LIVE, UT_DYING, UT_FREED };
static inline size_t ut_first_free_violation(const UtRun *r)
{
    UtMap st = {0};
    size_t bad = SIZE_MAX;
    for (size_t i = 0; i < r->nev && bad == SIZE_MAX; i++) {
        const Event *e = &r->ev[i];
        if (!ut_is_ref(e) && e->kind != EV_ALLOC && e->kind != EV_FREE && e->kind != EV_RAISE)
            continue;
        int64_t *s = ut_map_at(&st, e->addr, UT_UNSEEN);
        bool ok = true;
        switch (*s) {
        case UT_UNSEEN: /* allocated now, or before recording began */
        case UT_LIVE:
            if (e->kind == EV_FREE || (e->kind == EV_ALLOC && *s == UT_LIVE))
                ok = false;
            else if (e->kind == EV_DECREF && e->value == 0)
                *s = UT_DYING;
            else
                *s = UT_LIVE;
            break;
        case UT_DYING:
            ok = e->kind == EV_FREE;
            *s = UT_FREED;
            break;
        case UT_FREED:
            ok = e->kind == EV_ALLOC;
            *s = UT_LIVE;
            break;
        }
        if (!ok)
            bad = i;
    }
    ut_map_free(&st);
    return bad;
}

#endif
