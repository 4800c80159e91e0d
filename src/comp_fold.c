/* comp_fold: the objects behind a module's constants.
 *
 * CPython's parser creates one object per literal and keeps it in the AST
 * arena while the module runs; its optimizer folds constant expressions
 * (1 + 2, -5, 'a' * 3, (1, 2), 'abc'[0]) into new objects kept the same way;
 * its compiler then merges equal constants of the whole module into one
 * object. All three are reproduced here, because sys.getrefcount of a
 * constant counts them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "comp_int.h"
#include "fmt.h"
#include "types.h"
#include "xmem.h"

typedef struct {
    const void *key;
    Obj *value;
} PtrEntry;

typedef struct {
    char *key;         /* may hold NUL bytes: compare len and bytes */
    size_t len;
    Obj *value;
} StrEntry;

struct ConstTable {
    PtrEntry *fold;          /* node -> folded value */
    size_t fold_cap, fold_len;
    StrEntry *merge;         /* value key -> canonical object */
    size_t merge_cap, merge_len;
    Obj **lits;              /* references held "by the tree" */
    size_t nlits, lits_cap;
    Diag *d;
};

/* ---- pointer map ---- */
static size_t ptr_hash(const void *p) { return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull); }

static void fold_put(ConstTable *t, const void *key, Obj *v)
{
    if ((t->fold_len + 1) * 2 > t->fold_cap) {
        size_t ncap = t->fold_cap ? t->fold_cap * 2 : 256;
        PtrEntry *n = xcalloc(ncap, sizeof *n);
        for (size_t i = 0; i < t->fold_cap; i++)
            if (t->fold[i].key) {
                size_t j = ptr_hash(t->fold[i].key) & (ncap - 1);
                while (n[j].key)
                    j = (j + 1) & (ncap - 1);
                n[j] = t->fold[i];
            }
        free(t->fold);
        t->fold = n;
        t->fold_cap = ncap;
    }
    size_t j = ptr_hash(key) & (t->fold_cap - 1);
    while (t->fold[j].key && t->fold[j].key != key)
        j = (j + 1) & (t->fold_cap - 1);
    if (!t->fold[j].key)
        t->fold_len++;
    t->fold[j].key = key;
    t->fold[j].value = v;
}

static Obj *fold_get(ConstTable *t, const void *key)
{
    if (!t->fold_cap)
        return NULL;
    size_t j = ptr_hash(key) & (t->fold_cap - 1);
    while (t->fold[j].key) {
        if (t->fold[j].key == key)
            return t->fold[j].value;
        j = (j + 1) & (t->fold_cap - 1);
    }
    return NULL;
}

Obj *const_of(ConstTable *t, Node *n) { return fold_get(t, n); }

/* The tuple a constant list display becomes in `x in [...]` and
 * `for x in [...]`: keyed by the list node's address + 1. */
static const void *as_tuple_key(Node *n) { return (const char *)n + 1; }

/* Takes a new reference v as one held by the tree. */
static Obj *keep(ConstTable *t, Obj *v)
{
    if (!v)
        return NULL;
    xgrow((void **)&t->lits, &t->lits_cap, t->nlits + 1, sizeof *t->lits);
    t->lits[t->nlits++] = v;
    ref_move(v, OWN_TEMP, OWNER(OWN_AST, 0, 0, NULL));
    return v;
}

/* ---- folding ---- */
static void fold_expr(ConstTable *t, Node *n);
static void fold_stmts(ConstTable *t, NodeList *l);

static void fold_list(ConstTable *t, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        fold_expr(t, l->items[i]);
}

static int64_t seq_len(Obj *o)
{
    if (IS(o, K_STR))
        return (int64_t)AS_STR(o)->nchars;
    if (IS(o, K_TUPLE))
        return (int64_t)AS_TUPLE(o)->len;
    return -1;
}

static bool is_intlike(Obj *o) { return IS(o, K_INT) || IS(o, K_BOOL); }

/* Bits of |v| (_PyLong_NumBits). */
static uint64_t int_bits(Obj *o)
{
    if (AS_BIG(o))
        return big_bit_length(AS_BIG(o));
    int64_t v = AS_INT(o);
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, n = 0;
    for (; m; m >>= 1)
        n++;
    return n;
}

/* CPython's ast_opt.c limit on folded ints (MAX_INT_SIZE): a product,
 * power or left shift whose operands could make more bits than this is
 * left to run time, which `is` and refcounts can tell apart. */
enum { FOLD_MAX_INT_BITS = 128 };

/* CPython's safe_multiply/safe_power/safe_lshift limits: never fold into
 * something big. */
static bool fold_allowed(Obj *a, Obj *b, int op)
{
    if (is_intlike(a) && is_intlike(b) && AS_INT(a) != 0) {
        uint64_t vbits = int_bits(a);
        if (op == OP_MUL && AS_INT(b) != 0)
            return vbits + int_bits(b) <= FOLD_MAX_INT_BITS;
        /* the exponent or count as a size_t: a negative or big one is
         * not folded (the conversion fails) */
        if (op == OP_POW && AS_INT(b) > 0)
            return !AS_BIG(b) && vbits <= FOLD_MAX_INT_BITS / (uint64_t)AS_INT(b);
        if (op == OP_LSHIFT && AS_INT(b) != 0)
            return AS_INT(b) > 0 && !AS_BIG(b) && AS_INT(b) <= FOLD_MAX_INT_BITS &&
                   vbits <= FOLD_MAX_INT_BITS - (uint64_t)AS_INT(b);
    }
    if (op == OP_MUL) {
        Obj *seq = seq_len(a) >= 0 ? a : seq_len(b) >= 0 ? b : NULL;
        Obj *num = seq == a ? b : a;
        if (seq && (IS(num, K_INT) || IS(num, K_BOOL))) {
            int64_t n = AS_INT(num), len = seq_len(seq);
            int64_t limit = IS(seq, K_STR) ? 4096 : 256;
            return n <= 0 || len == 0 || (n <= limit && len <= limit / n);
        }
    }
    if (op == OP_ADD && seq_len(a) >= 0 && seq_len(b) >= 0)
        return seq_len(a) + seq_len(b) <= (IS(a, K_STR) ? 4096 : 256);
    return true;
}

static Obj *try_op(Obj *r)
{
    if (!r) {
        rt_clear_error();
        return NULL;
    }
    return r;
}

static void fold_expr(ConstTable *t, Node *n)
{
    if (!n || t->d->set)
        return;
    Obj *v = NULL;
    switch (n->kind) {
    case E_INT: v = int_new(n->ival); break;
    case E_BIGINT: {
        /* the parser's text of an int literal past int64 (decimal digits;
         * base 0 also reads a 0x/0o/0b prefix, should it keep one) */
        BigInt b = BIG_INIT;
        if (big_from_str(&b, n->str, n->slen, 0, NULL) == BIG_OK) {
            v = int_from_big(&b);
        } else {
            big_free(&b);
            diag_set(t->d, DIAG_OVERFLOW, n->line, n->col, "integer literal too large");
            return;
        }
        break;
    }
    case E_FLOAT: v = float_new(n->fval); break;
    case E_STR:
        if (str_is_identifier_like(n->str, n->slen))
            v = ref_new(&str_intern(n->str)->h);
        else
            v = str_new(n->str, n->slen);
        break;
    case E_NONE: v = ref_new(Py_None); break;
    case E_TRUE: v = ref_new(Py_True); break;
    case E_FALSE: v = ref_new(Py_False); break;
    case E_UNARY: {
        fold_expr(t, n->a);
        Obj *a = fold_get(t, n->a);
        if (a)
            v = try_op(obj_unary(a, n->op));
        break;
    }
    case E_BINOP: {
        fold_expr(t, n->a);
        fold_expr(t, n->b);
        Obj *a = fold_get(t, n->a), *b = fold_get(t, n->b);
        if (a && b && fold_allowed(a, b, n->op))
            v = try_op(obj_binop(a, b, n->op, false));
        break;
    }
    case E_TUPLE: {
        fold_list(t, &n->l1);
        bool all = true;
        for (int i = 0; i < n->l1.len && all; i++)
            all = n->l1.items[i]->kind != E_STARRED && fold_get(t, n->l1.items[i]);
        if (all) {
            v = n->l1.len ? tuple_new((size_t)n->l1.len) : ref_new(&empty_tuple->h);
            for (int i = 0; v && i < n->l1.len; i++) {
                Obj *item = fold_get(t, n->l1.items[i]);
                AS_TUPLE(v)->items[i] = item;
                ref_inc(item, OWNER(OWN_SLOT, v->addr, i, NULL));
            }
        }
        break;
    }
    case E_SUBSCRIPT: {
        fold_expr(t, n->a);
        fold_expr(t, n->b);
        Obj *a = fold_get(t, n->a), *b = fold_get(t, n->b);
        if (a && b && (IS(a, K_STR) || IS(a, K_TUPLE)))
            v = try_op(obj_getitem(a, b));
        break;
    }
    case E_COMPARE:
        fold_expr(t, n->a);
        fold_list(t, &n->l1);
        /* only the last comparison: a middle operand is also compared with
         * the next one, where a list must stay a list */
        for (int i = n->l1.len - 1; i >= 0 && i == n->l1.len - 1; i--) {
            Node *r = n->l1.items[i];
            if ((n->ops[i] == CMP_IN || n->ops[i] == CMP_NOT_IN) && (r->kind == E_LIST || r->kind == E_SET)) {
                bool all = r->l1.len > 0;
                for (int k = 0; k < r->l1.len && all; k++)
                    all = r->l1.items[k]->kind != E_STARRED && fold_get(t, r->l1.items[k]);
                if (all && r->kind == E_LIST) {
                    Obj *tup = tuple_new((size_t)r->l1.len);
                    for (int k = 0; tup && k < r->l1.len; k++) {
                        Obj *item = fold_get(t, r->l1.items[k]);
                        AS_TUPLE(tup)->items[k] = item;
                        ref_inc(item, OWNER(OWN_SLOT, tup->addr, k, NULL));
                    }
                    if (keep(t, tup))
                        fold_put(t, as_tuple_key(r), tup);
                }
            }
        }
        return;
    case E_LAMBDA:
        for (int i = 0; i < n->l1.len; i++)
            fold_expr(t, n->l1.items[i]->a);
        fold_expr(t, n->a);
        return;
    case E_FORMATTED:
        fold_expr(t, n->a);
        fold_expr(t, n->b);
        return;
    default:
        fold_expr(t, n->a);
        fold_expr(t, n->b);
        fold_expr(t, n->c);
        fold_list(t, &n->l1);
        fold_list(t, &n->l2);
        return;
    }
    if (v && keep(t, v))
        fold_put(t, n, v);
    else if (!v && rt_error_occurred())
        rt_clear_error();
}

/* `for x in [1, 2, 3]`: a constant list display iterated becomes a tuple. */
static void fold_iter(ConstTable *t, Node *iter)
{
    if (iter->kind != E_LIST || iter->l1.len == 0)
        return;
    for (int k = 0; k < iter->l1.len; k++)
        if (iter->l1.items[k]->kind == E_STARRED || !fold_get(t, iter->l1.items[k]))
            return;
    Obj *tup = tuple_new((size_t)iter->l1.len);
    for (int k = 0; tup && k < iter->l1.len; k++) {
        Obj *item = fold_get(t, iter->l1.items[k]);
        AS_TUPLE(tup)->items[k] = item;
        ref_inc(item, OWNER(OWN_SLOT, tup->addr, k, NULL));
    }
    if (keep(t, tup))
        fold_put(t, as_tuple_key(iter), tup);
}

Obj *const_iter_tuple(ConstTable *t, Node *list_node) { return fold_get(t, as_tuple_key(list_node)); }

static void fold_comp_iters(ConstTable *t, Node *n)
{
    if (!n)
        return;
    if (n->kind == E_COMPFOR)
        fold_iter(t, n->b);
}

static void fold_walk_comps(ConstTable *t, Node *n)
{
    /* comprehension clauses anywhere below n */
    if (!n)
        return;
    fold_comp_iters(t, n);
    fold_walk_comps(t, n->a);
    fold_walk_comps(t, n->b);
    fold_walk_comps(t, n->c);
    for (int i = 0; i < n->l1.len; i++)
        fold_walk_comps(t, n->l1.items[i]);
    for (int i = 0; i < n->l2.len; i++)
        fold_walk_comps(t, n->l2.items[i]);
}

static void fold_stmt(ConstTable *t, Node *n)
{
    switch (n->kind) {
    case S_DEF:
        for (int i = 0; i < n->l1.len; i++)
            fold_expr(t, n->l1.items[i]->a);
        fold_stmts(t, &n->l2);
        return;
    case S_CLASS:
        fold_list(t, &n->l1);
        fold_stmts(t, &n->l2);
        return;
    case S_FOR:
        fold_expr(t, n->a);
        fold_expr(t, n->b);
        fold_iter(t, n->b);
        fold_stmts(t, &n->l1);
        fold_stmts(t, &n->l2);
        return;
    case S_TRY:
        fold_stmts(t, &n->l1);
        for (int i = 0; i < n->l2.len; i++) {
            fold_expr(t, n->l2.items[i]->a);
            fold_stmts(t, &n->l2.items[i]->l1);
        }
        fold_stmts(t, &n->l3);
        fold_stmts(t, &n->l4);
        return;
    case S_IF:
    case S_WHILE:
        fold_expr(t, n->a);
        fold_stmts(t, &n->l1);
        fold_stmts(t, &n->l2);
        return;
    case S_WITH:
        fold_stmts(t, &n->l1);
        return;
    case S_GLOBAL:
    case S_NONLOCAL:
    case S_IMPORT:
    case S_IMPORTFROM:
        return;
    default:
        fold_expr(t, n->a);
        fold_expr(t, n->b);
        fold_list(t, &n->l1);
        fold_walk_comps(t, n->a);
        fold_walk_comps(t, n->b);
        return;
    }
}

static void fold_stmts(ConstTable *t, NodeList *l)
{
    for (int i = 0; i < l->len && !t->d->set; i++)
        fold_stmt(t, l->items[i]);
}

ConstTable *const_build(Ast *ast, Diag *d)
{
    ConstTable *t = xcalloc(1, sizeof *t);
    t->d = d;
    fold_stmts(t, &ast->body);
    if (d->set) {
        const_free(t);
        return NULL;
    }
    return t;
}

/* ---- merging ---- */
static void value_key(Obj *o, FmtBuf *b)
{
    switch (o->kind) {
    case K_NONE: fmt_buf_puts(b, o == Py_None ? "N" : "I"); break;
    case K_BOOL: fmt_buf_printf(b, "b%d", (int)AS_INT(o)); break;
    case K_INT:
        if (AS_BIG(o)) {
            /* in hex: no length limit, never the text of an int64 key,
             * and no simulated object made for it */
            size_t n;
            char *hex = big_to_str(AS_BIG(o), 16, true, false, &n, NULL);
            fmt_buf_putc(b, 'i');
            fmt_buf_put(b, hex, n);
            free(hex);
        } else {
            fmt_buf_printf(b, "i%lld", (long long)AS_INT(o));
        }
        break;
    case K_FLOAT: {
        uint64_t bits;
        double d = AS_FLOAT(o);
        memcpy(&bits, &d, sizeof bits);
        fmt_buf_printf(b, "f%llx", (unsigned long long)bits);
        break;
    }
    case K_STR:
        fmt_buf_printf(b, "s%zu:", AS_STR(o)->len);
        fmt_buf_put(b, AS_STR(o)->s, AS_STR(o)->len);
        break;
    case K_TUPLE:
        fmt_buf_printf(b, "t%zu(", AS_TUPLE(o)->len);
        for (size_t i = 0; i < AS_TUPLE(o)->len; i++) {
            value_key(AS_TUPLE(o)->items[i], b);
            fmt_buf_putc(b, ',');
        }
        fmt_buf_putc(b, ')');
        break;
    case K_SET: {
        /* a frozenset constant: equal sets merge whatever their order */
        size_t n = set_len(o) > 0 ? (size_t)set_len(o) : 0, k = 0, pos = 0;
        char **keys = xcalloc(n + 1, sizeof *keys);
        size_t *lens = xcalloc(n + 1, sizeof *lens);
        Obj *item;
        while (k < n && set_next(o, &pos, &item)) {
            FmtBuf ib = FMT_BUF_INIT;
            value_key(item, &ib);
            lens[k] = ib.len;
            keys[k++] = fmt_buf_take(&ib);
        }
        for (size_t i = 1; i < k; i++) /* insertion sort: constant sets are small */
            for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
                char *t = keys[j]; keys[j] = keys[j - 1]; keys[j - 1] = t;
                size_t tl = lens[j]; lens[j] = lens[j - 1]; lens[j - 1] = tl;
            }
        fmt_buf_printf(b, "z%zu(", k);
        for (size_t i = 0; i < k; i++) {
            fmt_buf_put(b, keys[i], lens[i]);
            fmt_buf_putc(b, ',');
            free(keys[i]);
        }
        fmt_buf_putc(b, ')');
        free(keys);
        free(lens);
        break;
    }
    default:
        fmt_buf_printf(b, "p%llx", (unsigned long long)o->addr);
        break;
    }
}

static size_t key_hash(const char *k, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
    return (size_t)h;
}

Obj *const_merge(ConstTable *t, Obj *value)
{
    FmtBuf b = FMT_BUF_INIT;
    value_key(value, &b);
    size_t klen = b.len;
    char *key = fmt_buf_take(&b);
    if ((t->merge_len + 1) * 2 > t->merge_cap) {
        size_t ncap = t->merge_cap ? t->merge_cap * 2 : 256;
        StrEntry *n = xcalloc(ncap, sizeof *n);
        for (size_t i = 0; i < t->merge_cap; i++)
            if (t->merge[i].key) {
                size_t j = key_hash(t->merge[i].key, t->merge[i].len) & (ncap - 1);
                while (n[j].key)
                    j = (j + 1) & (ncap - 1);
                n[j] = t->merge[i];
            }
        free(t->merge);
        t->merge = n;
        t->merge_cap = ncap;
    }
    size_t j = key_hash(key, klen) & (t->merge_cap - 1);
    while (t->merge[j].key) {
        if (t->merge[j].len == klen && memcmp(t->merge[j].key, key, klen) == 0) {
            free(key);
            return t->merge[j].value;
        }
        j = (j + 1) & (t->merge_cap - 1);
    }
    t->merge[j].key = key;
    t->merge[j].len = klen;
    t->merge[j].value = value;
    t->merge_len++;
    /* a new tuple constant: its items are merged too, and the tuple takes the
     * shared ones (CPython's merge_consts_recursive) */
    if (IS(value, K_TUPLE)) {
        TupleObj *tup = AS_TUPLE(value);
        for (size_t i = 0; i < tup->len; i++) {
            Obj *item = tup->items[i];
            Obj *canon = const_merge(t, item);
            if (canon != item) {
                Owner slot = OWNER(OWN_SLOT, value->addr, i, NULL);
                ref_inc(canon, slot);
                tup->items[i] = canon;
                ref_dec(item, slot);
            }
        }
    }
    return value;
}

Obj **const_take_literals(ConstTable *t, int *n)
{
    Obj **l = t->lits;
    *n = (int)t->nlits;
    t->lits = NULL;
    t->nlits = t->lits_cap = 0;
    return l;
}

void const_free(ConstTable *t)
{
    if (!t)
        return;
    for (size_t i = t->nlits; i-- > 0;)
        ref_dec(t->lits[i], OWNER(OWN_AST, 0, 0, NULL));
    free(t->lits);
    for (size_t i = 0; i < t->merge_cap; i++)
        free(t->merge[i].key);
    free(t->merge);
    free(t->fold);
    free(t);
}
