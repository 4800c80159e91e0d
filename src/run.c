/* run: reads a scenario, compiles it, runs it on a thread with a large
 * stack (deep but bounded C recursion must never meet the host's limit),
 * reports errors as CPython does, and frees everything. */
#include "run.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heapcheck.h"
#include "comp.h"
#include "heap.h"
#include "parse.h"
#include "types.h"
#include "vm.h"
#include "xmem.h"

enum { MAX_SOURCE = 8 << 20 }; /* bounds the tree and code built from it */
#define RUN_STACK_SIZE ((size_t)1 << 30)
/* Events kept by the recorder in batch mode (a ring: the newest ones). */
#define RUN_RECORD_EVENTS ((size_t)1 << 18)

void rt_init(void);
void rt_shutdown(void);

static char *read_file(const char *path, size_t *len, int *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = errno;
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap >= MAX_SOURCE) {
                fclose(f);
                free(buf);
                *err = EFBIG;
                return NULL;
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        *err = EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

static void trace_sink(const Event *e, void *arg)
{
    (void)arg;
    ev_print(stdout, ev_count(), e);
}

typedef struct {
    const RunOptions *opt;
    const char *src;
    size_t len;
    int status;
} Job;

static void report_limit(const RunOptions *opt)
{
    fprintf(stderr, "memviz: %s: stopped after %lld instructions: the step limit (--max-steps %lld) was reached\n",
            opt->file, (long long)opt->max_steps, (long long)opt->max_steps);
}

static void *run_job(void *arg)
{
    Job *job = arg;
    const RunOptions *opt = job->opt;
    Diag d = {0};
    Ast *ast = parse_program(job->src, job->len, &d);
    if (!ast) {
        diag_print(stderr, opt->file, job->src, job->len, &d);
        job->status = 1;
        return NULL;
    }
    CompResult cr;
    bool ok = comp_module(ast, opt->file, &cr, &d);
    ast_free(ast);
    if (!ok) {
        diag_print(stderr, opt->file, job->src, job->len, &d);
        job->status = 1;
        return NULL;
    }
    DictObj *globals = (DictObj *)dict_new();
    if (!globals) {
        rt_clear_error();
        comp_release(&cr);
        fprintf(stderr, "memviz: the heap limit is too small for the scenario's module\n");
        job->status = 1;
        return NULL;
    }
    globals->t.role = ROLE_NAMES;
    Obj *name = str_from_c("__main__");
    dict_set_str(&globals->h, "__name__", name);
    DECREF(name);
    dict_set_str(&globals->h, "__doc__", Py_None);
    ref_inc(&globals->h, OWN_TEMP);
    Obj *mod = module_new("__main__", globals);
    if (mod) {
        dict_set_str(&vm.modules->h, "__main__", mod);
        DECREF(mod);
    }

    /* what this function holds itself: the code, globals, the literals */
    size_t nroots = (size_t)cr.nliterals + 2;
    Obj **roots = xmalloc(nroots * sizeof *roots);
    roots[0] = &cr.code->h;
    roots[1] = &globals->h;
    if (cr.nliterals)
        memcpy(roots + 2, cr.literals, (size_t)cr.nliterals * sizeof *roots);
    check_set_roots(roots, nroots);
    Obj *r = vm_run_module(cr.code, globals);
    check_set_roots(NULL, 0);
    free(roots);
    fflush(stdout);
    if (r) {
        DECREF(r);
        job->status = 0;
    } else if (vm.step_limit_hit) {
        rt_clear_error();
        report_limit(opt);
        job->status = 1;
    } else {
        Obj *exc = rt_fetch_error();
        if (exc) {
            exc_print(exc, stderr);
            DECREF(exc);
        }
        job->status = 1;
    }
    /* the module ends: its names go, then the tree's constants and code */
    Obj *key = str_from_c("__main__");
    if (key) {
        dict_del(&vm.modules->h, key);
        DECREF(key);
    }
    table_clear(&globals->t, globals->h.addr);
    DECREF(globals);
    comp_release(&cr);
    rt_clear_error();
    fflush(stdout);
    return NULL;
}

int run_file(const RunOptions *opt)
{
    size_t len = 0;
    int err = 0;
    char *src = read_file(opt->file, &len, &err);
    if (!src) {
        fprintf(stderr, "memviz: cannot read '%s': %s\n", opt->file,
                err == EFBIG ? "file too large (8 MiB at most)" : strerror(err));
        return 2;
    }
    /* the runtime's own start-up (builtin types, modules) is not the story */
    ev_on = false;
    heap_init(opt->max_heap);
    rt_init();
    ev_on = opt->events || opt->mode == RUN_TRACE;
    if (opt->mode == RUN_TRACE)
        ev_set_sink(trace_sink, NULL);
    else if (ev_on)
        ev_record_start(RUN_RECORD_EVENTS);
    vm.max_steps = vm.steps_left = opt->max_steps;
    vm.recursion_limit = 1000;
    vm.check_refs = opt->check_refs;
    exc_set_source(opt->file, src, len);
    rt_set_echo(opt->mode != RUN_TRACE);

    Job job = {opt, src, len, 1};
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, RUN_STACK_SIZE);
    if (pthread_create(&th, &attr, run_job, &job) != 0)
        run_job(&job); /* no thread: run on this stack, the limits still hold */
    else
        pthread_join(th, NULL);
    pthread_attr_destroy(&attr);

    fflush(stdout);
    rt_shutdown();
    check_shutdown();
    ev_set_sink(NULL, NULL);
    ev_shutdown();
    free(src);
    return job.status;
}
