/* t_sort: list.sort() and sorted(), following CPython 3.11's listsort.
 *
 * What a scenario can observe is reproduced: the key function is called
 * once per item, in order, before any comparison; the list is empty while
 * it is being sorted (changing it raises "list modified during sort");
 * reverse=True reverses before and after sorting, which keeps the sort
 * stable; a comparison that fails leaves the list a permutation of its
 * items. Runs are found and extended exactly as CPython does (count_run,
 * minrun, binary insertion), so lists shorter than 64 items see the very
 * same sequence of `<` calls; longer runs are merged by a plain stable merge
 * without galloping (same result, possibly other comparisons). */
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "ops.h"
#include "types.h"
#include "xmem.h"

#define SLOT(l, i) OWNER(OWN_SLOT, (l)->h.addr, (i), NULL)

/* keys[i] is compared; values[i] (when not NULL) moves along with it. */
typedef struct {
    Obj **keys;
    Obj **values;
} SortSlice;

/* x < y: 1 or 0, or -1 with an exception set. */
static int islt(Obj *x, Obj *y)
{
    Obj *r = obj_compare(x, y, CMP_LT);
    if (!r)
        return -1;
    int t = r == Py_True ? 1 : r == Py_False ? 0 : obj_truth(r);
    DECREF(r);
    return t;
}

static void reverse_range(Obj **lo, Obj **hi)
{
    for (--hi; lo < hi; ++lo, --hi) {
        Obj *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void reverse_slice(SortSlice s, size_t n)
{
    reverse_range(s.keys, s.keys + n);
    if (s.values)
        reverse_range(s.values, s.values + n);
}

static SortSlice advance(SortSlice s, size_t n)
{
    return (SortSlice){s.keys + n, s.values ? s.values + n : NULL};
}

/* binarysort: [0, start) is sorted; each later item is inserted after the
 * items equal to it (stability). */
static int binarysort(SortSlice s, size_t n, size_t start)
{
    if (start == 0)
        start = 1;
    for (; start < n; ++start) {
        size_t l = 0, r = start;
        Obj *pivot = s.keys[start];
        do {
            size_t p = l + ((r - l) >> 1);
            int k = islt(pivot, s.keys[p]);
            if (k < 0)
                return -1;
            if (k)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        memmove(s.keys + l + 1, s.keys + l, (start - l) * sizeof(Obj *));
        s.keys[l] = pivot;
        if (s.values) {
            Obj *pv = s.values[start];
            memmove(s.values + l + 1, s.values + l, (start - l) * sizeof(Obj *));
            s.values[l] = pv;
        }
    }
    return 0;
}

/* count_run: the length of the run starting at lo (n >= 1): the longest
 * non-descending prefix, or the longest strictly descending one. */
static int64_t count_run(Obj **lo, size_t n, bool *descending)
{
    *descending = false;
    if (n == 1)
        return 1;
    int k = islt(lo[1], lo[0]);
    if (k < 0)
        return -1;
    size_t i = 2;
    if (k) {
        *descending = true;
        for (; i < n; i++) {
            k = islt(lo[i], lo[i - 1]);
            if (k < 0)
                return -1;
            if (!k)
                break;
        }
    } else {
        for (; i < n; i++) {
            k = islt(lo[i], lo[i - 1]);
            if (k < 0)
                return -1;
            if (k)
                break;
        }
    }
    return (int64_t)i;
}

static size_t compute_minrun(size_t n)
{
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Merges the sorted runs [0, na) and [na, na + nb) of s, stably. On a
 * failed comparison the rest is put back so that no item is lost. */
static int merge(SortSlice s, size_t na, size_t nb, Obj **tmpk, Obj **tmpv)
{
    memcpy(tmpk, s.keys, na * sizeof(Obj *));
    if (s.values)
        memcpy(tmpv, s.values, na * sizeof(Obj *));
    size_t i = 0, j = na, d = 0;
    int err = 0;
    while (i < na && j < na + nb) {
        int k = islt(s.keys[j], tmpk[i]);
        if (k < 0) {
            err = -1;
            break;
        }
        if (k) {
            s.keys[d] = s.keys[j];
            if (s.values)
                s.values[d] = s.values[j];
            j++;
        } else {
            s.keys[d] = tmpk[i];
            if (s.values)
                s.values[d] = tmpv[i];
            i++;
        }
        d++;
    }
    memcpy(s.keys + d, tmpk + i, (na - i) * sizeof(Obj *));
    if (s.values)
        memcpy(s.values + d, tmpv + i, (na - i) * sizeof(Obj *));
    return err;
}

/* Sorts n >= 2 items in place; -1 with an exception set. */
static int timsort(SortSlice s, size_t n)
{
    size_t minrun = compute_minrun(n);
    size_t *runs = xmalloc((n / minrun + 2) * sizeof(size_t));
    size_t nruns = 0, lo = 0, rem = n;
    Obj **tmpk = NULL, **tmpv = NULL;
    int status = -1;
    do {
        bool desc;
        SortSlice at = advance(s, lo);
        int64_t r = count_run(at.keys, rem, &desc);
        if (r < 0)
            goto done;
        if (desc)
            reverse_slice(at, (size_t)r);
        if ((size_t)r < minrun) {
            size_t force = rem <= minrun ? rem : minrun;
            if (binarysort(at, force, (size_t)r) < 0)
                goto done;
            r = (int64_t)force;
        }
        runs[nruns++] = (size_t)r;
        lo += (size_t)r;
        rem -= (size_t)r;
    } while (rem);
    if (nruns > 1) {
        tmpk = xmalloc(n * sizeof(Obj *));
        if (s.values)
            tmpv = xmalloc(n * sizeof(Obj *));
    }
    while (nruns > 1) {
        size_t out = 0, start = 0;
        for (size_t k = 0; k < nruns; k += 2) {
            if (k + 1 == nruns) {
                runs[out++] = runs[k];
                break;
            }
            size_t merged = runs[k] + runs[k + 1];
            if (merge(advance(s, start), runs[k], runs[k + 1], tmpk, tmpv) < 0)
                goto done;
            runs[out++] = merged;
            start += merged;
        }
        nruns = out;
    }
    status = 0;
done:
    free(runs);
    free(tmpk);
    free(tmpv);
    return status;
}

/* list.sort(key=key, reverse=reverse): None, or NULL with an exception. */
Obj *list_sort(ListObj *l, Obj *key, bool reverse)
{
    if (key == Py_None)
        key = NULL;
    /* Detach the items: during the sort they belong to the sort, and the
     * list is empty (CPython sets allocated to -1 to notice changes). */
    size_t n = l->len, cap = l->cap;
    Obj **items = l->items;
    l->items = NULL;
    l->len = l->cap = 0;
    if (ev_on)
        for (size_t i = 0; i < n; i++)
            ref_move(items[i], SLOT(l, i), OWN_TEMP);

    Obj *result = NULL;
    Obj **keys = NULL;
    if (key && n > 0) {
        keys = xmalloc(n * sizeof(Obj *));
        for (size_t i = 0; i < n; i++) {
            keys[i] = obj_call1(key, items[i]);
            if (!keys[i]) {
                while (i-- > 0)
                    DECREF(keys[i]);
                free(keys);
                goto restore;
            }
        }
    }
    SortSlice s = keys ? (SortSlice){keys, items} : (SortSlice){items, NULL};
    if (reverse && n > 1)
        reverse_slice(s, n);
    if (n < 2 || timsort(s, n) == 0)
        result = Py_None;
    if (keys) {
        for (size_t i = 0; i < n; i++)
            DECREF(keys[i]);
        free(keys);
    }
    if (result && (l->items || l->cap)) {
        rt_raise(EXC(ValueError), "list modified during sort");
        result = NULL;
    }
    if (reverse && n > 1)
        reverse_range(items, items + n);

restore:;
    /* Whatever the key function or a comparison put into the list
     * meanwhile is dropped, as CPython does. */
    Obj **extra = l->items;
    size_t nextra = l->len, extra_cap = l->cap;
    l->items = items;
    l->len = n;
    l->cap = cap;
    if (ev_on)
        for (size_t i = 0; i < n; i++)
            ref_move(items[i], OWN_TEMP, SLOT(l, i));
    if (extra) {
        while (nextra-- > 0)
            ref_xdec(extra[nextra], SLOT(l, nextra));
        free(extra);
        heap_reserve(-(int64_t)(extra_cap * sizeof(Obj *)));
    }
    return result ? ref_new(result) : NULL;
}
