/* args: argument checking for builtin functions, worded as CPython 3.11
 * words it. CPython has several wordings, one per calling convention, and a
 * scenario can print the message, so each builtin picks the helper that
 * matches the convention its CPython counterpart uses:
 *
 *   METH_O / METH_NOARGS       "len() takes exactly one argument (2 given)"
 *                              "f() takes no arguments (1 given)"   arg_count
 *   _PyArg_CheckPositional     "getattr expected at least 2 arguments, got 1"
 *                              arg_count (min != max, or min == max >= 2),
 *                              arg_check_positional (any bounds)
 *   Argument Clinic, keywords  "sum() takes at most 2 arguments (3 given)"
 *                              "pow() missing required argument 'exp' (pos 2)"
 *                              arg_parse
 *
 * Keyword values follow the positional ones in args (vectorcall layout):
 * the value of kwnames item i is args[nargs + i]. */
#include <string.h>

#include "types.h"

static int kw_count(TupleObj *kwnames)
{
    return kwnames ? (int)kwnames->len : 0;
}

static const char *kw_name(TupleObj *kwnames, int i)
{
    return AS_STR(kwnames->items[i])->s;
}

static const char *plural(int n)
{
    return n == 1 ? "" : "s";
}

int arg_check_positional(const char *fname, int nargs, int min, int max)
{
    if (nargs < min)
        return rt_raise_int(EXC(TypeError), "%s expected %s%d argument%s, got %d", fname,
                            min == max ? "" : "at least ", min, plural(min), nargs);
    if (max >= 0 && nargs > max)
        return rt_raise_int(EXC(TypeError), "%s expected %s%d argument%s, got %d", fname,
                            min == max ? "" : "at most ", max, plural(max), nargs);
    return 0;
}

int arg_count(const char *fname, int nargs, int min, int max)
{
    if (min == max && (min == 0 || min == 1) && nargs != min) {
        if (min == 0)
            return rt_raise_int(EXC(TypeError), "%s() takes no arguments (%d given)", fname,
                                nargs);
        return rt_raise_int(EXC(TypeError), "%s() takes exactly one argument (%d given)",
                            fname, nargs);
    }
    return arg_check_positional(fname, nargs, min, max);
}

int arg_no_kwargs(const char *fname, TupleObj *kwnames)
{
    if (kw_count(kwnames) > 0)
        return rt_raise_int(EXC(TypeError), "%s() takes no keyword arguments", fname);
    return 0;
}

Obj *arg_kw(Obj **args, int nargs, TupleObj *kwnames, const char *name)
{
    int n = kw_count(kwnames);
    for (int i = 0; i < n; i++)
        if (strcmp(kw_name(kwnames, i), name) == 0)
            return args[nargs + i];
    return NULL;
}

int arg_parse(const char *fname, Obj **args, int nargs, TupleObj *kwnames,
              const char *const *names, int posonly, int maxpos, int required, Obj **out)
{
    int nparams = 0;
    while (names[nparams])
        nparams++;
    int nkw = kw_count(kwnames);
    for (int i = 0; i < nparams; i++)
        out[i] = NULL;

    if (nargs + nkw > nparams)
        /* "keyword " when only keywords were passed, as CPython (bpo-31229). */
        return rt_raise_int(EXC(TypeError), "%s() takes at most %d %sargument%s (%d given)",
                            fname, nparams, nargs == 0 ? "keyword " : "", plural(nparams),
                            nargs + nkw);
    if (nargs > maxpos) {
        if (maxpos == 0)
            return rt_raise_int(EXC(TypeError), "%s() takes no positional arguments", fname);
        return rt_raise_int(EXC(TypeError), "%s() takes %s %d positional argument%s (%d given)",
                            fname, required < maxpos ? "at most" : "exactly", maxpos,
                            plural(maxpos), nargs);
    }
    int minposonly = posonly < required ? posonly : required;
    if (nargs < minposonly)
        return rt_raise_int(EXC(TypeError), "%s() takes %s %d positional argument%s (%d given)",
                            fname, minposonly < maxpos ? "at least" : "exactly", minposonly,
                            plural(minposonly), nargs);

    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    int unused = nkw;
    for (int i = nargs > posonly ? nargs : posonly; i < nparams; i++) {
        out[i] = arg_kw(args, nargs, kwnames, names[i]);
        if (out[i])
            unused--;
        else if (i < required)
            return rt_raise_int(EXC(TypeError), "%s() missing required argument '%s' (pos %d)",
                                fname, names[i], i + 1);
    }
    if (unused == 0)
        return 0;

    /* Some keyword matched no parameter left: either it names a parameter
     * already given by position, or none at all. */
    for (int i = posonly; i < nargs; i++)
        if (arg_kw(args, nargs, kwnames, names[i]))
            return rt_raise_int(EXC(TypeError),
                                "argument for %s() given by name ('%s') and position (%d)",
                                fname, names[i], i + 1);
    for (int k = 0; k < nkw; k++) {
        bool known = false;
        for (int i = posonly; i < nparams && !known; i++)
            known = strcmp(kw_name(kwnames, k), names[i]) == 0;
        if (!known)
            return rt_raise_int(EXC(TypeError), "'%s' is an invalid keyword argument for %s()",
                                kw_name(kwnames, k), fname);
    }
    return rt_raise_int(EXC(TypeError), "invalid keyword argument for %s()", fname);
}
