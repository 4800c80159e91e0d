/* heapcheck: the heap's invariant, verified. Every live object's refcount must
 * equal the number of references found by walking every object's traverse
 * function and the VM's roots (frames, the raised and the handled
 * exception, the compiler's literals). Run between instructions when no C
 * code holds temporaries (the --check-refs test hook). */
#include "heapcheck.h"

#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "types.h"
#include "vm.h"
#include "xmem.h"

typedef struct {
    Obj *key;
    int64_t count;
} Slot;

static struct {
    Slot *slots;
    size_t cap, len;
    Obj **roots;          /* extra roots (the compiler's literals) */
    size_t nroots;
} C;

static size_t hash_ptr(const Obj *o) { return (size_t)(((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull); }

static Slot *slot_of(Obj *o)
{
    if ((C.len + 1) * 2 > C.cap) {
        size_t ncap = C.cap ? C.cap * 2 : 1024;
        Slot *n = xcalloc(ncap, sizeof *n);
        for (size_t i = 0; i < C.cap; i++)
            if (C.slots[i].key) {
                size_t j = hash_ptr(C.slots[i].key) & (ncap - 1);
                while (n[j].key)
                    j = (j + 1) & (ncap - 1);
                n[j] = C.slots[i];
            }
        free(C.slots);
        C.slots = n;
        C.cap = ncap;
    }
    size_t j = hash_ptr(o) & (C.cap - 1);
    while (C.slots[j].key && C.slots[j].key != o)
        j = (j + 1) & (C.cap - 1);
    if (!C.slots[j].key) {
        C.slots[j].key = o;
        C.len++;
    }
    return &C.slots[j];
}

static void count_ref(Obj **slot, Owner how, void *arg)
{
    (void)how, (void)arg;
    if (*slot)
        slot_of(*slot)->count++;
}

static void count_from(Obj *o, void *arg)
{
    (void)arg;
    slot_of(o); /* every live object gets an entry, even with no referrer */
    kind_ops[o->kind].traverse(o, count_ref, NULL);
}

void check_set_roots(Obj **roots, size_t n)
{
    C.roots = roots;
    C.nroots = n;
}

static int report(FILE *out, int problems)
{
    for (size_t i = 0; i < C.cap; i++) {
        Slot *s = &C.slots[i];
        if (!s->key || (s->key->flags & OF_IMMORTAL))
            continue;
        if (s->key->refcnt != s->count) {
            if (problems < 20)
                fprintf(out, "memviz: refcount check: %s at 0x%llx has refcount %lld but %lld references\n",
                        s->key->type ? s->key->type->name : "?", (unsigned long long)s->key->addr,
                        (long long)s->key->refcnt, (long long)s->count);
            problems++;
        }
    }
    return problems;
}

int check_heap(FILE *out)
{
    C.len = 0;
    if (C.slots)
        memset(C.slots, 0, C.cap * sizeof *C.slots);
    heap_foreach(count_from, NULL);
    for (Frame *f = vm.frame; f; f = f->back)
        vm_frame_traverse(f, count_ref, NULL);
    if (vm.exc)
        count_ref(&vm.exc, OWN_TEMP, NULL);
    if (vm.handled)
        count_ref(&vm.handled, OWN_TEMP, NULL);
    for (size_t i = 0; i < C.nroots; i++)
        count_ref(&C.roots[i], OWN_TEMP, NULL);
    return report(out, 0);
}

void check_shutdown(void)
{
    free(C.slots);
    memset(&C, 0, sizeof C);
}
