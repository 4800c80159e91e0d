/* rt: the runtime API every type module and the VM use: allocation,
 * reference counting with owners, raising exceptions, and the generic
 * object protocol (repr, truth, compare, attributes, items, calls).
 *
 * Error convention (as CPython): functions returning Obj* return NULL with
 * an exception set; functions returning int return -1 with an exception set.
 * Results are new references unless the comment says "borrowed". */
#ifndef MEMVIZ_RT_H
#define MEMVIZ_RT_H

#include <stdarg.h>

#include "ev.h"
#include "obj.h"
#include "ops.h"

/* ---------- reference counting ---------- */
void obj_dealloc(Obj *o);

static inline void ref_inc(Obj *o, Owner w)
{
    o->refcnt++;
    if (ev_on) {
        if (ev_ring_only)
            ev_ring_ref(EV_INCREF, o, &w, NULL);
        else
            ev_ref(EV_INCREF, o, w);
    }
}

static inline void ref_dec(Obj *o, Owner w)
{
    o->refcnt--;
    if (ev_on) {
        if (ev_ring_only)
            ev_ring_ref(EV_DECREF, o, &w, NULL);
        else
            ev_ref(EV_DECREF, o, w);
    }
    if (o->refcnt == 0)
        obj_dealloc(o);
}

static inline void ref_xdec(Obj *o, Owner w)
{
    if (o)
        ref_dec(o, w);
}

/* Hands a reference from one owner to another (no count change). */
static inline void ref_move(Obj *o, Owner from, Owner to)
{
    if (ev_on) {
        if (ev_ring_only)
            ev_ring_ref(EV_MOVE, o, &to, &from);
        else
            ev_move(o, from, to);
    }
}

/* A new reference for a temporary: incref owned by OWN_TEMP. */
static inline Obj *ref_new(Obj *o)
{
    ref_inc(o, OWN_TEMP);
    return o;
}
#define DECREF(o) ref_dec((Obj *)(o), OWN_TEMP)
#define XDECREF(o) ref_xdec((Obj *)(o), OWN_TEMP)

/* ---------- allocation ---------- */
/* A new object of `kind` with `csize` host bytes (zeroed past the header)
 * and `simsize` simulated bytes; NULL with MemoryError past the heap limit.
 * Containers are GC-tracked by the caller once their fields are valid. */
Obj *obj_alloc(ObjKind kind, TypeObj *type, size_t csize, uint32_t simsize);
/* An immortal object in the static area (startup only). */
Obj *obj_alloc_static(ObjKind kind, TypeObj *type, size_t csize, uint32_t simsize);
void obj_gc_track(Obj *o);
void obj_gc_untrack(Obj *o);

/* ---------- builtin types (immortal) ---------- */
extern TypeObj type_object, type_type, type_none, type_bool, type_int,
    type_float, type_str, type_list, type_tuple, type_dict, type_set,
    type_frozenset, type_range, type_slice, type_function, type_builtin,
    type_method, type_module, type_cell, type_code, type_traceback,
    type_frame, type_generator, type_c_long, type_c_int, type_c_ssize_t,
    type_list_iterator, type_tuple_iterator, type_str_iterator,
    type_range_iterator, type_dict_keyiterator, type_dict_valueiterator,
    type_dict_itemiterator, type_set_iterator, type_reversed,
    type_list_reverseiterator, type_enumerate, type_zip, type_map,
    type_filter, type_callable_iterator, type_dict_keys, type_dict_values,
    type_dict_items, type_method_descriptor, type_NotImplemented, type_super;

/* Exception classes, by the order of exc_names in t_exc.c. */
typedef enum {
    EXC_BaseException, EXC_SystemExit, EXC_KeyboardInterrupt, EXC_Exception,
    EXC_ArithmeticError, EXC_ZeroDivisionError, EXC_OverflowError,
    EXC_AssertionError, EXC_AttributeError, EXC_LookupError, EXC_IndexError,
    EXC_KeyError, EXC_MemoryError, EXC_NameError, EXC_UnboundLocalError,
    EXC_RuntimeError, EXC_RecursionError, EXC_NotImplementedError,
    EXC_StopIteration, EXC_TypeError, EXC_ValueError, EXC_UnicodeError,
    EXC_ImportError, EXC_ModuleNotFoundError, EXC_SyntaxError,
    EXC_COUNT
} ExcId;
extern TypeObj *exc_types[EXC_COUNT];
#define EXC(name) (exc_types[EXC_##name])

void rt_init(void);      /* types, singletons, builtins, modules */
void rt_shutdown(void);  /* frees every host allocation of the runtime */

/* ---------- exceptions ---------- */
/* Sets the current exception to a new instance of type with the formatted
 * message; returns NULL so callers can `return rt_raise(...)`. */
Obj *rt_raise(TypeObj *type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int rt_raise_int(TypeObj *type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Obj *rt_raise_obj(Obj *exc);       /* steals exc (an exception instance) */
Obj *rt_no_memory(void);           /* MemoryError */
bool rt_error_occurred(void);
bool rt_error_matches(TypeObj *type);
Obj *rt_fetch_error(void);         /* takes the current exception (new ref) */
void rt_clear_error(void);
bool rt_is_subclass(TypeObj *t, TypeObj *base);
bool rt_isinstance(Obj *o, TypeObj *t);
static inline TypeObj *TYPE(Obj *o) { return o->type; }

/* ---------- constructors ---------- */
Obj *int_new(int64_t v);
Obj *bool_new(bool b);              /* new ref to True or False */
Obj *float_new(double v);
Obj *str_new(const char *s, size_t len);   /* UTF-8, validated by caller */
Obj *str_from_c(const char *s);
Obj *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
StrObj *str_intern(const char *s);  /* shared identifier string (borrowed, immortal) */
StrObj *str_intern_lit(const char *lit); /* the same for a string literal, cached by address */
Obj *str_intern_obj(Obj *s);        /* sys.intern: steals s, returns the shared one */
Obj *str_char(uint32_t cp);         /* one-character string (latin-1 ones shared) */
bool str_is_identifier_like(const char *s, size_t len);
Obj *list_new(size_t len);          /* items NULL-filled; caller sets them */
Obj *list_new_capacity(size_t len, size_t cap);
int list_append(Obj *list, Obj *item);      /* increfs item (owner: slot) */
int list_append_take(Obj *list, Obj *item); /* steals item */
int list_resize(ListObj *l, size_t newsize);
Obj *tuple_new(size_t len);                 /* items NULL-filled */
Obj *tuple_pack(int n, ...);                /* increfs each item */
Obj *dict_new(void);
Obj *dict_new_presized(size_t n, bool unicode); /* n pairs; unicode: all keys str */
Obj *set_new(bool frozen);
Obj *range_new(int64_t start, int64_t stop, int64_t step);
Obj *slice_new(Obj *start, Obj *stop, Obj *step);
Obj *cell_new(Obj *ref);
Obj *method_new(Obj *func, Obj *self);
Obj *builtin_new(const BuiltinDef *def, Obj *self, TypeObj *objclass);
Obj *iter_new(TypeObj *type, IterKind k, Obj *seq);

/* ---------- dict/table ---------- */
void table_init(DictTable *t);
void table_free(DictTable *t);
/* Lookup: returns the borrowed value or NULL (no error) / NULL + error. */
Obj *table_get(DictTable *t, Obj *key, int64_t hash);
Obj *table_get_str(DictTable *t, StrObj *key);
/* The entry number of key in t: -1 when absent (str keys never fail). */
int64_t table_index_str(DictTable *t, StrObj *key);
/* Stores key/value: increfs both with owners of container `owner_addr`. */
int table_set(DictTable *t, uint64_t owner_addr, Obj *key, int64_t hash, Obj *value);
int table_del(DictTable *t, uint64_t owner_addr, Obj *key, int64_t hash); /* 0, 1 missing, -1 error */
size_t table_size_bytes(const DictTable *t);  /* CPython's keys-object bytes */
Obj *dict_get_str(Obj *dict, const char *key);          /* borrowed or NULL */
int dict_set_str(Obj *dict, const char *key, Obj *value);
Obj *dict_get(Obj *dict, Obj *key);                     /* borrowed, NULL: missing/error */
int dict_set(Obj *dict, Obj *key, Obj *value);
int dict_del(Obj *dict, Obj *key);                      /* 0, 1 missing, -1 error */
int set_add(Obj *set, Obj *key);
int set_contains(Obj *set, Obj *key);

/* ---------- protocol ---------- */
Obj *obj_repr(Obj *o);              /* a str */
Obj *obj_str(Obj *o);               /* a str */
int obj_truth(Obj *o);
int obj_eq(Obj *a, Obj *b);         /* 1, 0, -1 error */
bool obj_hash(Obj *o, int64_t *out);/* false with TypeError for unhashable */
Obj *obj_compare(Obj *a, Obj *b, int cmpop);
Obj *obj_binop(Obj *a, Obj *b, int op, bool inplace);
Obj *obj_unary(Obj *a, int op);
Obj *obj_getattr(Obj *o, StrObj *name);
Obj *obj_getattr_opt(Obj *o, StrObj *name);  /* NULL without error when missing */
int obj_setattr(Obj *o, StrObj *name, Obj *value);   /* value NULL: delete */
Obj *obj_getitem(Obj *o, Obj *key);
int obj_setitem(Obj *o, Obj *key, Obj *value);       /* value NULL: delete */
int obj_contains(Obj *container, Obj *item);
Obj *obj_iter(Obj *o);
Obj *iter_next(Obj *it);            /* NULL without error: exhausted */
int64_t obj_len(Obj *o);            /* -1 on error */
Obj *obj_call(Obj *callable, Obj **args, int nargs, TupleObj *kwnames);
Obj *obj_call0(Obj *callable);
Obj *obj_call1(Obj *callable, Obj *arg);
Obj *type_lookup(TypeObj *t, StrObj *name);  /* borrowed, through the mro */
int64_t obj_sizeof(Obj *o);         /* sys.getsizeof */
const char *type_name(Obj *o);

/* int helpers. Those taking an int accept an int or a bool and raise
 * TypeError for anything else. They differ in what an int outside int64
 * does, as CPython's C converters do:
 * int_as_index: OverflowError "cannot fit 'int' into an index-sized
 *   integer" (sequence repeat counts, __len__ results);
 * int_as_subscript: IndexError with the same words (seq[i]);
 * int_as_ssize: OverflowError "Python int too large to convert to C
 *   ssize_t" (list.pop, str.center and other Py_ssize_t arguments);
 * int_as_cint: OverflowError "Python int too large to convert to C int",
 *   already past the range of a C int (chr, sorted's reverse);
 * int_as_clamped: never fails for ints, saturates (slice bounds). */
bool int_as_index(Obj *o, int64_t *out);
/* An int, a bool, or an instance whose class defines __index__. */
bool obj_index_like(Obj *o);
/* operator.index(o): a new reference to an int (__index__ for instances). */
Obj *num_index(Obj *o);
bool int_as_subscript(Obj *o, int64_t *out);
bool int_as_ssize(Obj *o, int64_t *out);
bool int_as_cint(Obj *o, int *out);
bool int_as_clamped(Obj *o, int64_t *out);
/* float(o) of an int or bool: false with OverflowError "int too large to
 * convert to float" when it is out of range. */
bool int_as_double(Obj *o, double *out);
/* An int from a BigInt (bigint.h), whose value it takes (b is left 0):
 * an ordinary int64 int when the value fits, else a big one. NULL with
 * MemoryError past the heap limit. */
Obj *int_from_big(BigInt *b);
/* An int's digits in base 2, 8, 10 or 16 as a str ('-' first if negative;
 * 0b/0o/0x after it with prefix, as bin/oct/hex), for any int or bool.
 * NULL with ValueError for more than 4300 decimal digits (CPython's
 * int_max_str_digits). */
Obj *int_to_base_str(Obj *o, int base, bool prefix, bool upper);
Obj *float_repr(Obj *o);
Obj *int_repr(Obj *o);

/* str helpers */
Obj *str_concat(Obj *a, Obj *b);
Obj *str_join(Obj *sep, Obj *iterable);
bool str_eq(StrObj *a, StrObj *b);
int64_t str_hash(StrObj *s);
Obj *str_repr(Obj *o);
uint32_t str_char_at(StrObj *s, size_t i);  /* code point i */

/* sequences */
Obj *list_repr(Obj *o);
Obj *seq_getslice(Obj *o, Obj *slice);
int slice_indices(Obj *slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen);
Obj *list_sort(ListObj *l, Obj *key, bool reverse);
Obj *list_from_iter(Obj *iterable);
Obj *tuple_from_iter(Obj *iterable);
int rt_repr_enter(Obj *o);   /* 1: already being printed (recursion), -1: too deep */
void rt_repr_leave(Obj *o);

/* Method tables for builtin types, looked up by LOAD_METHOD / getattr. */
Obj *builtin_method_lookup(TypeObj *t, StrObj *name);   /* borrowed */

/* Output of print(): recorded as an event and written to stdout. */
void rt_write(const char *s, size_t len);
/* false: program output only as events (--trace), not on stdout. */
void rt_set_echo(bool on);

#endif
