/* builtins: the builtin functions of MiniPy (print, len, min, round...).
 * The builtin types (int, list, range, zip...) are type objects registered
 * by the runtime, not entries of this table.
 *
 * Every function follows BuiltinFn's contract: arguments are borrowed
 * (positional ones, then one per name of kwnames), the result is a new
 * reference, NULL means an exception is set. A builtin keeps no reference
 * once it returns: temporaries are released on every path.
 *
 * Messages are CPython 3.11's, word for word, since scenarios print them.
 * Each function checks its own arguments with the helper matching the
 * calling convention of its CPython counterpart (args.c). The table also
 * declares the counts, for the caller's generic check, only where that
 * check words its errors as CPython does for this builtin (METH_O, or a
 * range of counts); the others (exact counts of 2 or 3, keywords) are
 * declared open and checked inside. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "bigint.h"
#include "types.h"
#include "vm.h"

#define UNUSED_SELF (void)self

static bool is_intlike(Obj *o)
{
    return IS(o, K_INT) || IS(o, K_BOOL);
}

static bool is_number(Obj *o)
{
    return is_intlike(o) || IS(o, K_FLOAT);
}

/* CPython's clinic names None as "None", every other value by its type. */
static const char *arg_type_name(Obj *o)
{
    return o == Py_None ? "None" : type_name(o);
}

/* Checks a builtin that takes no keywords and min..max positional values
 * (METH_O wording for exactly one, _PyArg_CheckPositional's otherwise). */
static int pos_args(const char *name, int nargs, TupleObj *kwnames, int min, int max)
{
    if (arg_no_kwargs(name, kwnames) < 0)
        return -1;
    return arg_count(name, nargs, min, max);
}

static int one_arg(const char *name, int nargs, TupleObj *kwnames)
{
    return pos_args(name, nargs, kwnames, 1, 1);
}

/* Calls the special method `name` of o's class with o (and arg, when not
 * NULL). Only user classes are asked: the builtin types' behaviour is
 * implemented by the callers. *found tells whether the class has one. */
static Obj *call_special(Obj *o, const char *name, Obj *arg, bool *found)
{
    *found = false;
    if (!TYPE(o)->user)
        return NULL;
    Obj *meth = type_lookup(TYPE(o), str_intern(name));
    if (!meth || !IS(meth, K_FUNC))
        return NULL;
    *found = true;
    Obj *argv[2] = {o, arg};
    return obj_call(meth, argv, arg ? 2 : 1, NULL);
}

/* Raises StopIteration with empty args, as CPython's next() does. */
static Obj *raise_stop_iteration(void)
{
    Obj *exc = obj_call0((Obj *)EXC(StopIteration));
    if (!exc)
        return NULL;
    return rt_raise_obj(exc);
}

/* 1 true, 0 false, -1 error: CPython's PyObject_RichCompareBool for the
 * orderings (which have no identity shortcut). */
static int compare_bool(Obj *a, Obj *b, int cmpop)
{
    Obj *r = obj_compare(a, b, cmpop);
    if (!r)
        return -1;
    int t = obj_truth(r);
    DECREF(r);
    return t;
}

/* ---------- output ---------- */

/* Writes str(piece) to file, or to the program's output when file is NULL.
 * With a file, CPython looks up file.write for every piece, then calls it
 * with the str. 0, or -1 with an exception. */
static int write_obj(Obj *file, Obj *piece)
{
    Obj *write = NULL;
    if (file && !(write = obj_getattr(file, str_intern("write"))))
        return -1;
    Obj *s = obj_str(piece);
    if (!s) {
        XDECREF(write);
        return -1;
    }
    if (!write) {
        rt_write(AS_STR(s)->s, AS_STR(s)->len);
        DECREF(s);
        return 0;
    }
    Obj *r = obj_call1(write, s);
    DECREF(s);
    DECREF(write);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

/* The default separator or end: no str object is made for the program's
 * own output. */
static int write_text(Obj *file, const char *text)
{
    if (!file) {
        rt_write(text, strlen(text));
        return 0;
    }
    Obj *s = str_from_c(text);
    if (!s)
        return -1;
    int rc = write_obj(file, s);
    DECREF(s);
    return rc;
}

/* print's sep and end: None or a str. *out gets the str or NULL for None. */
static int print_str_arg(Obj *o, const char *what, Obj **out)
{
    *out = NULL;
    if (!o || o == Py_None)
        return 0;
    if (!rt_isinstance(o, &type_str))
        return rt_raise_int(EXC(TypeError), "%s must be None or a string, not %s", what,
                            type_name(o));
    *out = o;
    return 0;
}

static Obj *bi_print(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    Obj *kw[4];
    UNUSED_SELF;
    if (arg_parse("print", args + nargs, 0, kwnames, names, 0, 0, 0, kw) < 0)
        return NULL;
    int flush = 0;
    if (kw[3] && (flush = obj_truth(kw[3])) < 0)
        return NULL;
    Obj *file = kw[2] == Py_None ? NULL : kw[2];
    Obj *sep, *end;
    if (print_str_arg(kw[0], "sep", &sep) < 0 || print_str_arg(kw[1], "end", &end) < 0)
        return NULL;
    for (int i = 0; i < nargs; i++) {
        if (i > 0 && (sep ? write_obj(file, sep) : write_text(file, " ")) < 0)
            return NULL;
        if (write_obj(file, args[i]) < 0)
            return NULL;
    }
    if ((end ? write_obj(file, end) : write_text(file, "\n")) < 0)
        return NULL;
    if (flush && file) {
        Obj *meth = obj_getattr(file, str_intern("flush"));
        Obj *r = meth ? obj_call0(meth) : NULL;
        XDECREF(meth);
        if (!r)
            return NULL;
        DECREF(r);
    }
    return ref_new(Py_None);
}

/* ---------- identity, size, text ---------- */

static Obj *bi_id(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (one_arg("id", nargs, kwnames) < 0)
        return NULL;
    return int_new((int64_t)args[0]->addr);
}

static Obj *bi_len(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (one_arg("len", nargs, kwnames) < 0)
        return NULL;
    int64_t n = obj_len(args[0]);
    return n < 0 ? NULL : int_new(n);
}

static Obj *bi_repr(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (one_arg("repr", nargs, kwnames) < 0)
        return NULL;
    return obj_repr(args[0]);
}

static Obj *bi_hash(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    int64_t h;
    UNUSED_SELF;
    if (one_arg("hash", nargs, kwnames) < 0 || !obj_hash(args[0], &h))
        return NULL;
    return int_new(h);
}

/* "0x1f", "-0b101": an int of any size in base 2, 8 or 16 with Python's
 * prefix. */
static Obj *int_in_base(Obj *o, int base)
{
    Obj *i = num_index(o); /* an int, or what __index__ gives */
    if (!i)
        return NULL;
    Obj *r = int_to_base_str(i, base, true, false);
    DECREF(i);
    return r;
}

static Obj *bi_hex(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    return one_arg("hex", nargs, kwnames) < 0 ? NULL : int_in_base(args[0], 16);
}

static Obj *bi_oct(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    return one_arg("oct", nargs, kwnames) < 0 ? NULL : int_in_base(args[0], 8);
}

static Obj *bi_bin(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    return one_arg("bin", nargs, kwnames) < 0 ? NULL : int_in_base(args[0], 2);
}

static Obj *bi_chr(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    int v;
    UNUSED_SELF;
    if (one_arg("chr", nargs, kwnames) < 0 || !int_as_cint(args[0], &v))
        return NULL;
    if (v < 0 || v > 0x10FFFF)
        return rt_raise(EXC(ValueError), "chr() arg not in range(0x110000)");
    return str_char((uint32_t)v);
}

static Obj *bi_ord(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (one_arg("ord", nargs, kwnames) < 0)
        return NULL;
    Obj *o = args[0];
    if (!IS(o, K_STR))
        return rt_raise(EXC(TypeError), "ord() expected string of length 1, but %s found",
                        type_name(o));
    if (AS_STR(o)->nchars != 1)
        return rt_raise(EXC(TypeError),
                        "ord() expected a character, but string of length %zu found",
                        AS_STR(o)->nchars);
    return int_new(str_char_at(AS_STR(o), 0));
}

static Obj *bi_format(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("format", nargs, kwnames, 1, 2) < 0)
        return NULL;
    Obj *spec = nargs == 2 ? args[1] : (Obj *)empty_str;
    if (!rt_isinstance(spec, &type_str))
        return rt_raise(EXC(TypeError), "format() argument 2 must be str, not %s",
                        arg_type_name(spec));
    return str_format_value(args[0], spec);
}

/* ---------- types and attributes ---------- */

/* isinstance's second argument: a class or a (nested) tuple of them, each
 * checked in order until one matches. 1, 0, or -1 with an exception. */
static int isinstance_of(Obj *o, Obj *cls)
{
    if (IS(cls, K_TYPE))
        return rt_isinstance(o, AS_TYPE(cls));
    if (!IS(cls, K_TUPLE)) {
        rt_raise(EXC(TypeError),
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    /* Nested tuples recurse in C: bounded as CPython bounds them. */
    if (!vm_enter_c(" in __instancecheck__"))
        return -1;
    int r = 0;
    for (size_t i = 0; i < AS_TUPLE(cls)->len && r == 0; i++)
        r = isinstance_of(o, AS_TUPLE(cls)->items[i]);
    vm_leave_c();
    return r;
}

static Obj *bi_isinstance(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("isinstance", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int r = isinstance_of(args[0], args[1]);
    return r < 0 ? NULL : bool_new(r);
}

static bool is_callable(Obj *o)
{
    switch (o->kind) {
    case K_FUNC:
    case K_BUILTIN:
    case K_METHOD:
    case K_TYPE:
        return true;
    default:
        return TYPE(o)->user && type_lookup(TYPE(o), str_intern("__call__")) != NULL;
    }
}

static Obj *bi_callable(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (one_arg("callable", nargs, kwnames) < 0)
        return NULL;
    return bool_new(is_callable(args[0]));
}

/* The attribute name of getattr & co.: borrowed, NULL with TypeError. */
static StrObj *attr_name(Obj *name)
{
    if (!rt_isinstance(name, &type_str)) {
        rt_raise(EXC(TypeError), "attribute name must be string, not '%s'", type_name(name));
        return NULL;
    }
    return AS_STR(name);
}

static Obj *bi_getattr(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("getattr", nargs, kwnames, 2, 3) < 0)
        return NULL;
    StrObj *name = attr_name(args[1]);
    if (!name)
        return NULL;
    if (nargs == 2)
        return obj_getattr(args[0], name);
    /* Only a missing attribute gives the default (obj_getattr_opt clears
     * the AttributeError, as CPython's _PyObject_LookupAttr avoids it). */
    Obj *r = obj_getattr_opt(args[0], name);
    if (r || rt_error_occurred())
        return r;
    return ref_new(args[2]);
}

static Obj *bi_hasattr(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("hasattr", nargs, kwnames, 2, 2) < 0)
        return NULL;
    StrObj *name = attr_name(args[1]);
    if (!name)
        return NULL;
    Obj *r = obj_getattr_opt(args[0], name);
    if (!r)
        return rt_error_occurred() ? NULL : bool_new(false);
    DECREF(r);
    return bool_new(true);
}

static Obj *bi_setattr(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("setattr", nargs, kwnames, 3, 3) < 0)
        return NULL;
    StrObj *name = attr_name(args[1]);
    if (!name || obj_setattr(args[0], name, args[2]) < 0)
        return NULL;
    return ref_new(Py_None);
}

static Obj *bi_delattr(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("delattr", nargs, kwnames, 2, 2) < 0)
        return NULL;
    StrObj *name = attr_name(args[1]);
    if (!name || obj_setattr(args[0], name, NULL) < 0)
        return NULL;
    return ref_new(Py_None);
}

/* ---------- iteration ---------- */

static Obj *bi_iter(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("iter", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (nargs == 2) {
        if (!is_callable(args[0]))
            return rt_raise(EXC(TypeError), "iter(v, w): v must be callable");
        /* a callable_iterator: calls args[0] until it returns the sentinel */
        Obj *it = iter_new(&type_callable_iterator, IT_CALLABLE, args[1]);
        if (!it)
            return NULL;
        ((IterObj *)it)->func = args[0];
        ref_inc(args[0], OWNER(OWN_ITER, it->addr, 1, NULL));
        return it;
    }
    return obj_iter(args[0]);
}

static Obj *bi_next(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("next", nargs, kwnames, 1, 2) < 0)
        return NULL;
    /* iter_next raises "'int' object is not an iterator" itself. */
    Obj *dflt = nargs == 2 ? args[1] : NULL;
    Obj *item = iter_next(args[0]);
    if (item)
        return item;
    if (rt_error_occurred()) {
        if (!dflt || !rt_error_matches(EXC(StopIteration)))
            return NULL;
        rt_clear_error();
    }
    return dflt ? ref_new(dflt) : raise_stop_iteration();
}

/* any (want true) and all (want false): stops at the first item whose
 * truth is `want`. */
static Obj *any_all(const char *name, bool want, Obj **args, int nargs, TupleObj *kwnames)
{
    if (one_arg(name, nargs, kwnames) < 0)
        return NULL;
    Obj *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    Obj *item;
    while ((item = iter_next(it))) {
        int t = obj_truth(item);
        DECREF(item);
        if (t < 0 || (t > 0) == want) {
            DECREF(it);
            return t < 0 ? NULL : bool_new(want);
        }
    }
    DECREF(it);
    return rt_error_occurred() ? NULL : bool_new(!want);
}

static Obj *bi_any(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    return any_all("any", true, args, nargs, kwnames);
}

static Obj *bi_all(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    return any_all("all", false, args, nargs, kwnames);
}

/* min (cmpop CMP_LT) and max (CMP_GT), as CPython's min_max: over one
 * iterable or over several arguments; an item replaces the best so far
 * only when strictly better, so the first of equal items wins. */
static Obj *min_max(const char *name, int cmpop, Obj **args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    Obj *kw[2];
    if (nargs == 0)
        return rt_raise(EXC(TypeError), "%s expected at least 1 argument, got 0", name);
    if (arg_parse(name, args + nargs, 0, kwnames, names, 0, 0, 0, kw) < 0)
        return NULL;
    Obj *key = kw[0] == Py_None ? NULL : kw[0], *dflt = kw[1];
    if (nargs > 1 && dflt)
        return rt_raise(EXC(TypeError),
                        "Cannot specify a default for %s() with multiple positional arguments",
                        name);
    Obj *it = NULL;
    if (nargs == 1 && !(it = obj_iter(args[0])))
        return NULL;

    Obj *best = NULL, *bestval = NULL;
    for (int i = 0;; i++) {
        Obj *item = it ? iter_next(it) : i < nargs ? ref_new(args[i]) : NULL;
        if (!item)
            break;
        Obj *val = key ? obj_call1(key, item) : ref_new(item);
        if (!val) {
            DECREF(item);
            goto fail;
        }
        int better = bestval ? compare_bool(val, bestval, cmpop) : 1;
        if (better < 0) {
            DECREF(item);
            DECREF(val);
            goto fail;
        }
        if (better) {
            XDECREF(best);
            XDECREF(bestval);
            best = item;
            bestval = val;
        } else {
            DECREF(item);
            DECREF(val);
        }
    }
    if (rt_error_occurred())
        goto fail;
    XDECREF(it);
    if (!bestval) {
        if (dflt)
            return ref_new(dflt);
        return rt_raise(EXC(ValueError), "%s() arg is an empty sequence", name);
    }
    DECREF(bestval);
    return best;
fail:
    XDECREF(best);
    XDECREF(bestval);
    XDECREF(it);
    return NULL;
}

static Obj *bi_min(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    return min_max("min", CMP_LT, args, nargs, kwnames);
}

static Obj *bi_max(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    return min_max("max", CMP_GT, args, nargs, kwnames);
}

static bool add_overflows(int64_t a, int64_t b)
{
    return b > 0 ? a > INT64_MAX - b : a < INT64_MIN - b;
}

/* sum as CPython 3.11 computes it: while the total is an exact int (then
 * an exact float) and the items are ints (then ints or floats), it adds in
 * C and makes one object at the end; from the first other item on, it
 * adds with `+` (never `+=`, so sum(lists, start) leaves start alone). */
static Obj *bi_sum(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    Obj *a[2], *item, *tmp;
    UNUSED_SELF;
    if (arg_parse("sum", args, nargs, kwnames, names, 1, 2, 1, a) < 0)
        return NULL;
    Obj *it = obj_iter(a[0]);
    if (!it)
        return NULL;
    if (a[1] && rt_isinstance(a[1], &type_str)) {
        DECREF(it);
        return rt_raise(EXC(TypeError), "sum() can't sum strings [use ''.join(seq) instead]");
    }
    Obj *result = a[1] ? ref_new(a[1]) : int_new(0);
    if (!result)
        goto fail;

    /* The C fast paths take only values that fit int64; a big int goes
     * through `+` like any other value. */
    if (TYPE(result) == &type_int && !AS_BIG(result)) {
        int64_t total = AS_INT(result);
        DECREF(result);
        result = NULL;
        while (!result) {
            if (!(item = iter_next(it))) {
                DECREF(it);
                return rt_error_occurred() ? NULL : int_new(total);
            }
            if (((TYPE(item) == &type_int && !AS_BIG(item)) || IS(item, K_BOOL))
                && !add_overflows(total, AS_INT(item))) {
                total += AS_INT(item);
                DECREF(item);
                continue;
            }
            if ((result = int_new(total))) {
                tmp = obj_binop(result, item, OP_ADD, false);
                DECREF(result);
                result = tmp;
            }
            DECREF(item);
            if (!result)
                goto fail;
        }
    }
    if (TYPE(result) == &type_float) {
        double total = AS_FLOAT(result);
        DECREF(result);
        result = NULL;
        while (!result) {
            if (!(item = iter_next(it))) {
                DECREF(it);
                return rt_error_occurred() ? NULL : float_new(total);
            }
            if (TYPE(item) == &type_float || (is_intlike(item) && !AS_BIG(item))) {
                total += IS(item, K_FLOAT) ? AS_FLOAT(item) : (double)AS_INT(item);
                DECREF(item);
                continue;
            }
            if ((result = float_new(total))) {
                tmp = obj_binop(result, item, OP_ADD, false);
                DECREF(result);
                result = tmp;
            }
            DECREF(item);
            if (!result)
                goto fail;
        }
    }
    while ((item = iter_next(it))) {
        tmp = obj_binop(result, item, OP_ADD, false);
        DECREF(result);
        DECREF(item);
        if (!(result = tmp))
            goto fail;
    }
    DECREF(it);
    if (rt_error_occurred()) {
        DECREF(result);
        return NULL;
    }
    return result;
fail:
    DECREF(it);
    return NULL;
}

/* sorted: a new list of the items, then list.sort's keywords (so a wrong
 * keyword is reported for "sort()", after the iterable was consumed). */
static Obj *bi_sorted(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"key", "reverse", NULL};
    Obj *kw[2];
    int reverse = 0;
    UNUSED_SELF;
    if (arg_check_positional("sorted", nargs, 1, 1) < 0)
        return NULL;
    Obj *list = list_from_iter(args[0]);
    if (!list)
        return NULL;
    if (arg_parse("sort", args + nargs, 0, kwnames, names, 0, 0, 0, kw) < 0
        || (kw[1] && !int_as_cint(kw[1], &reverse))) {
        DECREF(list);
        return NULL;
    }
    Obj *r = list_sort(AS_LIST(list), kw[0] == Py_None ? NULL : kw[0], reverse != 0);
    if (!r) {
        DECREF(list);
        return NULL;
    }
    DECREF(r);
    return list;
}

/* ---------- numbers ---------- */

static Obj *bi_abs(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (one_arg("abs", nargs, kwnames) < 0)
        return NULL;
    Obj *o = args[0];
    if (IS(o, K_FLOAT))
        return float_new(fabs(AS_FLOAT(o)));
    if (IS(o, K_BOOL))
        return int_new(AS_INT(o));
    if (IS(o, K_INT)) {
        if (AS_INT(o) < 0)
            return obj_unary(o, OP_NEG);   /* -2**63 overflows there */
        /* A non-negative exact int is its own absolute value. */
        return TYPE(o) == &type_int ? ref_new(o) : int_new(AS_INT(o));
    }
    bool found;
    Obj *r = call_special(o, "__abs__", NULL, &found);
    if (found)
        return r;
    return rt_raise(EXC(TypeError), "bad operand type for abs(): '%s'", type_name(o));
}

static bool is_zero(Obj *o)
{
    return IS(o, K_FLOAT) ? AS_FLOAT(o) == 0.0 : AS_INT(o) == 0;
}

/* divmod(a, b) of numbers is (a // b, a % b): CPython's float floor
 * division and modulo come from the same divmod computation, so the pair
 * agrees with the operators; only the ZeroDivisionError words differ. */
static Obj *bi_divmod(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    UNUSED_SELF;
    if (pos_args("divmod", nargs, kwnames, 2, 2) < 0)
        return NULL;
    Obj *a = args[0], *b = args[1];
    if (!is_number(a) || !is_number(b))
        return rt_raise(EXC(TypeError), "unsupported operand type(s) for divmod(): '%s' and '%s'",
                        type_name(a), type_name(b));
    if (is_zero(b)) {
        if (is_intlike(a) && is_intlike(b))
            return rt_raise(EXC(ZeroDivisionError), "integer division or modulo by zero");
        return rt_raise(EXC(ZeroDivisionError), "float divmod()");
    }
    Obj *q = obj_binop(a, b, OP_FLOORDIV, false);
    if (!q)
        return NULL;
    Obj *r = obj_binop(a, b, OP_MOD, false);
    if (!r) {
        DECREF(q);
        return NULL;
    }
    Obj *t = tuple_pack(2, q, r);
    DECREF(q);
    DECREF(r);
    return t;
}

/* Modular arithmetic on residues below m, m <= 2**63 (so a + b < 2**64). */
static uint64_t add_mod(uint64_t a, uint64_t b, uint64_t m)
{
    uint64_t s = a + b;
    return s >= m ? s - m : s;
}

static uint64_t mul_mod(uint64_t a, uint64_t b, uint64_t m)
{
    uint64_t r = 0;
    for (; b; b >>= 1) {
        if (b & 1)
            r = add_mod(r, a, m);
        a = add_mod(a, a, m);
    }
    return r;
}

/* The inverse of a modulo m (a < m), by Euclid's algorithm keeping the
 * coefficient of a as a residue; false when gcd(a, m) != 1. */
static bool inv_mod(uint64_t a, uint64_t m, uint64_t *out)
{
    uint64_t r0 = m, r1 = a, t0 = 0, t1 = 1;
    while (r1) {
        uint64_t q = r0 / r1, r2 = r0 - q * r1;
        uint64_t t2 = add_mod(t0, m - mul_mod(q % m, t1, m), m);
        r0 = r1;
        r1 = r2;
        t0 = t1;
        t1 = t2;
    }
    if (r0 != 1)
        return false;
    *out = t0;
    return true;
}

/* pow(b, e, m) of ints, as CPython's long_pow: the result has m's sign;
 * a negative e raises b's inverse to -e. */
static Obj *pow_mod(int64_t b, int64_t e, int64_t m)
{
    if (m == 0)
        return rt_raise(EXC(ValueError), "pow() 3rd argument cannot be 0");
    uint64_t um = m < 0 ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
    if (um == 1)
        return int_new(0);
    uint64_t ub = b < 0 ? ((uint64_t)0 - (uint64_t)b) % um : (uint64_t)b % um;
    if (b < 0 && ub)
        ub = um - ub;
    uint64_t ue = e < 0 ? (uint64_t)0 - (uint64_t)e : (uint64_t)e;
    if (e < 0 && !inv_mod(ub, um, &ub))
        return rt_raise(EXC(ValueError), "base is not invertible for the given modulus");
    uint64_t r = 1;
    for (; ue; ue >>= 1) {
        if (ue & 1)
            r = mul_mod(r, ub, um);
        ub = mul_mod(ub, ub, um);
    }
    /* r < um <= 2**63: both forms below fit in int64. */
    if (m < 0 && r)
        return int_new(-(int64_t)(um - r));
    return int_new((int64_t)r);
}

/* A read-only BigInt with the value of the int or bool o (tmp is filled
 * for an int64 one; the caller frees it either way). */
static const BigInt *big_value(Obj *o, BigInt *tmp)
{
    if (AS_BIG(o))
        return AS_BIG(o);
    big_from_i64(tmp, AS_INT(o));
    return tmp;
}

/* pow(b, e, m) when one of them is outside int64. */
static Obj *pow_mod_big(Obj *b, Obj *e, Obj *m)
{
    BigInt tb = BIG_INIT, te = BIG_INIT, tm = BIG_INIT, r = BIG_INIT;
    BigStatus st = big_powmod(&r, big_value(b, &tb), big_value(e, &te), big_value(m, &tm));
    big_free(&tb);
    big_free(&te);
    big_free(&tm);
    switch (st) {
    case BIG_OK:
        return int_from_big(&r);
    case BIG_EZERODIV:
        return rt_raise(EXC(ValueError), "pow() 3rd argument cannot be 0");
    case BIG_ENOINVERSE:
        return rt_raise(EXC(ValueError), "base is not invertible for the given modulus");
    default:
        big_free(&r);
        return rt_no_memory();
    }
}

static Obj *bi_pow(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Obj *a[3];
    UNUSED_SELF;
    if (arg_parse("pow", args, nargs, kwnames, names, 0, 3, 2, a) < 0)
        return NULL;
    if (!a[2] || a[2] == Py_None)
        return obj_binop(a[0], a[1], OP_POW, false);
    if (is_intlike(a[0]) && is_intlike(a[1]) && is_intlike(a[2])) {
        if (!AS_BIG(a[0]) && !AS_BIG(a[1]) && !AS_BIG(a[2]))
            return pow_mod(AS_INT(a[0]), AS_INT(a[1]), AS_INT(a[2]));
        return pow_mod_big(a[0], a[1], a[2]);
    }
    /* CPython tries each operand's ternary power: float's refuses any
     * modulus, int's declines unless all three are ints. */
    if (IS(a[0], K_FLOAT) || IS(a[1], K_FLOAT) || IS(a[2], K_FLOAT))
        return rt_raise(EXC(TypeError),
                        "pow() 3rd argument not allowed unless all arguments are integers");
    return rt_raise(EXC(TypeError), "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    type_name(a[0]), type_name(a[1]), type_name(a[2]));
}

/* round(x) of a float: the nearest int, ties to even (CPython's
 * float.__round__ without ndigits). */
static Obj *float_round_int(double x)
{
    if (isnan(x))
        return rt_raise(EXC(ValueError), "cannot convert float NaN to integer");
    if (isinf(x))
        return rt_raise(EXC(OverflowError), "cannot convert float infinity to integer");
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    if (r >= -9223372036854775808.0 && r < 9223372036854775808.0)
        return int_new((int64_t)r);
    BigInt b = BIG_INIT;
    big_from_double(&b, r); /* r is integral: exact */
    return int_from_big(&b);
}

/* Significant digits enough for the exact decimal value of any double (at
 * most 767 are nonzero). */
enum { EXACT_DIGITS = 780 };
/* CPython's bounds: past them x rounds to itself, or to a signed zero. */
enum { ROUND_NDIGITS_MAX = 323, ROUND_NDIGITS_MIN = -308 };

/* round(x, ndigits) of a float, as CPython's double_round: the exact
 * binary value of x is rounded to ndigits decimal places, ties (exact
 * halves only) to even, and the decimal result read back correctly
 * rounded. printf gives the exact digits; the rounding is done here so
 * it does not depend on the C library's tie rule. */
static Obj *float_round_digits(double x, int64_t ndigits)
{
    if (!isfinite(x) || ndigits > ROUND_NDIGITS_MAX)
        return float_new(x);
    if (ndigits < ROUND_NDIGITS_MIN)
        return float_new(0.0 * x);

    char exact[EXACT_DIGITS + 16];
    snprintf(exact, sizeof exact, "%.*e", EXACT_DIGITS - 1, fabs(x));
    char digits[EXACT_DIGITS + 1];
    int nd = 0;
    const char *p = exact;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp10 = *p ? atoi(p + 1) : 0;

    /* x = 0.d0 d1 d2 ... * 10**(exp10 + 1): keep the first `keep` digits. */
    int64_t keep = (int64_t)exp10 + 1 + ndigits;
    if (keep >= nd)
        return float_new(x);
    if (keep < 0)
        return float_new(copysign(0.0, x));
    bool up = digits[keep] > '5';
    if (digits[keep] == '5') {
        for (int i = (int)keep + 1; i < nd && !up; i++)
            up = digits[i] != '0';
        if (!up)
            up = keep > 0 && (digits[keep - 1] - '0') % 2 == 1;
    }
    char text[EXACT_DIGITS + 24];
    int n = (int)keep;
    memcpy(text, digits, (size_t)n);
    if (up) {
        int i = n - 1;
        while (i >= 0 && text[i] == '9')
            text[i--] = '0';
        if (i >= 0) {
            text[i]++;
        } else {
            memmove(text + 1, text, (size_t)n);
            text[0] = '1';
            n++;
        }
    }
    if (n == 0)
        text[n++] = '0';
    snprintf(text + n, sizeof text - (size_t)n, "e%d", (int)(exp10 + 1 - keep));
    double r = strtod(text, NULL);
    if (isinf(r))
        return rt_raise(EXC(OverflowError), "rounded value too large to represent");
    return float_new(copysign(r, x));
}

/* round(v, ndigits) of an int: a non-negative ndigits leaves it alone;
 * otherwise it goes to the nearest multiple of 10**-ndigits, ties to
 * even (CPython's int.__round__). */
static Obj *int_round_digits(Obj *o, int64_t ndigits)
{
    if (ndigits >= 0)
        return TYPE(o) == &type_int ? ref_new(o) : int_new(AS_INT(o));
    /* 10**k > 2 * |v| rounds to 0 (a tie only at equality, and 0 is
     * even): decided from v's size, before computing a huge power. */
    BigInt tv = BIG_INIT;
    const BigInt *v = big_value(o, &tv);
    uint64_t k = (uint64_t)0 - (uint64_t)ndigits;
    if ((double)k * 3.3219280948873622 > (double)big_bit_length(v) + 2) {
        /* 10**k = 2**(k * log2(10)) > 2**(bits + 1) > 2 * |v| */
        big_free(&tv);
        return int_new(0);
    }
    BigInt pw = BIG_INIT, ten = BIG_INIT, ek = BIG_INIT, q = BIG_INIT, r = BIG_INIT, t = BIG_INIT;
    big_from_i64(&ten, 10);
    big_from_i64(&ek, (int64_t)k);
    BigStatus st = big_pow(&pw, &ten, &ek);
    if (st == BIG_OK) {
        big_divmod(&q, &r, v, &pw); /* v = q * pw + r, 0 <= r < pw */
        /* up when r > pw / 2, or r == pw / 2 and q is odd */
        big_add(&t, &r, &r);
        int c = big_cmp(&t, &pw);
        if (c > 0 || (c == 0 && q.n && (q.d[0] & 1))) {
            BigInt one = BIG_INIT;
            big_from_i64(&one, 1);
            big_add(&q, &q, &one);
            big_free(&one);
        }
        st = big_mul(&q, &q, &pw);
    }
    big_free(&tv);
    big_free(&pw);
    big_free(&ten);
    big_free(&ek);
    big_free(&r);
    big_free(&t);
    if (st != BIG_OK) {
        big_free(&q);
        return rt_no_memory();
    }
    return int_from_big(&q);
}

static Obj *bi_round(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    Obj *a[2];
    int64_t nd = 0;
    UNUSED_SELF;
    if (arg_parse("round", args, nargs, kwnames, names, 0, 2, 1, a) < 0)
        return NULL;
    Obj *x = a[0], *ndigits = a[1] == Py_None ? NULL : a[1];
    if (!is_number(x)) {
        bool found;
        Obj *r = call_special(x, "__round__", ndigits, &found);
        if (found)
            return r;
        return rt_raise(EXC(TypeError), "type %s doesn't define __round__ method",
                        type_name(x));
    }
    /* CPython clamps an ndigits outside Py_ssize_t (every such value
     * rounds as the extreme one does) */
    if (ndigits && !int_as_clamped(ndigits, &nd))
        return NULL;
    if (IS(x, K_FLOAT))
        return ndigits ? float_round_digits(AS_FLOAT(x), nd) : float_round_int(AS_FLOAT(x));
    return int_round_digits(x, ndigits ? nd : 0);
}

/* DEF: a builtin with its arguments checked by the caller as declared
 * here; OWN: one that checks its own (see the top of this file). */
#define DEF(n, f, lo, hi, d) \
    {.name = n, .fn = f, .minargs = lo, .maxargs = hi, .kwargs = false, .doc = d, .is_class = false}
#define OWN(n, f, kw, d) \
    {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = kw, .doc = d, .is_class = false}

/* TUPLE: CPython calls it with an argument tuple (each argument gains a
 * reference while it runs). */
#define TUPLE(n, f, d) \
    {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = true, .doc = d, .takes_tuple = true}

const BuiltinDef builtin_defs[] = {
    TUPLE("print", bi_print, "print(*args, sep=' ', end='\\n', file=None, flush=False)"),
    DEF("id", bi_id, 1, 1, "id(obj): the object's address"),
    DEF("len", bi_len, 1, 1, "len(obj): the number of items"),
    DEF("repr", bi_repr, 1, 1, "repr(obj): the printable representation"),
    DEF("hash", bi_hash, 1, 1, "hash(obj)"),
    DEF("hex", bi_hex, 1, 1, "hex(number): '0x...'"),
    DEF("oct", bi_oct, 1, 1, "oct(number): '0o...'"),
    DEF("bin", bi_bin, 1, 1, "bin(number): '0b...'"),
    DEF("chr", bi_chr, 1, 1, "chr(i): the character of code point i"),
    DEF("ord", bi_ord, 1, 1, "ord(c): the code point of c"),
    DEF("format", bi_format, 1, 2, "format(value, format_spec='')"),
    OWN("isinstance", bi_isinstance, false, "isinstance(obj, class_or_tuple)"),
    DEF("callable", bi_callable, 1, 1, "callable(obj)"),
    DEF("getattr", bi_getattr, 2, 3, "getattr(obj, name[, default])"),
    OWN("hasattr", bi_hasattr, false, "hasattr(obj, name)"),
    OWN("setattr", bi_setattr, false, "setattr(obj, name, value)"),
    OWN("delattr", bi_delattr, false, "delattr(obj, name)"),
    DEF("iter", bi_iter, 1, 2, "iter(iterable)"),
    DEF("next", bi_next, 1, 2, "next(iterator[, default])"),
    DEF("any", bi_any, 1, 1, "any(iterable)"),
    DEF("all", bi_all, 1, 1, "all(iterable)"),
    TUPLE("min", bi_min, "min(iterable, *[, default, key]) or min(a, b, ...[, key])"),
    TUPLE("max", bi_max, "max(iterable, *[, default, key]) or max(a, b, ...[, key])"),
    OWN("sum", bi_sum, true, "sum(iterable, /, start=0)"),
    OWN("sorted", bi_sorted, true, "sorted(iterable, /, *, key=None, reverse=False)"),
    DEF("abs", bi_abs, 1, 1, "abs(x)"),
    OWN("divmod", bi_divmod, false, "divmod(x, y): (x // y, x % y)"),
    OWN("pow", bi_pow, true, "pow(base, exp, mod=None)"),
    OWN("round", bi_round, true, "round(number, ndigits=None)"),
    {0},
};
