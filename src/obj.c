/* obj: allocation and deallocation of simulated objects, the kind table and
 * the builtin type objects. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "rt.h"
#include "types.h"
#include "xmem.h"

/* ---------- builtin type objects (immortal, static addresses) ---------- */
#define TYPE_DEF(var, tname, ik)                                              \
    TypeObj var = {.h = {.refcnt = 1, .type = &type_type, .kind = K_TYPE,    \
                         .flags = OF_IMMORTAL},                               \
                   .name = tname, .inst_kind = ik}

TYPE_DEF(type_object, "object", K_INSTANCE);
TYPE_DEF(type_type, "type", K_TYPE);
TYPE_DEF(type_none, "NoneType", K_NONE);
TYPE_DEF(type_bool, "bool", K_BOOL);
TYPE_DEF(type_int, "int", K_INT);
TYPE_DEF(type_float, "float", K_FLOAT);
TYPE_DEF(type_str, "str", K_STR);
TYPE_DEF(type_list, "list", K_LIST);
TYPE_DEF(type_tuple, "tuple", K_TUPLE);
TYPE_DEF(type_dict, "dict", K_DICT);
TYPE_DEF(type_set, "set", K_SET);
TYPE_DEF(type_frozenset, "frozenset", K_SET);
TYPE_DEF(type_range, "range", K_RANGE);
TYPE_DEF(type_slice, "slice", K_SLICE);
TYPE_DEF(type_function, "function", K_FUNC);
TYPE_DEF(type_builtin, "builtin_function_or_method", K_BUILTIN);
TYPE_DEF(type_method_descriptor, "method_descriptor", K_BUILTIN);
TYPE_DEF(type_method, "method", K_METHOD);
TYPE_DEF(type_module, "module", K_MODULE);
TYPE_DEF(type_cell, "cell", K_CELL);
TYPE_DEF(type_code, "code", K_CODE);
TYPE_DEF(type_traceback, "traceback", K_TRACEBACK);
TYPE_DEF(type_frame, "frame", K_FRAME);
TYPE_DEF(type_generator, "generator", K_GEN);
TYPE_DEF(type_c_long, "c_long", K_CDATA);
TYPE_DEF(type_c_int, "c_int", K_CDATA);
TYPE_DEF(type_c_ssize_t, "c_long", K_CDATA); /* c_ssize_t is c_long on 64-bit */
TYPE_DEF(type_list_iterator, "list_iterator", K_ITER);
TYPE_DEF(type_tuple_iterator, "tuple_iterator", K_ITER);
TYPE_DEF(type_str_iterator, "str_ascii_iterator", K_ITER);
TYPE_DEF(type_range_iterator, "range_iterator", K_ITER);
TYPE_DEF(type_dict_keyiterator, "dict_keyiterator", K_ITER);
TYPE_DEF(type_dict_valueiterator, "dict_valueiterator", K_ITER);
TYPE_DEF(type_dict_itemiterator, "dict_itemiterator", K_ITER);
TYPE_DEF(type_set_iterator, "set_iterator", K_ITER);
TYPE_DEF(type_reversed, "reversed", K_ITER);
TYPE_DEF(type_list_reverseiterator, "list_reverseiterator", K_ITER);
TYPE_DEF(type_enumerate, "enumerate", K_ITER);
TYPE_DEF(type_zip, "zip", K_ITER);
TYPE_DEF(type_map, "map", K_ITER);
TYPE_DEF(type_filter, "filter", K_ITER);
TYPE_DEF(type_callable_iterator, "callable_iterator", K_ITER);
TYPE_DEF(type_dict_keys, "dict_keys", K_ITER);
TYPE_DEF(type_dict_values, "dict_values", K_ITER);
TYPE_DEF(type_dict_items, "dict_items", K_ITER);
TYPE_DEF(type_NotImplemented, "NotImplementedType", K_NONE);
TYPE_DEF(type_super, "super", K_SUPER);

/* Every builtin type, for initialisation (addresses, dicts, bases). */
TypeObj *const builtin_types[] = {
    &type_object, &type_type, &type_none, &type_bool, &type_int, &type_float,
    &type_str, &type_list, &type_tuple, &type_dict, &type_set, &type_frozenset,
    &type_range, &type_slice, &type_function, &type_builtin,
    &type_method_descriptor, &type_method, &type_module, &type_cell,
    &type_code, &type_traceback, &type_frame, &type_generator, &type_c_long,
    &type_c_int, &type_c_ssize_t, &type_list_iterator, &type_tuple_iterator,
    &type_str_iterator, &type_range_iterator, &type_dict_keyiterator,
    &type_dict_valueiterator, &type_dict_itemiterator, &type_set_iterator,
    &type_reversed, &type_list_reverseiterator, &type_enumerate, &type_zip,
    &type_map, &type_filter, &type_callable_iterator, &type_dict_keys,
    &type_dict_values, &type_dict_items, &type_NotImplemented, &type_super,
    NULL,
};

/* ---------- kinds without payload references ---------- */
static void no_traverse(Obj *o, VisitFn visit, void *arg) { (void)o, (void)visit, (void)arg; }
static void no_clear(Obj *o) { (void)o; }
static void no_finish(Obj *o) { (void)o; }
static size_t block_size(Obj *o) { return o->block; }
static size_t cdata_size(Obj *o) { (void)o; return 136; }

#define KIND(k, nm, isgc, pfx) \
    [k] = {nm, isgc, pfx##_traverse, pfx##_clear, pfx##_finish, pfx##_size}

/* ORDER ObjKind */
const KindOps kind_ops[K_COUNT] = {
    [K_NONE] = {"None", false, no_traverse, no_clear, no_finish, block_size},
    KIND(K_BOOL, "bool", false, int),
    KIND(K_INT, "int", false, int),
    KIND(K_FLOAT, "float", false, float),
    KIND(K_STR, "str", false, str),
    KIND(K_LIST, "list", true, list),
    KIND(K_TUPLE, "tuple", true, tuple),
    KIND(K_DICT, "dict", true, dict),
    KIND(K_SET, "set", true, set),
    KIND(K_RANGE, "range", false, range),
    KIND(K_SLICE, "slice", false, slice),
    KIND(K_FUNC, "function", true, func),
    KIND(K_BUILTIN, "builtin", true, builtin),
    KIND(K_METHOD, "method", true, method),
    KIND(K_TYPE, "type", true, type),
    KIND(K_INSTANCE, "instance", true, instance),
    KIND(K_EXC, "exception", true, exc),
    KIND(K_MODULE, "module", true, module),
    KIND(K_CELL, "cell", true, cell),
    KIND(K_CODE, "code", false, code),
    KIND(K_TRACEBACK, "traceback", true, traceback),
    KIND(K_FRAME, "frame", true, frame),
    KIND(K_ITER, "iterator", true, iter),
    KIND(K_GEN, "generator", true, gen),
    [K_CDATA] = {"cdata", false, no_traverse, no_clear, no_finish, cdata_size},
    KIND(K_SUPER, "super", true, super),
};

/* ---------- allocation ---------- */
static void init_header(Obj *o, ObjKind kind, TypeObj *type)
{
    o->refcnt = 1;
    o->type = type;
    o->kind = (uint8_t)kind;
}

/* An alloc or free event; the recorder's ring is written inline (every
 * object of a loop makes two). */
static inline void obj_event(EvKind kind, Obj *o, int64_t value)
{
    if (ev_ring_only)
        ev_ring_put((uint8_t)kind, o->addr, o->kind, value, o->type ? o->type->name : "?", NULL, NULL);
    else
        ev_obj(kind, o, value);
}

/* Containers carry a GC head, except object() instances (CPython's
 * object type is not a GC type). */
static bool has_gc_head(ObjKind kind, TypeObj *type) { return kind_ops[kind].gc && type != &type_object; }

Obj *obj_alloc(ObjKind kind, TypeObj *type, size_t csize, uint32_t simsize)
{
    assert(csize >= sizeof(Obj));
    Obj *o = heap_new(csize, simsize, has_gc_head(kind, type));
    if (!o)
        return rt_no_memory();
    init_header(o, kind, type);
    if (ev_on)
        obj_event(EV_ALLOC, o, simsize);
    if (type->user)
        ref_inc(&type->h, OWNER(OWN_TYPE, o->addr, 0, NULL));
    return o;
}

Obj *obj_alloc_static(ObjKind kind, TypeObj *type, size_t csize, uint32_t simsize)
{
    Obj *o = xcalloc(1, csize);
    init_header(o, kind, type);
    o->flags |= OF_IMMORTAL | OF_HOST_STATIC;
    heap_alloc_static(o, simsize, has_gc_head(kind, type));
    return o;
}

/* ---------- GC lists (generation 0 only until the collector exists) ---------- */
static Obj gc_gen0 = {.gc_next = &gc_gen0, .gc_prev = &gc_gen0};

void obj_gc_track(Obj *o)
{
    if ((o->flags & (OF_TRACKED | OF_IMMORTAL)) || !(o->flags & OF_GC_HEAD))
        return;
    o->flags |= OF_TRACKED;
    o->gen = 0;
    o->gc_prev = gc_gen0.gc_prev;
    o->gc_next = &gc_gen0;
    gc_gen0.gc_prev->gc_next = o;
    gc_gen0.gc_prev = o;
}

void obj_gc_untrack(Obj *o)
{
    if (!(o->flags & OF_TRACKED))
        return;
    o->flags &= (uint8_t)~OF_TRACKED;
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    o->gc_next = o->gc_prev = NULL;
}

/* ---------- deallocation ----------
 * Like CPython's trashcan: cascades nest in C, but past a fixed depth the
 * objects wait in a list that the outermost call drains, so freeing a
 * 100,000-deep nested list cannot exhaust the C stack. */
enum { TRASH_DEPTH = 50 };
static int dealloc_depth;
static Obj **trash;
static size_t ntrash, trash_cap;

/* Kinds that hold no references and no host memory of their own: their
 * deallocation skips the clear and finish calls (the hot path of every
 * int and float a loop makes). */
static const bool plain_kind[K_COUNT] = {[K_INT] = true, [K_BOOL] = true, [K_FLOAT] = true};

static void dealloc_now(Obj *o)
{
    o->flags |= OF_FREED;
    if (o->flags & OF_TRACKED)
        obj_gc_untrack(o);
    /* a big int owns the host memory of its digits */
    bool plain = plain_kind[o->kind] && !(o->kind == K_INT && AS_BIG(o));
    if (!plain)
        kind_ops[o->kind].clear(o);
    TypeObj *t = o->type;
    uint64_t addr = o->addr;
    if (ev_on)
        obj_event(EV_FREE, o, 0);
    heap_free(o);
    if (!plain)
        kind_ops[o->kind].finish(o);
    heap_free_host(o);
    if (t && t->user)
        ref_dec(&t->h, OWNER(OWN_TYPE, addr, 0, NULL));
}

void obj_dealloc(Obj *o)
{
    assert(o->refcnt == 0);
    /* the hot path: an int or float of a loop, nothing to cascade */
    if (plain_kind[o->kind] && !(o->flags & (OF_IMMORTAL | OF_TRACKED)) &&
        !(o->kind == K_INT && AS_BIG(o))) {
        o->flags |= OF_FREED;
        if (ev_on)
            obj_event(EV_FREE, o, 0);
        heap_delete(o);
        return;
    }
    if (o->flags & OF_IMMORTAL) { /* never reached by a correct count */
        o->refcnt = 1;
        return;
    }
    if (dealloc_depth >= TRASH_DEPTH) {
        xgrow((void **)&trash, &trash_cap, ntrash + 1, sizeof *trash);
        trash[ntrash++] = o;
        return;
    }
    dealloc_depth++;
    dealloc_now(o);
    dealloc_depth--;
    if (dealloc_depth == 0) {
        while (ntrash) {
            Obj *next = trash[--ntrash];
            dealloc_depth++;
            dealloc_now(next);
            dealloc_depth--;
        }
    }
}


void obj_shutdown(void)
{
    gc_gen0.gc_next = gc_gen0.gc_prev = &gc_gen0; /* a later rt_init starts clean */
    dealloc_depth = 0;
    free(trash);
    trash = NULL;
    ntrash = trash_cap = 0;
}
