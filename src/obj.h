/* obj: the simulated CPython objects.
 *
 * Every object starts with the common header Obj. `kind` says which C layout
 * follows (and indexes the kind_ops table); `type` is the Python-level type
 * (a builtin type or a user class). Host memory for an object comes from the
 * xmalloc family; its simulated address and block come from heap.c.
 *
 * Reference counting: every change goes through ref_inc/ref_dec with an Owner
 * saying who takes or drops the reference; both emit events (ev.h). A function
 * that "steals" a reference says so in its comment; "borrowed" results are not
 * to be released by the caller; everything else returns a new reference. */
#ifndef MEMVIZ_OBJ_H
#define MEMVIZ_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Obj Obj;
typedef struct TypeObj TypeObj;

typedef enum {
    K_NONE, K_BOOL, K_INT, K_FLOAT, K_STR,
    K_LIST, K_TUPLE, K_DICT, K_SET, K_RANGE, K_SLICE,
    K_FUNC, K_BUILTIN, K_METHOD, K_TYPE, K_INSTANCE, K_EXC,
    K_MODULE, K_CELL, K_CODE, K_TRACEBACK, K_FRAME,
    K_ITER,      /* every iterator kind (IterObj.ikind says which) */
    K_GEN,       /* generator of a generator expression */
    K_CDATA,     /* ctypes.c_long.from_address(...) result */
    K_SUPER,     /* super() proxy */
    K_COUNT
} ObjKind;

enum {
    OF_IMMORTAL = 1,  /* shared object (None, small ints...): never freed */
    OF_TRACKED = 2,   /* in a GC generation list */
    OF_FINALIZED = 4, /* __del__ already ran (PEP 442) */
    OF_FREED = 8,     /* deallocation in progress */
    OF_INTERNED = 16, /* str in the interned table */
    OF_HOST_STATIC = 32, /* made by obj_alloc_static: host memory freed at shutdown */
    OF_GC_HEAD = 64,  /* its block starts with a GC head: id() is 16 bytes in */
};

struct Obj {
    int64_t refcnt;
    TypeObj *type;
    uint64_t addr;        /* id(): the simulated address */
    uint8_t kind;         /* ObjKind */
    uint8_t flags;
    uint8_t gen;          /* GC generation, when tracked */
    uint8_t hclass;       /* host size class of this struct (obj.c's free lists) */
    uint32_t block;       /* simulated bytes of its heap block */
    void *hpool;          /* heap.c: the pool holding the block (NULL: large or static) */
    Obj *gc_next, *gc_prev;
    int64_t gc_refs;
};

/* ---------- owners of references (who holds, who drops) ---------- */
typedef enum {
    OWN_NONE,      /* engine-internal temporary (a builtin's local) */
    OWN_NAME,      /* name `name` in frame `index` (its serial) */
    OWN_STACK,     /* value-stack entry `index` of frame `addr` (serial) */
    OWN_SLOT,      /* item `index` of the container at `addr` */
    OWN_KEY,       /* a dict key / set entry of the container at `addr` */
    OWN_ATTR,      /* attribute `name` of the object at `addr` */
    OWN_CELL,      /* closure cell at `addr` */
    OWN_CONST,     /* constant `index` of the code object at `addr` */
    OWN_AST,       /* the compiler's tree: one per literal in the source */
    OWN_FRAME,     /* the frame `index` itself (its function, its code) */
    OWN_ITER,      /* iterator at `addr` (its sequence / current state) */
    OWN_METHOD,    /* bound method at `addr` (__self__ / __func__) */
    OWN_TYPE,      /* class links: instance->class, class->base, mro */
    OWN_EXC,       /* exception state, traceback and exception links */
    OWN_FUNC,      /* function at `addr`: defaults, closure, globals */
    OWN_MODULE,    /* module registry / builtins */
    OWN_COUNT
} OwnKind;

typedef struct {
    uint8_t kind;
    uint32_t index;
    uint64_t addr;
    const char *name;  /* an ev_intern'ed string or NULL */
} Owner;

#define OWNER(k, a, i, n) ((Owner){(uint8_t)(k), (uint32_t)(i), (uint64_t)(a), (n)})
#define OWN_TEMP OWNER(OWN_NONE, 0, 0, NULL)

/* ---------- object layouts ---------- */
/* int and bool. An int that fits int64_t has its value in v and big NULL.
 * Any other int owns big (bigint.h: sign and base 2**30 digits, host
 * memory freed by int_finish) and has v saturated to INT64_MAX or
 * INT64_MIN by its sign, so code that reads only v still sees its sign and
 * truth, and a value clamped as slice bounds want. Bools are never big. */
typedef struct BigInt BigInt;
typedef struct { Obj h; int64_t v; BigInt *big; } IntObj;
typedef struct { Obj h; double v; } FloatObj;

typedef struct {
    Obj h;
    size_t len;        /* bytes of UTF-8 */
    size_t nchars;     /* code points */
    uint8_t width;     /* 1 ascii, 2 latin-1, 3 ucs-2, 4 ucs-4 (for getsizeof) */
    bool hashed;
    int64_t hash;
    char *s;           /* NUL-terminated UTF-8 */
} StrObj;

typedef struct { Obj h; size_t len, cap; Obj **items; } ListObj;
typedef struct { Obj h; size_t len; Obj **items; } TupleObj;

/* The hash table behind dicts, sets, instance attributes and namespaces:
 * insertion-ordered entries plus an open-addressing index, grown as
 * CPython 3.11 grows its dict keys (so sizes and order match). */
typedef struct {
    Obj *key;          /* NULL: deleted entry */
    Obj *value;
    int64_t hash;
} DictEntry;

enum { ROLE_DICT, ROLE_NAMES, ROLE_ATTRS }; /* how events name a table's owners */

typedef struct {
    uint8_t role;       /* ROLE_*: values owned as slots, names or attributes */
    size_t used;        /* live entries */
    size_t nentries;    /* entries used including deleted */
    size_t usable;      /* capacity of entries */
    uint8_t log2size;   /* index size = 1 << log2size; 0: no table yet */
    bool unicode_keys;  /* all keys str (entries are 16 bytes in CPython) */
    int64_t *index;     /* -1 empty, -2 dummy, else entry number */
    DictEntry *entries;
    uint64_t version;   /* new whenever a key may change entry (never reused) */
} DictTable;

typedef struct { Obj h; DictTable t; } DictObj;

/* Sets emulate CPython's setobject table (linear probing, perturbation)
 * so iteration order of ints and floats matches CPython exactly. */
typedef struct {
    Obj *key;          /* NULL empty; SET_DUMMY deleted */
    int64_t hash;
} SetEntry;

typedef struct {
    Obj h;
    size_t fill, used, mask;
    size_t finger;
    SetEntry *table;
    bool frozen;
} SetObj;

typedef struct { Obj h; int64_t start, stop, step, len; } RangeObj;
typedef struct { Obj h; Obj *start, *stop, *step; } SliceObj;

typedef struct CodeObj CodeObj;

typedef struct {
    Obj h;
    CodeObj *code;
    DictObj *globals;
    TupleObj *defaults;    /* or NULL */
    DictObj *kwdefaults;   /* or NULL */
    TupleObj *closure;     /* cells, or NULL */
    StrObj *name, *qualname;
    DictObj *dict;         /* function attributes, or NULL */
    TypeObj *owner_class;  /* borrowed: for super() without __class__ cell lookups */
} FuncObj;

typedef struct Vm Vm;
typedef Obj *(*BuiltinFn)(Obj *self, Obj **args, int nargs, TupleObj *kwnames);

typedef struct {
    const char *name;
    BuiltinFn fn;
    int minargs, maxargs;   /* -1 maxargs: any */
    bool kwargs;            /* accepts keyword arguments (fn checks names) */
    const char *doc;
    bool is_class;          /* bound to the type when looked up on it (from_address) */
    bool takes_tuple;       /* CPython passes an argument tuple (METH_VARARGS) */
} BuiltinDef;

typedef struct {
    Obj h;
    const BuiltinDef *def;
    Obj *self;              /* bound receiver (list.append bound to a list), module, or NULL */
    TypeObj *objclass;      /* for method descriptors: the type they belong to */
    bool is_descr;          /* a method descriptor in a type's dict */
} BuiltinObj;

typedef struct { Obj h; Obj *func; Obj *self; } MethodObj;

typedef struct { Obj h; DictTable attrs; DictObj *dict; } InstanceObj;
/* dict: the materialised __dict__ (then attrs is empty and unused) */

typedef struct {
    InstanceObj inst;
    TupleObj *args;
    Obj *traceback, *context, *cause;
    bool suppress_context;
} ExcObj;

struct TypeObj {
    Obj h;
    const char *name;       /* host string, owned for user classes */
    TypeObj *base;          /* NULL only for object */
    DictObj *dict;          /* class namespace */
    uint8_t inst_kind;      /* kind of its instances: K_INSTANCE, K_EXC, or builtin */
    bool user;              /* defined by the scenario */
    bool has_finalizer;     /* __del__ somewhere in the mro (looked up at creation) */
    int internal_refs;      /* references held by parts not modelled as objects */
    StrObj *qualname;
};

typedef struct { Obj h; const char *name; DictObj *dict; } ModuleObj;
typedef struct { Obj h; Obj *ref; } CellObj;

typedef struct { Obj h; Obj *next; Obj *frame; int lineno; } TracebackObj;

typedef struct Frame Frame;
typedef struct {
    Obj h;
    Frame *live;            /* the executing frame, or NULL once it ended */
    CodeObj *code;          /* owned */
    int lineno;
    Obj **locals;           /* owned, taken from the frame when it ended */
    int nlocals;
    Obj *func;              /* owned once the frame has ended */
} FrameObj;

typedef enum {
    IT_SEQ,       /* list, tuple, str by index */
    IT_RANGE, IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS, IT_SET,
    IT_REVERSED, IT_ENUMERATE, IT_ZIP, IT_MAP, IT_FILTER, IT_CALLABLE,
    IT_DICTVIEW_KEYS, IT_DICTVIEW_VALUES, IT_DICTVIEW_ITEMS, /* view objects */
    IT_COUNT
} IterKind;

typedef struct {
    Obj h;
    uint8_t ikind;
    Obj *seq;               /* the iterated object; dropped when exhausted */
    Obj *func;              /* map/filter function */
    TupleObj *its;          /* zip / map iterators */
    int64_t index, stop, step, count;
    size_t dict_used;       /* size guard for dict/set iteration */
} IterObj;

typedef struct { Obj h; Frame *frame; bool running, done; StrObj *name; } GenObj;
typedef struct { Obj h; uint64_t address; uint8_t bytes; } CDataObj;
typedef struct { Obj h; TypeObj *start; Obj *self; } SuperObj; /* lookups begin after start */

/* ---------- per-kind operations (ORDER ObjKind) ---------- */
typedef void (*VisitFn)(Obj **slot, Owner how, void *arg);

typedef struct {
    const char *name;                      /* C layout name for traces */
    bool gc;                               /* container: has a GC header */
    void (*traverse)(Obj *o, VisitFn visit, void *arg); /* every owned ref */
    void (*clear)(Obj *o);                 /* drop owned refs (tp_clear) */
    void (*finish)(Obj *o);                /* release host memory of the payload */
    size_t (*size)(Obj *o);                /* sys.getsizeof */
} KindOps;

extern const KindOps kind_ops[K_COUNT];

/* ---------- well-known objects (immortal) ---------- */
extern Obj *Py_None, *Py_True, *Py_False, *Py_NotImplemented;
extern TupleObj *empty_tuple;
extern StrObj *empty_str;

#define IS(o, k) ((o)->kind == (k))
#define AS_INT(o) (((IntObj *)(o))->v)
#define AS_BIG(o) (((IntObj *)(o))->big)    /* NULL unless outside int64 */
/* An int whose value is AS_INT (the VM's fast paths use only those). */
#define INT_IS_SMALL(o) ((o)->kind == K_INT && !AS_BIG(o))
#define AS_FLOAT(o) (((FloatObj *)(o))->v)
#define AS_STR(o) ((StrObj *)(o))
#define AS_LIST(o) ((ListObj *)(o))
#define AS_TUPLE(o) ((TupleObj *)(o))
#define AS_DICT(o) ((DictObj *)(o))
#define AS_SET(o) ((SetObj *)(o))
#define AS_TYPE(o) ((TypeObj *)(o))
#define AS_FUNC(o) ((FuncObj *)(o))
#define AS_INST(o) ((InstanceObj *)(o))
#define AS_EXC(o) ((ExcObj *)(o))

#endif
