/* mod_ctypes: ctypes.c_long, c_int and c_ssize_t, for one use:
 * c_long.from_address(id(x)).value reads the word at an object's address,
 * its bare reference count. Reads go to the simulated heap only (never to
 * host memory): a live object's address reads its count, a freed block 0,
 * other heap addresses a deterministic word (heap_read_word), and an
 * address outside the simulated heap raises ValueError (where CPython
 * would read whatever is there, or crash).
 *
 * As in CPython, from_address only remembers the address: the memory is
 * read each time .value is asked for. */
#include <inttypes.h>
#include <stdio.h>

#include "heap.h"
#include "types.h"

/* CPython's names: on LP64 platforms c_ssize_t is c_long itself. */
static const char *cdata_type_name(TypeObj *t)
{
    return t == &type_c_int ? "c_int" : "c_long";
}

/* The value at the object's address, as its C type reads it. false, with
 * ValueError, when the address is outside the simulated heap. */
static bool cdata_read(CDataObj *c, int64_t *out)
{
    int64_t w;
    if (!heap_read_word(c->address, &w)) {
        rt_raise(EXC(ValueError),
                 "%s.from_address(0x%" PRIx64 "): the address is outside the simulated heap "
                 "(memviz reads only its own simulated memory)",
                 cdata_type_name(TYPE(&c->h)), c->address);
        return false;
    }
    if (c->bytes == 4) {
        /* The low 4 bytes of the little-endian word, as a C int. */
        uint32_t lo = (uint32_t)((uint64_t)w & 0xFFFFFFFFu);
        w = lo >= 0x80000000u ? (int64_t)lo - INT64_C(0x100000000) : (int64_t)lo;
    }
    *out = w;
    return true;
}

Obj *cdata_value(Obj *o)
{
    int64_t v;
    return cdata_read((CDataObj *)o, &v) ? int_new(v) : NULL;
}

Obj *cdata_repr(Obj *o)
{
    int64_t v;
    if (!cdata_read((CDataObj *)o, &v))
        return NULL;
    return str_printf("%s(%" PRId64 ")", cdata_type_name(TYPE(o)), v);
}

/* A class method: self is the type it was looked up on (c_long, c_int or
 * c_ssize_t). Returns a new c_long/c_int object remembering the address. */
static Obj *cdata_from_address(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    TypeObj *t = AS_TYPE(self);
    char fname[32];
    snprintf(fname, sizeof fname, "%s.from_address", cdata_type_name(t));
    if (arg_no_kwargs(fname, kwnames) < 0 || arg_count(fname, nargs, 1, 1) < 0)
        return NULL;
    Obj *addr = args[0];
    if (!IS(addr, K_INT) && !IS(addr, K_BOOL))
        return rt_raise(EXC(TypeError), "integer expected");
    Obj *o = obj_alloc(K_CDATA, t, sizeof(CDataObj), 136); /* CPython's c_long object */
    if (!o)
        return NULL;
    CDataObj *c = (CDataObj *)o;
    /* A negative int is an address with the top bit set, as C converts it. */
    c->address = (uint64_t)AS_INT(addr);
    c->bytes = t == &type_c_int ? 4 : 8;
    return o;
}

/* Open counts and keywords: the function words its own errors with the
 * type's name ("c_int.from_address() takes exactly one argument"). */
const BuiltinDef ctypes_c_long_defs[] = {
    {.name = "from_address", .fn = cdata_from_address, .minargs = 0, .maxargs = -1,
     .kwargs = true, .doc = "from_address(address): the C value stored at address",
     .is_class = true},
    {0},
};
