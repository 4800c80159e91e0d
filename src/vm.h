/* vm: the bytecode interpreter. Python-to-Python calls push frames inside
 * one loop; C code (builtins, class creation, generators) re-enters the
 * loop through vm_call_function, bounded by the recursion limit. */
#ifndef MEMVIZ_VM_H
#define MEMVIZ_VM_H

#include <stdint.h>

#include "code.h"
#include "rt.h"

typedef struct {
    uint8_t kind;       /* BLOCK_EXCEPT (handler), BLOCK_CLEANUP */
    int handler;        /* instruction index */
    int level;          /* stack depth to unwind to */
} Block;

struct Frame {
    Frame *back;
    CodeObj *code;
    FuncObj *func;      /* owned; NULL for module code */
    DictObj *globals;   /* borrowed (func's or the module's) */
    DictObj *locals;    /* owned namespace for module/class bodies, else NULL */
    FrameObj *fobj;     /* materialised frame object (owned), or NULL */
    uint32_t serial;    /* the frame's number in events */
    int ip, line;
    int sp, nblocks;
    bool entry;         /* a C caller waits for this frame (stop here) */
    bool generator;     /* owned by a generator object */
    size_t size;        /* host bytes, also accounted in the simulated heap */
    Block *blocks;
    Obj **fast;         /* locals, then cells, then free variables */
    Obj **stack;
};

typedef struct Vm {
    int64_t max_steps;      /* instructions before the step limit */
    int64_t steps_left;     /* counts down from max_steps (one decrement per instruction) */
    int recursion_limit;    /* sys.getrecursionlimit() */
    int depth;              /* Python frames alive */
    int c_depth;            /* nested vm loops / C recursion */
    Frame *frame;           /* the innermost executing frame */
    Obj *exc;               /* exception being raised (owned), or NULL */
    Obj *handled;           /* sys.exc_info(): exception being handled (owned) */
    bool step_limit_hit;
    bool check_refs;        /* verify every refcount at each line (test hook) */
    bool yielded;           /* the last run() returned from YIELD_VALUE */
    uint32_t next_serial;
    DictObj *builtins;      /* the builtins namespace */
    DictObj *modules;       /* sys.modules */
} Vm;

extern Vm vm;

/* Runs a module code object in globals; returns its result (None) or NULL
 * with vm.exc set. */
Obj *vm_run_module(CodeObj *code, DictObj *globals);

/* Calls a Python function from C: arguments are borrowed (each is
 * incref'd into the callee's frame). */
Obj *vm_call_function(FuncObj *f, Obj **args, int nargs, TupleObj *kwnames);

/* Resumes a generator's frame until it yields (*done false) or returns. */
Obj *vm_resume_generator(GenObj *g, bool *done);

/* Frees a frame that is not executing (a finished generator's), dropping
 * every reference it holds. */
void vm_frame_release(Frame *f);

/* Every reference a frame holds, for traverse functions and the checker. */
void vm_frame_traverse(Frame *f, VisitFn visit, void *arg);

/* A frame object for f (materialised once, owned by the frame). */
FrameObj *vm_frame_object(Frame *f);

/* super() with no arguments: reads __class__ and the first argument of
 * the calling frame. */
Obj *vm_super_noargs(void);

/* Counts nested C-level recursion (repr of nested containers, calls from
 * builtins); false with RecursionError when too deep. */
bool vm_enter_c(const char *where);
void vm_leave_c(void);

#endif
