/* types: the per-kind functions each type module exports. obj.c puts the
 * traverse/clear/finish/size ones into kind_ops; proto.c dispatches the
 * protocol (repr, items, iteration, operators) to the others by kind.
 *
 * Conventions (rt.h): NULL / -1 mean an exception is set. X_binop and
 * X_compare return a new reference to Py_NotImplemented when they do not
 * handle the operand types, so proto.c can try the other operand and then
 * raise CPython's TypeError. X_new is the call of the type object itself
 * (list(x), str(x), dict(a=1)...), with vectorcall arguments: nargs
 * positional values in args, then one value per name in kwnames. */
#ifndef MEMVIZ_TYPES_H
#define MEMVIZ_TYPES_H

#include "rt.h"

#define KIND_FUNCS(x)                                                   \
    void x##_traverse(Obj *o, VisitFn visit, void *arg);                \
    void x##_clear(Obj *o);                                             \
    void x##_finish(Obj *o);                                            \
    size_t x##_size(Obj *o)

/* t_str.c */
KIND_FUNCS(str);
Obj *str_repr(Obj *o);
Obj *str_getitem(Obj *o, Obj *key);
int str_contains(Obj *o, Obj *item);
Obj *str_iter(Obj *o);
int64_t str_len(Obj *o);
Obj *str_binop(Obj *a, Obj *b, int op, bool inplace);   /* + * % */
Obj *str_compare(Obj *a, Obj *b, int cmpop);
Obj *str_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *str_format_value(Obj *value, Obj *spec);  /* format(value, spec) for f-strings */
extern const BuiltinDef str_methods[];
void str_shutdown(void);                       /* frees the interned table */

/* t_list.c */
KIND_FUNCS(list);
Obj *list_getitem(Obj *o, Obj *key);
int list_setitem(Obj *o, Obj *key, Obj *value);
int list_contains(Obj *o, Obj *item);
Obj *list_iter(Obj *o);
int64_t list_len(Obj *o);
Obj *list_binop(Obj *a, Obj *b, int op, bool inplace);  /* + * += *= */
Obj *list_compare(Obj *a, Obj *b, int cmpop);
Obj *list_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
int list_extend(Obj *list, Obj *iterable);
extern const BuiltinDef list_methods[];

/* t_tuple.c */
KIND_FUNCS(tuple);
Obj *tuple_repr(Obj *o);
Obj *tuple_getitem(Obj *o, Obj *key);
int tuple_contains(Obj *o, Obj *item);
Obj *tuple_iter(Obj *o);
int64_t tuple_len(Obj *o);
Obj *tuple_binop(Obj *a, Obj *b, int op, bool inplace);
Obj *tuple_compare(Obj *a, Obj *b, int cmpop);
bool tuple_hash(Obj *o, int64_t *out);
Obj *tuple_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
extern const BuiltinDef tuple_methods[];

/* t_dict.c */
KIND_FUNCS(dict);
Obj *dict_repr(Obj *o);
Obj *dict_getitem(Obj *o, Obj *key);
int dict_setitem(Obj *o, Obj *key, Obj *value);
int dict_contains(Obj *o, Obj *item);
Obj *dict_iter(Obj *o);
int64_t dict_len(Obj *o);
Obj *dict_binop(Obj *a, Obj *b, int op, bool inplace);  /* | |= */
Obj *dict_compare(Obj *a, Obj *b, int cmpop);
Obj *dict_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
int dict_update_from(Obj *dict, Obj *other);            /* dict or iterable of pairs */
void table_traverse(DictTable *t, uint64_t owner_addr, VisitFn visit, void *arg);
void table_clear(DictTable *t, uint64_t owner_addr);    /* drops every entry */
/* Iterates live entries: *pos starts at 0; false when done. Borrowed. */
bool table_next(const DictTable *t, size_t *pos, Obj **key, Obj **value);
extern const BuiltinDef dict_methods[];

/* t_set.c */
KIND_FUNCS(set);
Obj *set_repr(Obj *o);
int set_contains_obj(Obj *o, Obj *item);
Obj *set_iter(Obj *o);
int64_t set_len(Obj *o);
Obj *set_binop(Obj *a, Obj *b, int op, bool inplace);   /* | & - ^ */
Obj *set_compare(Obj *a, Obj *b, int cmpop);
Obj *set_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
bool set_next(Obj *set, size_t *pos, Obj **key);        /* borrowed */
extern const BuiltinDef set_methods[];

/* t_iter.c: range, slice, iterators, dict views */
KIND_FUNCS(range);
KIND_FUNCS(slice);
KIND_FUNCS(iter);
Obj *range_repr(Obj *o);
Obj *range_getitem(Obj *o, Obj *key);
int range_contains(Obj *o, Obj *item);
Obj *range_iter(Obj *o);
int64_t range_len(Obj *o);
Obj *range_compare(Obj *a, Obj *b, int cmpop);
Obj *range_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *slice_repr(Obj *o);
Obj *iter_repr(Obj *o);         /* views: dict_keys([...]); iterators: <... object at 0x...> */
Obj *iter_next_impl(Obj *it);   /* NULL without error: exhausted (and drops its sequence) */
int64_t iter_len(Obj *o);       /* dict views only; -1 + TypeError otherwise */
int iter_contains(Obj *o, Obj *item); /* dict views */
/* builtins implemented as iterator constructors */
Obj *enumerate_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *zip_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *map_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *filter_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *reversed_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);

/* t_num.c: None, bool, int, float, NotImplemented */
KIND_FUNCS(int);
KIND_FUNCS(float);
Obj *num_binop(Obj *a, Obj *b, int op, bool inplace);
Obj *num_compare(Obj *a, Obj *b, int cmpop);
Obj *num_unary(Obj *a, int op);
bool num_hash(Obj *o, int64_t *out);
/* format(v, spec[0..len)) of an int outside int64, appended to out (a
 * FmtBuf, fmt.h); false with the exception set. */
struct FmtBuf;
bool int_format_big(Obj *v, const char *spec, size_t len, struct FmtBuf *out);
Obj *int_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *float_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *bool_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
extern const BuiltinDef int_methods[], float_methods[];

/* builtins.c, mod_sys.c, mod_ctypes.c */
extern const BuiltinDef builtin_defs[];     /* print, len, ... (not the types) */
extern const BuiltinDef sys_defs[], ctypes_c_long_defs[];
Obj *cdata_value(Obj *o);                   /* c_long(...).value */
Obj *cdata_repr(Obj *o);                    /* c_long(5) */

/* Argument helpers for builtins: CPython-worded TypeErrors; the int ones
 * return 0, or -1 with the TypeError set. fname is the name CPython shows:
 * "len", "sys.getrefcount", "list.append".
 * arg_count: METH_O/METH_NOARGS wording when min == max is 0 or 1
 * ("len() takes exactly one argument (2 given)"), else as
 * arg_check_positional. max -1: no upper bound. */
int arg_count(const char *fname, int nargs, int min, int max);
/* _PyArg_CheckPositional's wording for any bounds:
 * "getattr expected at least 2 arguments, got 1", "sorted expected 1
 * argument, got 0". */
int arg_check_positional(const char *fname, int nargs, int min, int max);
int arg_no_kwargs(const char *fname, TupleObj *kwnames);
/* Finds keyword `name` among kwnames; returns the borrowed value or NULL. */
Obj *arg_kw(Obj **args, int nargs, TupleObj *kwnames, const char *name);
/* Argument Clinic's parsing, with its messages ("sum() takes at most 2
 * arguments (3 given)", "pow() missing required argument 'exp' (pos 2)",
 * "'x' is an invalid keyword argument for print()"). names: every
 * parameter in order, NULL-terminated; the first `posonly` are positional
 * only, those from index `maxpos` on keyword only, the first `required`
 * (<= maxpos) must be passed. out[i] gets parameter i's borrowed value or
 * NULL when not passed. For keyword-only parsing of a *args function pass
 * args + nargs and 0 positional arguments. */
int arg_parse(const char *fname, Obj **args, int nargs, TupleObj *kwnames,
              const char *const *names, int posonly, int maxpos, int required, Obj **out);

#endif

/* t_func.c: functions, methods, classes, instances, cells, modules, code,
 * frames, generators, super, builtin function objects */
KIND_FUNCS(func);
KIND_FUNCS(builtin);
KIND_FUNCS(method);
KIND_FUNCS(type);
KIND_FUNCS(instance);
KIND_FUNCS(module);
KIND_FUNCS(cell);
KIND_FUNCS(code);
KIND_FUNCS(frame);
KIND_FUNCS(gen);
KIND_FUNCS(super);
Obj *func_new(CodeObj *code, DictObj *globals, StrObj *qualname);
Obj *module_new(const char *name, DictObj *dict);  /* steals dict */
/* Creates a class: name, optional base (borrowed), namespace dict (borrowed,
 * copied as CPython's type_new does). */
Obj *class_new(const char *name, TypeObj *base, DictObj *ns);
TypeObj *type_new_builtin_exc(const char *name, TypeObj *base);
Obj *type_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
/* proto.c: a Python method called with self prepended, CPython's way. */
Obj *proto_call_prepend(FuncObj *fn, Obj *self, Obj **args, int nargs, TupleObj *kwnames);
Obj *instance_getattr(Obj *o, StrObj *name, bool raise);
int instance_setattr(Obj *o, StrObj *name, Obj *value);
DictObj *instance_dict(Obj *o);      /* materialises __dict__ (borrowed) */
void type_add_methods(TypeObj *t, const BuiltinDef *defs);
Obj *super_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames);
Obj *super_getattr(Obj *o, StrObj *name);
Obj *gen_new(Frame *f, StrObj *name);  /* takes ownership of the frame */

/* t_exc.c: exception instances and tracebacks */
KIND_FUNCS(exc);
KIND_FUNCS(traceback);
Obj *exc_new(TypeObj *t, Obj **args, int nargs);     /* instance with args */
Obj *exc_getattr(Obj *o, StrObj *name);              /* args, __traceback__... */
int exc_setattr(Obj *o, StrObj *name, Obj *value);
Obj *exc_str(Obj *o);
Obj *exc_repr(Obj *o);
int exc_add_traceback(Obj *exc, Frame *f, int line); /* prepends one entry */
void exc_init(void);
/* Prints "Traceback (most recent call last):" ... as CPython does. */
void exc_print(Obj *exc, FILE *out);
/* The scenario's text, for the source lines of printed tracebacks. */
void exc_set_source(const char *file, const char *src, size_t len);
