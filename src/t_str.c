/* t_str: the str type. A str is immutable UTF-8 text (s, len bytes, NUL
 * terminated) with its length in code points and CPython's storage width,
 * which together give sys.getsizeof. Indices, lengths and comparisons are in
 * code points; the bytes stay valid UTF-8 because every operation here cuts
 * and joins them only at character boundaries.
 *
 * Sharing follows CPython 3.11 as far as `is` can observe it: the empty
 * string and the 256 one-character latin-1 strings are single shared
 * objects, and so is every interned string (identifiers, names, constants
 * that look like identifiers, sys.intern). Computed strings are new objects,
 * except that a result equal to its operand is the operand itself wherever
 * CPython returns it unchanged (s.strip() with nothing to strip, s[:],
 * s * 1, '' + s, ...).
 *
 * Formatting (str.format, format(), the % operator) lives in t_strfmt.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "fmt.h"
#include "heap.h"
#include "types.h"
#include "xmem.h"

/* t_strfmt.c: the % operator and str.format (the format method). */
Obj *str_mod_format(Obj *fmt, Obj *args);
Obj *str_format_method(Obj *self, Obj **args, int nargs, TupleObj *kwnames);

/* Unicode properties and case mappings (the end of this file). */
static bool uc_isspace(uint32_t c);
static bool uc_isalpha(uint32_t c);
static bool uc_isdecimal(uint32_t c);
static bool uc_isdigit(uint32_t c);
static bool uc_isnumeric(uint32_t c);
static bool uc_isupper(uint32_t c);
static bool uc_islower(uint32_t c);
static bool uc_istitle(uint32_t c);
static bool uc_iscased(uint32_t c);
static bool uc_iscaseignorable(uint32_t c);
static bool uc_isidstart(uint32_t c);
static bool uc_isidcontinue(uint32_t c);
static int uc_upper_full(uint32_t c, uint32_t out[3]);
static int uc_title_full(uint32_t c, uint32_t out[3]);
static int uc_fold_full(uint32_t c, uint32_t out[3]);
static uint32_t uc_lower1(uint32_t c);

/* ======================================================================
 * UTF-8
 * ====================================================================== */

/* Bytes of the character whose first byte is b (valid UTF-8). */
static inline size_t u8_width(unsigned char b)
{
    return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

static inline bool u8_is_cont(unsigned char b) { return (b & 0xc0) == 0x80; }

/* The code point starting at p; *n receives its byte count. */
static inline uint32_t u8_decode(const char *p, size_t *n)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80) {
        *n = 1;
        return u[0];
    }
    if (u[0] < 0xe0) {
        *n = 2;
        return (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
    }
    if (u[0] < 0xf0) {
        *n = 3;
        return (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
    }
    *n = 4;
    return (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3f) << 12 |
           (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
}

/* Writes cp (a surrogate too: its 3-byte form) to out; returns the bytes. */
static size_t u8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Start of the character that ends just before byte i (i > 0). */
static inline size_t u8_prev(const char *s, size_t i)
{
    do
        i--;
    while (i > 0 && u8_is_cont((unsigned char)s[i]));
    return i;
}

/* Code points in s[0..len). */
static size_t u8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += !u8_is_cont((unsigned char)s[i]);
    return n;
}

/* Code points and CPython's storage width (1 ascii, 2 latin-1, 3 ucs-2,
 * 4 ucs-4) of s[0..len). The largest lead byte decides the width: latin-1
 * characters lead with 0xc2/0xc3, the rest of the BMP with up to 0xef. */
static void u8_measure(const char *s, size_t len, size_t *nchars, uint8_t *width)
{
    size_t n = 0;
    unsigned char top = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        if (!u8_is_cont(b)) {
            n++;
            if (b > top)
                top = b;
        }
    }
    *nchars = n;
    *width = top < 0x80 ? 1 : top <= 0xc3 ? 2 : top < 0xf0 ? 3 : 4;
}

/* ======================================================================
 * Sizes and the heap limit
 * ====================================================================== */

/* sys.getsizeof of a CPython 3.11 compact string of n code points. */
static uint64_t str_bytes(uint64_t n, uint8_t width)
{
    switch (width) {
    case 1: return 49 + n;
    case 2: return 73 + n;
    case 3: return 74 + 2 * n;
    default: return 76 + 4 * n;
    }
}

/* Before building a result of `bytes` UTF-8 bytes in host memory: false
 * with MemoryError when the string could not fit in the simulated heap.
 * A str needs at least 49 + bytes/2 simulated bytes (no character takes
 * more than twice its storage in UTF-8), so what passes here costs at most
 * about twice the room left; obj_alloc does the exact accounting. */
static bool room_for(uint64_t bytes)
{
    uint64_t room = heap_limit() > heap_used() ? heap_limit() - heap_used() : 0;
    if (bytes / 2 + 49 > room || bytes > UINT32_MAX) {
        rt_no_memory();
        return false;
    }
    return true;
}

/* ======================================================================
 * Shared strings: the empty one, latin-1 characters, the interned table
 * ====================================================================== */

/* The empty string lives in static storage, so empty_str is a valid str
 * from the start; setup() gives it its simulated address. */
static char empty_text[1];
static StrObj empty_storage = {
    .h = {.refcnt = 1, .type = &type_str, .kind = K_STR, .flags = OF_IMMORTAL | OF_INTERNED},
    .s = empty_text,
    .width = 1,
};
StrObj *empty_str = &empty_storage;

static StrObj *latin1[256];

/* Interned strings other than the empty and latin-1 ones, by text: open
 * addressing with linear probing; deletion shifts entries back, so there
 * are no tombstones. Entries are borrowed: immortal strings hold their own
 * reference, and a string interned by sys.intern leaves the table when it
 * is freed (CPython's mortal interned strings). */
static struct {
    StrObj **slots;
    size_t cap, used;
} itab;

/* The shared strs made here in the static area (all but the empty one):
 * str_shutdown frees them. (A str that sys.intern made immortal later
 * keeps its heap block and goes with the other heap objects.) */
static StrObj **owned;
static size_t nowned, owned_cap;

static bool ready;

/* Recent character index -> byte offset lookups of non-ASCII strings, by
 * string (direct-mapped), so that walking strings by index, forwards or
 * backwards, several at a time (zip), stays linear. */
enum { NPOS = 8 };
typedef struct {
    const StrObj *s;
    size_t ci, bi;
} PosCache;
static PosCache pos_cache[NPOS];

static PosCache *pos_slot(const StrObj *s) { return &pos_cache[((uintptr_t)s >> 4) % NPOS]; }

static void setup(void)
{
    if (ready)
        return;
    ready = true;
    empty_storage.h.refcnt = 1;
    heap_alloc_static(&empty_storage.h, (uint32_t)str_bytes(0, 1), false);
}

static Obj *new_empty(void)
{
    setup();
    return ref_new(&empty_str->h);
}

/* A shared immortal str holding a copy of s[0..len) (not yet interned). */
static StrObj *make_shared(const char *s, size_t len)
{
    size_t n;
    uint8_t w;
    u8_measure(s, len, &n, &w);
    StrObj *o = (StrObj *)obj_alloc_static(K_STR, &type_str, sizeof(StrObj),
                                           (uint32_t)str_bytes(n, w));
    o->h.flags |= OF_INTERNED;
    o->s = xstrndup(s, len);
    o->len = len;
    o->nchars = n;
    o->width = w;
    xgrow((void **)&owned, &owned_cap, nowned + 1, sizeof *owned);
    owned[nowned++] = o;
    return o;
}

/* The shared string of latin-1 character cp (borrowed). */
static StrObj *latin1_char(uint32_t cp)
{
    setup();
    if (!latin1[cp]) {
        char buf[4];
        latin1[cp] = make_shared(buf, u8_encode(cp, buf));
    }
    return latin1[cp];
}

static size_t itab_slot(const char *s, size_t len, int64_t hash, bool *found)
{
    size_t mask = itab.cap - 1;
    size_t i = (size_t)hash & mask;
    for (;; i = (i + 1) & mask) {
        StrObj *e = itab.slots[i];
        if (!e) {
            *found = false;
            return i;
        }
        if (e->hash == hash && e->len == len && memcmp(e->s, s, len) == 0) {
            *found = true;
            return i;
        }
    }
}

static void itab_insert(StrObj *o)
{
    if (2 * (itab.used + 1) > itab.cap) {
        size_t oldcap = itab.cap;
        StrObj **old = itab.slots;
        itab.cap = oldcap ? oldcap * 2 : 256;
        itab.slots = xcalloc(itab.cap, sizeof *itab.slots);
        for (size_t i = 0; i < oldcap; i++) {
            if (old[i]) {
                size_t j = (size_t)old[i]->hash & (itab.cap - 1);
                while (itab.slots[j])
                    j = (j + 1) & (itab.cap - 1);
                itab.slots[j] = old[i];
            }
        }
        free(old);
    }
    bool found;
    size_t i = itab_slot(o->s, o->len, str_hash(o), &found);
    itab.slots[i] = o;
    itab.used++;
}

static void itab_remove(StrObj *o)
{
    if (!itab.slots)
        return;
    bool found;
    size_t mask = itab.cap - 1;
    size_t i = itab_slot(o->s, o->len, str_hash(o), &found);
    if (!found || itab.slots[i] != o)
        return;
    itab.slots[i] = NULL;
    itab.used--;
    /* Backward-shift: move later entries of the probe run into the hole
     * when their home slot lies at or before it. */
    for (size_t j = (i + 1) & mask; itab.slots[j]; j = (j + 1) & mask) {
        size_t home = (size_t)itab.slots[j]->hash & mask;
        if (((j - home) & mask) >= ((j - i) & mask)) {
            itab.slots[i] = itab.slots[j];
            itab.slots[j] = NULL;
            i = j;
        }
    }
}

/* The shared string of text s[0..len) if there is one (borrowed): the
 * empty string, a latin-1 character, or an interned string. */
static StrObj *shared_lookup(const char *s, size_t len)
{
    setup();
    if (len == 0)
        return empty_str;
    size_t n;
    uint32_t cp = u8_decode(s, &n);
    if (n == len && cp < 256)
        return latin1_char(cp);
    if (!itab.slots)
        return NULL;
    bool found;
    size_t i = itab_slot(s, len, fmt_hash_str(s, len), &found);
    return found ? itab.slots[i] : NULL;
}

/* ======================================================================
 * Creating strings
 * ====================================================================== */

/* A new str object that takes buf (xmalloc'd, NUL-terminated, freed on
 * failure). NULL with MemoryError past the heap limit. */
static Obj *str_alloc(char *buf, size_t len, size_t nchars, uint8_t width)
{
    uint64_t sim = str_bytes(nchars, width);
    if (sim > UINT32_MAX) {
        free(buf);
        return rt_no_memory();
    }
    StrObj *o = (StrObj *)obj_alloc(K_STR, &type_str, sizeof(StrObj), (uint32_t)sim);
    if (!o) {
        free(buf);
        return NULL;
    }
    o->s = buf;
    o->len = len;
    o->nchars = nchars;
    o->width = width;
    return &o->h;
}

/* The result of an operation whose text is s[0..len): the shared object
 * for the empty text and for one latin-1 character (CPython's
 * unicode_result), else a new object with a copy of the text. */
static Obj *str_result(const char *s, size_t len)
{
    if (len == 0)
        return new_empty();
    size_t n;
    uint32_t cp = u8_decode(s, &n);
    if (n == len && cp < 256)
        return ref_new(&latin1_char(cp)->h);
    size_t nchars;
    uint8_t width;
    u8_measure(s, len, &nchars, &width);
    return str_alloc(xstrndup(s, len), len, nchars, width);
}

/* As str_result, taking the text of b (b is left empty). */
static Obj *str_from_buf(FmtBuf *b)
{
    size_t len = b->len;
    if (len <= 2) { /* empty or possibly one latin-1 character */
        Obj *r = str_result(fmt_buf_cstr(b), len);
        fmt_buf_free(b);
        return r;
    }
    size_t nchars;
    uint8_t width;
    u8_measure(b->data, len, &nchars, &width);
    return str_alloc(fmt_buf_take(b), len, nchars, width);
}

/* A new str taking the text of b (b is left empty), even when it is one
 * character: CPython builds these results (case changes, replace, join,
 * padding, slices with a step) with PyUnicode_New, which shares only the
 * empty string. */
static Obj *fresh_from_buf(FmtBuf *b)
{
    if (b->len == 0) {
        fmt_buf_free(b);
        return new_empty();
    }
    size_t len = b->len, nchars;
    uint8_t width;
    u8_measure(b->data, len, &nchars, &width);
    return str_alloc(fmt_buf_take(b), len, nchars, width);
}

Obj *str_new(const char *s, size_t len) { return str_result(s, len); }

Obj *str_from_c(const char *s) { return str_result(s, strlen(s)); }

Obj *str_printf(const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return new_empty();
    if ((size_t)n < sizeof small)
        return str_result(small, (size_t)n);
    char *buf = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    Obj *r = str_result(buf, (size_t)n);
    free(buf);
    return r;
}

Obj *str_char(uint32_t cp)
{
    if (cp < 256)
        return ref_new(&latin1_char(cp)->h);
    char buf[4];
    size_t n = u8_encode(cp, buf);
    return str_alloc(xstrndup(buf, n), n, 1, cp < 0x10000 ? 3 : 4);
}

/* ======================================================================
 * Interning
 * ====================================================================== */

bool str_is_identifier_like(const char *s, size_t len)
{
    /* CPython's all_name_chars: only [A-Za-z0-9_], the empty text too. */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return false;
    }
    return true;
}

/* A string interned by sys.intern is mortal; when the engine itself asks
 * for its text later it must stay alive for good: it becomes immortal,
 * holding a reference of the interned table. */
static void make_immortal(StrObj *o)
{
    if (o->h.flags & OF_IMMORTAL)
        return;
    o->h.flags |= OF_IMMORTAL;
    ref_inc(&o->h, OWNER(OWN_MODULE, 0, 0, ev_intern("interned")));
}

StrObj *str_intern(const char *s)
{
    size_t len = strlen(s);
    StrObj *o = shared_lookup(s, len);
    if (o) {
        make_immortal(o);
        return o;
    }
    o = make_shared(s, len);
    itab_insert(o);
    return o;
}

Obj *str_intern_obj(Obj *s)
{
    if (!IS(s, K_STR)) {
        rt_raise(EXC(TypeError), "intern() argument must be str, not %s", type_name(s));
        DECREF(s);
        return NULL;
    }
    StrObj *o = AS_STR(s);
    if (o->h.flags & OF_INTERNED)
        return s;
    StrObj *t = shared_lookup(o->s, o->len);
    if (t) {
        ref_inc(&t->h, OWN_TEMP);
        DECREF(s);
        return &t->h;
    }
    /* As CPython: s itself becomes the interned string; the table's
     * entry is not counted, so s still dies with its last reference. */
    o->h.flags |= OF_INTERNED;
    itab_insert(o);
    return s;
}

/* str_intern for string literals, keyed by the literal's address: a dunder
 * name looked up on every attribute store costs one probe, not a hash of
 * its text. Only literals may come here (a buffer's address is reused). */
enum { LIT_CACHE = 64 };
static struct {
    const char *lit;
    StrObj *s;
} lit_cache[LIT_CACHE];

StrObj *str_intern_lit(const char *lit)
{
    size_t i = ((uintptr_t)lit >> 3) & (LIT_CACHE - 1);
    if (lit_cache[i].lit != lit) {
        lit_cache[i].s = str_intern(lit);
        lit_cache[i].lit = lit;
    }
    return lit_cache[i].s;
}

void str_shutdown(void)
{
    memset(lit_cache, 0, sizeof lit_cache);
    for (size_t i = 0; i < nowned; i++) {
        free(owned[i]->s);
        free(owned[i]);
    }
    free(owned);
    owned = NULL;
    nowned = owned_cap = 0;
    free(itab.slots);
    memset(&itab, 0, sizeof itab);
    memset(latin1, 0, sizeof latin1);
    memset(&pos_cache, 0, sizeof pos_cache);
    ready = false;
}

/* ======================================================================
 * Kind operations
 * ====================================================================== */

void str_traverse(Obj *o, VisitFn visit, void *arg) { (void)o, (void)visit, (void)arg; }

void str_clear(Obj *o) { (void)o; }

void str_finish(Obj *o)
{
    StrObj *s = AS_STR(o);
    if (o->flags & OF_INTERNED) /* a heap str interned by sys.intern */
        itab_remove(s);
    if (pos_slot(s)->s == s)
        pos_slot(s)->s = NULL;
    if (s->s != empty_text)
        free(s->s);
    s->s = NULL;
}

size_t str_size(Obj *o) { return (size_t)str_bytes(AS_STR(o)->nchars, AS_STR(o)->width); }

/* ======================================================================
 * Basic access
 * ====================================================================== */

static inline bool is_ascii(const StrObj *s) { return s->len == s->nchars; }

/* Byte offset of character ci (0 <= ci <= nchars): walked to from the
 * nearest of the start, the end and the string's cached position. */
static size_t char_off(const StrObj *s, size_t ci)
{
    if (is_ascii(s))
        return ci;
    if (ci == s->nchars)
        return s->len;
    size_t c = 0, b = 0, dist = ci;
    if (s->nchars - ci < dist) {
        c = s->nchars;
        b = s->len;
        dist = s->nchars - ci;
    }
    PosCache *pc = pos_slot(s);
    if (pc->s == s && (pc->ci > ci ? pc->ci - ci : ci - pc->ci) < dist) {
        c = pc->ci;
        b = pc->bi;
    }
    for (; c < ci; c++)
        b += u8_width((unsigned char)s->s[b]);
    for (; c > ci; c--)
        b = u8_prev(s->s, b);
    pc->s = s;
    pc->ci = ci;
    pc->bi = b;
    return b;
}

uint32_t str_char_at(StrObj *s, size_t i)
{
    if (is_ascii(s))
        return (unsigned char)s->s[i];
    size_t n;
    return u8_decode(s->s + char_off(s, i), &n);
}

/* The code points of s in a new host array (nchars of them). */
static uint32_t *decode_all(const StrObj *s)
{
    uint32_t *cps = xmalloc((s->nchars + 1) * sizeof *cps);
    size_t n, k = 0;
    for (size_t i = 0; i < s->len; i += n)
        cps[k++] = u8_decode(s->s + i, &n);
    return cps;
}

/* s[b0..b1) by byte offsets, or s itself when that is all of it. */
static Obj *sub_bytes(StrObj *s, size_t b0, size_t b1)
{
    if (b0 == 0 && b1 == s->len)
        return ref_new(&s->h);
    return str_result(s->s + b0, b1 - b0);
}

int64_t str_len(Obj *o) { return (int64_t)AS_STR(o)->nchars; }

int64_t str_hash(StrObj *s)
{
    if (!s->hashed) {
        s->hash = fmt_hash_str(s->s, s->len);
        s->hashed = true;
    }
    return s->hash;
}

bool str_eq(StrObj *a, StrObj *b)
{
    if (a == b)
        return true;
    if (a->len != b->len)
        return false;
    if (a->hashed && b->hashed && a->hash != b->hash)
        return false;
    return memcmp(a->s, b->s, a->len) == 0;
}

Obj *str_repr(Obj *o)
{
    FmtBuf b = FMT_BUF_INIT;
    fmt_str_repr(AS_STR(o)->s, AS_STR(o)->len, &b);
    return str_from_buf(&b);
}

/* ======================================================================
 * Substring search (bytes of valid UTF-8: a match always starts and ends
 * on character boundaries)
 * ====================================================================== */

/* Needles up to this length are searched naively: the worst case stays a
 * small multiple of the text. Longer ones use Knuth-Morris-Pratt, linear
 * in every case, so no script can make a search quadratic. */
enum { NAIVE_MAX = 16 };

/* KMP over h[0..n) and p[0..m), read backwards when rev; returns the
 * offset (in forward terms) of the first match met, or -1. */
static ptrdiff_t kmp(const char *h, size_t n, const char *p, size_t m, bool rev)
{
#define AT(s, len, i) ((s)[rev ? (len) - 1 - (i) : (i)])
    size_t *fail = xmalloc(m * sizeof *fail);
    fail[0] = 0;
    for (size_t i = 1, k = 0; i < m; i++) {
        while (k > 0 && AT(p, m, i) != AT(p, m, k))
            k = fail[k - 1];
        if (AT(p, m, i) == AT(p, m, k))
            k++;
        fail[i] = k;
    }
    ptrdiff_t found = -1;
    for (size_t i = 0, k = 0; i < n; i++) {
        while (k > 0 && AT(h, n, i) != AT(p, m, k))
            k = fail[k - 1];
        if (AT(h, n, i) == AT(p, m, k))
            k++;
        if (k == m) {
            size_t end = i + 1; /* in the scan's direction */
            found = (ptrdiff_t)(rev ? n - end : end - m);
            break;
        }
    }
    free(fail);
    return found;
#undef AT
}

/* First match of p[0..m) (m > 0) in h[0..n): its offset or -1. */
static ptrdiff_t find_fwd(const char *h, size_t n, const char *p, size_t m)
{
    if (m > n)
        return -1;
    if (m > NAIVE_MAX)
        return kmp(h, n, p, m, false);
    size_t last = n - m;
    for (size_t i = 0; i <= last;) {
        const char *q = memchr(h + i, p[0], last - i + 1);
        if (!q)
            return -1;
        i = (size_t)(q - h);
        if (memcmp(q, p, m) == 0)
            return (ptrdiff_t)i;
        i++;
    }
    return -1;
}

/* Last match of p[0..m) (m > 0) in h[0..n): its offset or -1. */
static ptrdiff_t find_rev(const char *h, size_t n, const char *p, size_t m)
{
    if (m > n)
        return -1;
    if (m > NAIVE_MAX)
        return kmp(h, n, p, m, true);
    for (size_t i = n - m + 1; i-- > 0;)
        if (h[i] == p[0] && memcmp(h + i, p, m) == 0)
            return (ptrdiff_t)i;
    return -1;
}

/* Non-overlapping matches of p (m > 0) in h[0..n), at most max. */
static size_t count_matches(const char *h, size_t n, const char *p, size_t m, size_t max)
{
    size_t count = 0, i = 0;
    while (count < max) {
        ptrdiff_t k = find_fwd(h + i, n - i, p, m);
        if (k < 0)
            break;
        count++;
        i += (size_t)k + m;
    }
    return count;
}

/* ======================================================================
 * Protocol: items, membership, iteration, operators, comparison
 * ====================================================================== */

Obj *str_getitem(Obj *o, Obj *key)
{
    StrObj *s = AS_STR(o);
    if (obj_index_like(key)) {
        int64_t i;
        if (!int_as_subscript(key, &i))
            return NULL;
        if (i < 0)
            i += (int64_t)s->nchars;
        if (i < 0 || i >= (int64_t)s->nchars)
            return rt_raise(EXC(IndexError), "string index out of range");
        return str_char(str_char_at(s, (size_t)i));
    }
    if (!IS(key, K_SLICE))
        return rt_raise(EXC(TypeError), "string indices must be integers, not '%s'",
                        type_name(key));
    int64_t start, stop, step, n;
    if (slice_indices(key, (int64_t)s->nchars, &start, &stop, &step, &n) < 0)
        return NULL;
    if (n <= 0)
        return new_empty();
    if (step == 1)
        return sub_bytes(s, char_off(s, (size_t)start), char_off(s, (size_t)(start + n)));
    FmtBuf b = FMT_BUF_INIT;
    if (is_ascii(s)) {
        fmt_buf_reserve(&b, (size_t)n);
        for (int64_t k = 0, i = start; k < n; k++, i += step)
            fmt_buf_putc(&b, s->s[i]);
    } else {
        uint32_t *cps = decode_all(s);
        for (int64_t k = 0, i = start; k < n; k++, i += step)
            fmt_buf_put_cp(&b, cps[i]);
        free(cps);
    }
    return fresh_from_buf(&b);
}

int str_contains(Obj *o, Obj *item)
{
    if (!IS(item, K_STR))
        return rt_raise_int(EXC(TypeError), "'in <string>' requires string as left operand, not %s",
                            type_name(item));
    StrObj *s = AS_STR(o), *p = AS_STR(item);
    if (p->len == 0)
        return 1;
    return find_fwd(s->s, s->len, p->s, p->len) >= 0;
}

Obj *str_iter(Obj *o) { return iter_new(&type_str_iterator, IT_SEQ, o); }

Obj *str_concat(Obj *a, Obj *b)
{
    if (!IS(b, K_STR))
        return rt_raise(EXC(TypeError), "can only concatenate str (not \"%s\") to str",
                        type_name(b));
    StrObj *x = AS_STR(a), *y = AS_STR(b);
    if (y->len == 0)
        return ref_new(a);
    if (x->len == 0)
        return ref_new(b);
    if (!room_for((uint64_t)x->len + y->len))
        return NULL;
    size_t len = x->len + y->len;
    char *buf = xmalloc(len + 1);
    memcpy(buf, x->s, x->len);
    memcpy(buf + x->len, y->s, y->len);
    buf[len] = 0;
    return str_alloc(buf, len, x->nchars + y->nchars, x->width > y->width ? x->width : y->width);
}

static Obj *str_repeat(StrObj *s, int64_t n)
{
    if (n <= 0 || s->len == 0)
        return new_empty();
    if (n == 1)
        return ref_new(&s->h);
    if (s->nchars > (uint64_t)INT64_MAX / (uint64_t)n)
        return rt_raise(EXC(OverflowError), "repeated string is too long");
    uint64_t nchars = s->nchars * (uint64_t)n;
    uint64_t room = heap_limit() > heap_used() ? heap_limit() - heap_used() : 0;
    if (str_bytes(nchars, s->width) > room || str_bytes(nchars, s->width) > UINT32_MAX)
        return rt_no_memory();
    size_t len = s->len * (size_t)n;
    char *buf = xmalloc(len + 1);
    /* Doubling copies: log2(n) memcpy calls. */
    memcpy(buf, s->s, s->len);
    size_t done = s->len;
    while (done < len) {
        size_t k = done <= len - done ? done : len - done;
        memcpy(buf + done, buf, k);
        done += k;
    }
    buf[len] = 0;
    return str_alloc(buf, len, (size_t)nchars, s->width);
}

/* A user object whose class defines the reflected operator gets its turn:
 * CPython tries it before str's sequence fallback raises. */
static bool defers_to(Obj *b, const char *dunder)
{
    return TYPE(b)->user && type_lookup(TYPE(b), str_intern(dunder)) != NULL;
}

Obj *str_binop(Obj *a, Obj *b, int op, bool inplace)
{
    (void)inplace;
    if (!IS(a, K_STR))
        return ref_new(Py_NotImplemented);
    switch (op) {
    case OP_ADD:
        if (!IS(b, K_STR) && defers_to(b, "__radd__"))
            return ref_new(Py_NotImplemented);
        return str_concat(a, b);
    case OP_MUL:
        if (IS(b, K_INT) || IS(b, K_BOOL)) {
            int64_t n;
            return int_as_index(b, &n) ? str_repeat(AS_STR(a), n) : NULL;
        }
        if (defers_to(b, "__rmul__"))
            return ref_new(Py_NotImplemented);
        return rt_raise(EXC(TypeError), "can't multiply sequence by non-int of type '%s'",
                        type_name(b));
    case OP_MOD:
        return str_mod_format(a, b);
    default:
        return ref_new(Py_NotImplemented);
    }
}

/* <0, 0, >0 in code point order (the UTF-8 byte order is the same). */
static int str_cmp(const StrObj *a, const StrObj *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->s, b->s, n);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

Obj *str_compare(Obj *a, Obj *b, int cmpop)
{
    if (!IS(a, K_STR) || !IS(b, K_STR))
        return ref_new(Py_NotImplemented);
    StrObj *x = AS_STR(a), *y = AS_STR(b);
    switch (cmpop) {
    case CMP_EQ: return bool_new(str_eq(x, y));
    case CMP_NE: return bool_new(!str_eq(x, y));
    case CMP_LT: return bool_new(str_cmp(x, y) < 0);
    case CMP_LE: return bool_new(str_cmp(x, y) <= 0);
    case CMP_GT: return bool_new(str_cmp(x, y) > 0);
    case CMP_GE: return bool_new(str_cmp(x, y) >= 0);
    default: return ref_new(Py_NotImplemented);
    }
}

/* ======================================================================
 * Building lists and tuples of results
 * ====================================================================== */

static void tuple_put(Obj *t, size_t i, Obj *item)
{
    AS_TUPLE(t)->items[i] = item;
    ref_move(item, OWN_TEMP, OWNER(OWN_SLOT, t->addr, i, NULL));
}

/* A 3-tuple that takes a, b and c (all non-NULL). */
static Obj *triple(Obj *a, Obj *b, Obj *c)
{
    Obj *t = tuple_new(3);
    if (!t) {
        DECREF(a), DECREF(b), DECREF(c);
        return NULL;
    }
    tuple_put(t, 0, a);
    tuple_put(t, 1, b);
    tuple_put(t, 2, c);
    obj_gc_track(t);
    return t;
}

/* Appends item (stolen; NULL means an error is set) to list; false, with
 * the list released, on failure. */
static bool push(Obj *list, Obj *item)
{
    if (!item || list_append_take(list, item) < 0) {
        DECREF(list);
        return false;
    }
    return true;
}

/* CPython's split() and rsplit() preallocate 12 list slots, so their
 * results are bigger than a list grown from empty (sys.getsizeof). */
enum { SPLIT_PREALLOC = 12 };

/* rsplit collects its pieces from the end; CPython reverses them. */
static void reverse_items(Obj *list)
{
    ListObj *l = AS_LIST(list);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        Obj *t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
        Owner wi = OWNER(OWN_SLOT, list->addr, i, NULL), wj = OWNER(OWN_SLOT, list->addr, j - 1, NULL);
        ref_move(l->items[i], wj, wi);
        ref_move(l->items[j - 1], wi, wj);
    }
}

/* ======================================================================
 * Joining
 * ====================================================================== */

Obj *str_join(Obj *sep, Obj *iterable)
{
    Obj *seq;
    if (IS(iterable, K_LIST) || IS(iterable, K_TUPLE)) {
        seq = ref_new(iterable);
    } else {
        /* PySequence_Fast: any other iterable becomes a list first. */
        Obj *it = obj_iter(iterable);
        if (!it) {
            if (rt_error_matches(EXC(TypeError))) {
                rt_clear_error();
                rt_raise(EXC(TypeError), "can only join an iterable");
            }
            return NULL;
        }
        seq = list_from_iter(it);
        DECREF(it);
        if (!seq)
            return NULL;
    }
    size_t n;
    Obj **items;
    if (IS(seq, K_LIST)) {
        n = AS_LIST(seq)->len;
        items = AS_LIST(seq)->items;
    } else {
        n = AS_TUPLE(seq)->len;
        items = AS_TUPLE(seq)->items;
    }
    Obj *r = NULL;
    if (n == 0) {
        r = new_empty();
    } else if (n == 1 && IS(items[0], K_STR) && items[0]->type == &type_str) {
        r = ref_new(items[0]);
    } else {
        StrObj *sp = AS_STR(sep);
        uint64_t len = 0, nchars = 0;
        uint8_t width = sp->width;
        for (size_t i = 0; i < n; i++) {
            if (!IS(items[i], K_STR)) {
                rt_raise(EXC(TypeError), "sequence item %zu: expected str instance, %s found", i,
                         type_name(items[i]));
                goto done;
            }
            StrObj *it = AS_STR(items[i]);
            len += it->len;
            nchars += it->nchars;
            if (it->width > width)
                width = it->width;
        }
        len += (uint64_t)sp->len * (n - 1);
        nchars += (uint64_t)sp->nchars * (n - 1);
        if (nchars > 0 && !room_for(len))
            goto done;
        char *buf = xmalloc((size_t)len + 1);
        size_t at = 0;
        for (size_t i = 0; i < n; i++) {
            if (i) {
                memcpy(buf + at, sp->s, sp->len);
                at += sp->len;
            }
            memcpy(buf + at, AS_STR(items[i])->s, AS_STR(items[i])->len);
            at += AS_STR(items[i])->len;
        }
        buf[at] = 0;
        if (nchars == 0) {
            free(buf);
            r = new_empty();
        } else { /* a new object even for one character, as CPython's */
            r = str_alloc(buf, at, (size_t)nchars, width);
        }
    }
done:
    DECREF(seq);
    return r;
}

/* ======================================================================
 * str(...)
 * ====================================================================== */

Obj *str_new_call(TypeObj *t, Obj **args, int nargs, TupleObj *kwnames)
{
    (void)t;
    static const char *const names[] = {"object", "encoding", "errors"};
    Obj *a[3] = {NULL, NULL, NULL};
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (nargs + nkw > 3)
        return rt_raise(EXC(TypeError), "str() takes at most 3 %sarguments (%d given)",
                        nargs == 0 ? "keyword " : "", nargs + nkw);
    for (int i = 0; i < nargs; i++)
        a[i] = args[i];
    for (int k = 0; k < nkw; k++) {
        const char *kn = AS_STR(kwnames->items[k])->s;
        int p = 0;
        while (p < 3 && strcmp(kn, names[p]) != 0)
            p++;
        if (p == 3)
            return rt_raise(EXC(TypeError), "'%s' is an invalid keyword argument for str()", kn);
        if (p < nargs)
            return rt_raise(EXC(TypeError),
                            "argument for str() given by name ('%s') and position (%d)", kn, p + 1);
        a[p] = args[nargs + k];
    }
    if (a[1] || a[2]) {
        for (int p = 1; p < 3; p++)
            if (a[p] && !IS(a[p], K_STR))
                return rt_raise(EXC(TypeError), "str() argument '%s' must be str, not %s",
                                names[p], type_name(a[p]));
        if (!a[0])
            return new_empty();
        if (IS(a[0], K_STR))
            return rt_raise(EXC(TypeError), "decoding str is not supported");
        return rt_raise(EXC(TypeError), "decoding to str: need a bytes-like object, %s found",
                        type_name(a[0]));
    }
    if (!a[0])
        return new_empty();
    return obj_str(a[0]);
}

/* ======================================================================
 * Method arguments, worded as CPython 3.11 words them for each method's
 * calling convention (the table declares every method variadic with
 * keywords, and each method checks for itself).
 * ====================================================================== */

/* METH_NOARGS: "str.upper() takes no arguments (1 given)". */
static bool no_args(const char *qual, int nargs, TupleObj *kw)
{
    return arg_no_kwargs(qual, kw) == 0 && arg_count(qual, nargs, 0, 0) == 0;
}

/* METH_O ("str.join() takes exactly one argument (0 given)") and
 * positional-only Argument Clinic ("strip expected at most 1 argument,
 * got 2"; keywords: "str.strip() takes no keyword arguments"). */
static bool pos_args(const char *qual, const char *name, int nargs, TupleObj *kw, int min, int max)
{
    if (arg_no_kwargs(qual, kw) < 0)
        return false;
    return arg_count(min == 1 && max == 1 ? qual : name, nargs, min, max) == 0;
}

/* PyArg_ParseTuple: "find() takes at least 1 argument (0 given)". */
static bool tuple_args(const char *name, int nargs, TupleObj *kw, int min, int max)
{
    if (arg_no_kwargs(name, kw) < 0)
        return false;
    if (nargs < min) {
        rt_raise(EXC(TypeError), "%s() takes at least %d argument%s (%d given)", name, min,
                 min == 1 ? "" : "s", nargs);
        return false;
    }
    if (nargs > max) {
        rt_raise(EXC(TypeError), "%s() takes at most %d argument%s (%d given)", name, max,
                 max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

/* Argument Clinic with keyword parameters names[0..n): out[i] is the
 * value of parameter i or NULL. */
static bool kw_args(const char *name, Obj **args, int nargs, TupleObj *kwnames,
                    const char *const *names, int n, Obj **out)
{
    int nkw = kwnames ? (int)kwnames->len : 0;
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    if (nargs + nkw > n) {
        rt_raise(EXC(TypeError), "%s() takes at most %d %sargument%s (%d given)", name, n,
                 nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", nargs + nkw);
        return false;
    }
    for (int k = 0; k < nkw; k++) {
        const char *kn = AS_STR(kwnames->items[k])->s;
        int p = 0;
        while (p < n && strcmp(kn, names[p]) != 0)
            p++;
        if (p == n) {
            rt_raise(EXC(TypeError), "'%s' is an invalid keyword argument for %s()", kn, name);
            return false;
        }
        if (p < nargs) {
            rt_raise(EXC(TypeError), "argument for %s() given by name ('%s') and position (%d)",
                     name, kn, p + 1);
            return false;
        }
        out[p] = args[nargs + k];
    }
    return true;
}

/* A start/end argument of find() and friends: None keeps *v. */
static bool slice_arg(Obj *o, int64_t *v)
{
    if (!o || o == Py_None)
        return true;
    if (IS(o, K_INT) || IS(o, K_BOOL)) {
        *v = AS_INT(o);
        return true;
    }
    rt_raise(EXC(TypeError), "slice indices must be integers or None or have an __index__ method");
    return false;
}

/* CPython's ADJUST_INDICES: clamps start/end as a slice of len would. */
static void adjust_indices(int64_t *start, int64_t *end, int64_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

/* The (sub[, start[, end]]) arguments of find, index, count and their
 * right-hand versions; *sub is borrowed. */
static bool find_args(const char *name, Obj **args, int nargs, TupleObj *kw, StrObj *self,
                      StrObj **sub, int64_t *start, int64_t *end)
{
    if (!tuple_args(name, nargs, kw, 1, 3))
        return false;
    *start = 0;
    *end = INT64_MAX;
    if (!slice_arg(nargs > 1 ? args[1] : NULL, start) || !slice_arg(nargs > 2 ? args[2] : NULL, end))
        return false;
    if (!IS(args[0], K_STR)) {
        rt_raise(EXC(TypeError), "must be str, not %s", type_name(args[0]));
        return false;
    }
    *sub = AS_STR(args[0]);
    adjust_indices(start, end, (int64_t)self->nchars);
    return true;
}

/* ======================================================================
 * Methods: searching
 * ====================================================================== */

/* Index of sub in self[start:end] (first, or last when rev), -1 if none;
 * start/end already adjusted. */
static int64_t find_in(StrObj *self, StrObj *sub, int64_t start, int64_t end, bool rev)
{
    if (end - start < (int64_t)sub->nchars)
        return -1;
    if (sub->len == 0)
        return rev ? end : start;
    size_t b0 = char_off(self, (size_t)start), b1 = char_off(self, (size_t)end);
    ptrdiff_t k = rev ? find_rev(self->s + b0, b1 - b0, sub->s, sub->len)
                      : find_fwd(self->s + b0, b1 - b0, sub->s, sub->len);
    if (k < 0)
        return -1;
    return start + (int64_t)u8_count(self->s + b0, (size_t)k);
}

static Obj *find_common(const char *name, Obj *self, Obj **args, int nargs, TupleObj *kw,
                        bool rev, bool raise)
{
    StrObj *s = AS_STR(self), *sub;
    int64_t start, end;
    if (!find_args(name, args, nargs, kw, s, &sub, &start, &end))
        return NULL;
    int64_t r = find_in(s, sub, start, end, rev);
    if (r < 0 && raise)
        return rt_raise(EXC(ValueError), "substring not found");
    return int_new(r);
}

static Obj *m_find(Obj *self, Obj **a, int n, TupleObj *kw) { return find_common("find", self, a, n, kw, false, false); }
static Obj *m_rfind(Obj *self, Obj **a, int n, TupleObj *kw) { return find_common("rfind", self, a, n, kw, true, false); }
static Obj *m_index(Obj *self, Obj **a, int n, TupleObj *kw) { return find_common("index", self, a, n, kw, false, true); }
static Obj *m_rindex(Obj *self, Obj **a, int n, TupleObj *kw) { return find_common("rindex", self, a, n, kw, true, true); }

static Obj *m_count(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    StrObj *s = AS_STR(self), *sub;
    int64_t start, end;
    if (!find_args("count", args, nargs, kw, s, &sub, &start, &end))
        return NULL;
    if (end - start < (int64_t)sub->nchars)
        return int_new(0);
    if (sub->len == 0)
        return int_new(end - start + 1);
    size_t b0 = char_off(s, (size_t)start), b1 = char_off(s, (size_t)end);
    return int_new((int64_t)count_matches(s->s + b0, b1 - b0, sub->s, sub->len, SIZE_MAX));
}

/* CPython's tailmatch: does sub match self[start:end] at its start
 * (dir < 0) or its end (dir > 0)? start/end already adjusted. */
static bool tailmatch(StrObj *self, StrObj *sub, int64_t start, int64_t end, int dir)
{
    if (end - (int64_t)sub->nchars < start)
        return false;
    if (sub->len == 0)
        return true;
    int64_t from = dir < 0 ? start : end - (int64_t)sub->nchars;
    size_t b0 = char_off(self, (size_t)from), b1 = char_off(self, (size_t)from + sub->nchars);
    return b1 - b0 == sub->len && memcmp(self->s + b0, sub->s, sub->len) == 0;
}

static Obj *startend(const char *name, Obj *self, Obj **args, int nargs, TupleObj *kw, int dir)
{
    StrObj *s = AS_STR(self);
    if (!tuple_args(name, nargs, kw, 1, 3))
        return NULL;
    int64_t start = 0, end = INT64_MAX;
    if (!slice_arg(nargs > 1 ? args[1] : NULL, &start) || !slice_arg(nargs > 2 ? args[2] : NULL, &end))
        return NULL;
    adjust_indices(&start, &end, (int64_t)s->nchars);
    Obj *x = args[0];
    if (IS(x, K_TUPLE)) {
        for (size_t i = 0; i < AS_TUPLE(x)->len; i++) {
            Obj *p = AS_TUPLE(x)->items[i];
            if (!IS(p, K_STR))
                return rt_raise(EXC(TypeError), "tuple for %s must only contain str, not %s", name,
                                type_name(p));
            if (tailmatch(s, AS_STR(p), start, end, dir))
                return bool_new(true);
        }
        return bool_new(false);
    }
    if (!IS(x, K_STR))
        return rt_raise(EXC(TypeError), "%s first arg must be str or a tuple of str, not %s", name,
                        type_name(x));
    return bool_new(tailmatch(s, AS_STR(x), start, end, dir));
}

static Obj *m_startswith(Obj *self, Obj **a, int n, TupleObj *kw) { return startend("startswith", self, a, n, kw, -1); }
static Obj *m_endswith(Obj *self, Obj **a, int n, TupleObj *kw) { return startend("endswith", self, a, n, kw, +1); }

/* ======================================================================
 * Methods: splitting and joining
 * ====================================================================== */

static bool is_space_at(const char *s, size_t i, size_t *n)
{
    return uc_isspace(u8_decode(s + i, n));
}

static Obj *split_ws(StrObj *s, int64_t maxsplit, Obj *list)
{
    const char *p = s->s;
    size_t len = s->len, i = 0, n;
    while (maxsplit-- > 0) {
        while (i < len && is_space_at(p, i, &n))
            i += n;
        if (i == len)
            break;
        size_t j = i;
        while (i < len && !is_space_at(p, i, &n))
            i += n;
        if (!push(list, sub_bytes(s, j, i)))
            return NULL;
    }
    if (i < len) {
        /* maxsplit reached: the rest, without its leading whitespace */
        while (i < len && is_space_at(p, i, &n))
            i += n;
        if (i < len && !push(list, sub_bytes(s, i, len)))
            return NULL;
    }
    return list;
}

static Obj *rsplit_ws(StrObj *s, int64_t maxsplit, Obj *list)
{
    const char *p = s->s;
    size_t i = s->len, n;
    while (maxsplit-- > 0) {
        while (i > 0 && is_space_at(p, u8_prev(p, i), &n))
            i = u8_prev(p, i);
        if (i == 0)
            break;
        size_t j = i;
        while (i > 0 && !is_space_at(p, u8_prev(p, i), &n))
            i = u8_prev(p, i);
        if (!push(list, sub_bytes(s, i, j)))
            return NULL;
    }
    if (i > 0) {
        while (i > 0 && is_space_at(p, u8_prev(p, i), &n))
            i = u8_prev(p, i);
        if (i > 0 && !push(list, sub_bytes(s, 0, i)))
            return NULL;
    }
    reverse_items(list);
    return list;
}

static Obj *split_sep(StrObj *s, StrObj *sep, int64_t maxsplit, Obj *list, bool rev)
{
    size_t i = 0, j = s->len;
    int64_t count = 0;
    while (maxsplit-- > 0) {
        ptrdiff_t k = rev ? find_rev(s->s, j, sep->s, sep->len)
                          : find_fwd(s->s + i, s->len - i, sep->s, sep->len);
        if (k < 0)
            break;
        count++;
        if (rev) {
            if (!push(list, sub_bytes(s, (size_t)k + sep->len, j)))
                return NULL;
            j = (size_t)k;
        } else {
            if (!push(list, sub_bytes(s, i, i + (size_t)k)))
                return NULL;
            i += (size_t)k + sep->len;
        }
    }
    /* No separator at all: the list holds self itself. */
    if (!push(list, count == 0 ? ref_new(&s->h) : sub_bytes(s, rev ? 0 : i, rev ? j : s->len)))
        return NULL;
    if (rev)
        reverse_items(list);
    return list;
}

static Obj *split_common(const char *name, Obj *self, Obj **args, int nargs, TupleObj *kw, bool rev)
{
    static const char *const names[] = {"sep", "maxsplit"};
    Obj *a[2];
    if (!kw_args(name, args, nargs, kw, names, 2, a))
        return NULL;
    Obj *sep = a[0] == Py_None ? NULL : a[0];
    int64_t maxsplit = -1;
    if (a[1] && !int_as_ssize(a[1], &maxsplit))
        return NULL;
    if (sep && !IS(sep, K_STR))
        return rt_raise(EXC(TypeError), "must be str or None, not %s", type_name(sep));
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    if (sep && AS_STR(sep)->len == 0)
        return rt_raise(EXC(ValueError), "empty separator");
    Obj *list = list_new_capacity(0, SPLIT_PREALLOC);
    if (!list)
        return NULL;
    StrObj *s = AS_STR(self);
    if (sep)
        list = split_sep(s, AS_STR(sep), maxsplit, list, rev);
    else
        list = rev ? rsplit_ws(s, maxsplit, list) : split_ws(s, maxsplit, list);
    if (list)
        obj_gc_track(list);
    return list;
}

static Obj *m_split(Obj *self, Obj **a, int n, TupleObj *kw) { return split_common("split", self, a, n, kw, false); }
static Obj *m_rsplit(Obj *self, Obj **a, int n, TupleObj *kw) { return split_common("rsplit", self, a, n, kw, true); }

/* Line boundaries of str.splitlines(): \n \r \v \f \x1c-\x1e \x85 and the
 * Unicode line and paragraph separators. */
static bool is_linebreak(uint32_t c)
{
    return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

static Obj *m_splitlines(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    static const char *const names[] = {"keepends"};
    Obj *a[1];
    if (!kw_args("splitlines", args, nargs, kw, names, 1, a))
        return NULL;
    int64_t keepends = 0;
    if (a[0] && !int_as_index(a[0], &keepends))
        return NULL;
    StrObj *s = AS_STR(self);
    Obj *list = list_new(0);
    if (!list)
        return NULL;
    size_t i = 0, j = 0, n = 0, len = s->len;
    while (i < len) {
        while (i < len && !is_linebreak(u8_decode(s->s + i, &n)))
            i += n;
        size_t eol = i;
        if (i < len) {
            if (s->s[i] == '\r' && i + 1 < len && s->s[i + 1] == '\n')
                i += 2;
            else
                i += n;
            if (keepends)
                eol = i;
        }
        if (!push(list, sub_bytes(s, j, eol)))
            return NULL;
        j = i;
    }
    obj_gc_track(list);
    return list;
}

static Obj *partition(const char *qual, Obj *self, Obj **args, int nargs, TupleObj *kw, bool rev)
{
    if (!pos_args(qual, qual, nargs, kw, 1, 1))
        return NULL;
    Obj *sep = args[0];
    if (!IS(sep, K_STR))
        return rt_raise(EXC(TypeError), "must be str, not %s", type_name(sep));
    StrObj *s = AS_STR(self), *p = AS_STR(sep);
    if (p->len == 0)
        return rt_raise(EXC(ValueError), "empty separator");
    ptrdiff_t k = rev ? find_rev(s->s, s->len, p->s, p->len) : find_fwd(s->s, s->len, p->s, p->len);
    if (k < 0) {
        if (rev)
            return triple(new_empty(), new_empty(), ref_new(self));
        return triple(ref_new(self), new_empty(), new_empty());
    }
    Obj *left = sub_bytes(s, 0, (size_t)k);
    if (!left)
        return NULL;
    Obj *right = sub_bytes(s, (size_t)k + p->len, s->len);
    if (!right) {
        DECREF(left);
        return NULL;
    }
    return triple(left, ref_new(sep), right);
}

static Obj *m_partition(Obj *self, Obj **a, int n, TupleObj *kw) { return partition("str.partition", self, a, n, kw, false); }
static Obj *m_rpartition(Obj *self, Obj **a, int n, TupleObj *kw) { return partition("str.rpartition", self, a, n, kw, true); }

static Obj *m_join(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!pos_args("str.join", "str.join", nargs, kw, 1, 1))
        return NULL;
    return str_join(self, args[0]);
}

/* ======================================================================
 * Methods: stripping, padding, replacing
 * ====================================================================== */

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2 };

/* Is c one of the code points of chars (NULL: whitespace)? */
static bool in_chars(uint32_t c, const StrObj *chars, const uint32_t *cps)
{
    if (!chars)
        return uc_isspace(c);
    if (cps) {
        for (size_t i = 0; i < chars->nchars; i++)
            if (cps[i] == c)
                return true;
        return false;
    }
    return c < 0x80 && memchr(chars->s, (int)c, chars->len) != NULL;
}

static Obj *strip(const char *name, Obj *self, Obj **args, int nargs, TupleObj *kw, int how)
{
    char qual[16];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (!pos_args(qual, name, nargs, kw, 0, 1))
        return NULL;
    Obj *c = nargs ? args[0] : Py_None;
    if (c != Py_None && !IS(c, K_STR))
        return rt_raise(EXC(TypeError), "%s arg must be None or str", name);
    StrObj *s = AS_STR(self);
    const StrObj *chars = c == Py_None ? NULL : AS_STR(c);
    uint32_t *cps = chars && !is_ascii(chars) ? decode_all(chars) : NULL;
    size_t i = 0, j = s->len, n;
    if (how & STRIP_LEFT)
        while (i < j && in_chars(u8_decode(s->s + i, &n), chars, cps))
            i += n;
    if (how & STRIP_RIGHT)
        while (j > i && in_chars(u8_decode(s->s + u8_prev(s->s, j), &n), chars, cps))
            j = u8_prev(s->s, j);
    free(cps);
    return sub_bytes(s, i, j);
}

static Obj *m_strip(Obj *self, Obj **a, int n, TupleObj *kw) { return strip("strip", self, a, n, kw, STRIP_LEFT | STRIP_RIGHT); }
static Obj *m_lstrip(Obj *self, Obj **a, int n, TupleObj *kw) { return strip("lstrip", self, a, n, kw, STRIP_LEFT); }
static Obj *m_rstrip(Obj *self, Obj **a, int n, TupleObj *kw) { return strip("rstrip", self, a, n, kw, STRIP_RIGHT); }

/* self with `left` copies of fill before it and `right` after it. */
static Obj *pad(StrObj *s, int64_t left, int64_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0)
        return ref_new(&s->h);
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if ((uint64_t)left + (uint64_t)right > UINT32_MAX)
        return rt_no_memory();
    char f[4];
    size_t fn = u8_encode(fill, f);
    if (!room_for(s->len + (uint64_t)(left + right) * fn))
        return NULL;
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_reserve(&b, s->len + (size_t)(left + right) * fn);
    fmt_buf_fill_cp(&b, fill, (size_t)left);
    fmt_buf_put(&b, s->s, s->len);
    fmt_buf_fill_cp(&b, fill, (size_t)right);
    return fresh_from_buf(&b);
}

/* width and the optional fill character of center, ljust and rjust. */
static bool just_args(const char *name, Obj **args, int nargs, TupleObj *kw, int64_t *width,
                      uint32_t *fill)
{
    char qual[16];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (!pos_args(qual, name, nargs, kw, 1, 2) || !int_as_ssize(args[0], width))
        return false;
    *fill = ' ';
    if (nargs > 1) {
        Obj *f = args[1];
        if (!IS(f, K_STR)) {
            rt_raise(EXC(TypeError), "The fill character must be a unicode character, not %s",
                     type_name(f));
            return false;
        }
        if (AS_STR(f)->nchars != 1) {
            rt_raise(EXC(TypeError), "The fill character must be exactly one character long");
            return false;
        }
        *fill = str_char_at(AS_STR(f), 0);
    }
    return true;
}

static Obj *m_center(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    int64_t width;
    uint32_t fill;
    if (!just_args("center", args, nargs, kw, &width, &fill))
        return NULL;
    StrObj *s = AS_STR(self);
    if ((int64_t)s->nchars >= width)
        return ref_new(self);
    int64_t marg = width - (int64_t)s->nchars;
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill);
}

static Obj *m_ljust(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    int64_t width;
    uint32_t fill;
    if (!just_args("ljust", args, nargs, kw, &width, &fill))
        return NULL;
    return pad(AS_STR(self), 0, width - (int64_t)AS_STR(self)->nchars, fill);
}

static Obj *m_rjust(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    int64_t width;
    uint32_t fill;
    if (!just_args("rjust", args, nargs, kw, &width, &fill))
        return NULL;
    return pad(AS_STR(self), width - (int64_t)AS_STR(self)->nchars, 0, fill);
}

static Obj *m_zfill(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    int64_t width;
    if (!pos_args("str.zfill", "str.zfill", nargs, kw, 1, 1) || !int_as_ssize(args[0], &width))
        return NULL;
    StrObj *s = AS_STR(self);
    if ((int64_t)s->nchars >= width)
        return ref_new(self);
    int64_t fill = width - (int64_t)s->nchars;
    if (!room_for(s->len + (uint64_t)fill))
        return NULL;
    FmtBuf b = FMT_BUF_INIT;
    size_t body = 0;
    if (s->len && (s->s[0] == '+' || s->s[0] == '-')) {
        fmt_buf_putc(&b, s->s[0]);
        body = 1;
    }
    fmt_buf_fill_cp(&b, '0', (size_t)fill);
    fmt_buf_put(&b, s->s + body, s->len - body);
    return fresh_from_buf(&b);
}

static Obj *m_expandtabs(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    static const char *const names[] = {"tabsize"};
    Obj *a[1];
    if (!kw_args("expandtabs", args, nargs, kw, names, 1, a))
        return NULL;
    int64_t tab = 8;
    if (a[0] && !int_as_index(a[0], &tab))
        return NULL;
    StrObj *s = AS_STR(self);
    if (!memchr(s->s, '\t', s->len))
        return ref_new(self);
    /* First pass: the size, so a huge tab size fails before any copy. */
    uint64_t col = 0, total = 0;
    size_t n;
    for (size_t i = 0; i < s->len; i += n) {
        uint32_t c = u8_decode(s->s + i, &n);
        if (c == '\t') {
            if (tab > 0) {
                uint64_t incr = (uint64_t)tab - col % (uint64_t)tab;
                col += incr;
                total += incr;
            }
        } else {
            col = c == '\n' || c == '\r' ? 0 : col + 1;
            total += n;
        }
        if (total > UINT32_MAX)
            return rt_no_memory();
    }
    if (!room_for(total))
        return NULL;
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_reserve(&b, (size_t)total);
    col = 0;
    for (size_t i = 0; i < s->len; i += n) {
        uint32_t c = u8_decode(s->s + i, &n);
        if (c == '\t') {
            if (tab > 0) {
                uint64_t incr = (uint64_t)tab - col % (uint64_t)tab;
                col += incr;
                fmt_buf_fill_cp(&b, ' ', (size_t)incr);
            }
        } else {
            col = c == '\n' || c == '\r' ? 0 : col + 1;
            fmt_buf_put(&b, s->s + i, n);
        }
    }
    return str_from_buf(&b);
}

static Obj *m_replace(Obj *self, Obj **args, int nargs, TupleObj *kw)
{
    if (!pos_args("str.replace", "replace", nargs, kw, 2, 3))
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!IS(args[i], K_STR))
            return rt_raise(EXC(TypeError), "replace() argument %d must be str, not %s", i + 1,
                            type_name(args[i]));
    int64_t count = -1;
    if (nargs > 2 && !int_as_ssize(args[2], &count))
        return NULL;
    StrObj *s = AS_STR(self), *old = AS_STR(args[0]), *new = AS_STR(args[1]);
    /* CPython's shortcuts, in its order: an explicit count of 0 or an
     * empty self, then the very same object for old and new. */
    size_t max = count < 0 ? SIZE_MAX : (size_t)count;
    if (count >= 0 && (count == 0 || s->len == 0))
        return ref_new(self);
    if (old == new || (old->len == 0 && new->len == 0))
        return ref_new(self);
    size_t n;
    if (old->len == 0)
        n = s->nchars + 1 < max ? s->nchars + 1 : max;
    else
        n = count_matches(s->s, s->len, old->s, old->len, max);
    if (n == 0)
        return ref_new(self);
    uint64_t total = (uint64_t)s->len - (uint64_t)n * old->len + (uint64_t)n * new->len;
    if (!room_for(total))
        return NULL;
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_reserve(&b, (size_t)total);
    size_t i = 0;
    if (old->len == 0) {
        /* new goes before each of the first n characters (and at the end
         * when n exceeds them). */
        for (size_t k = 0; k < n; k++) {
            fmt_buf_put(&b, new->s, new->len);
            if (i < s->len) {
                size_t w = u8_width((unsigned char)s->s[i]);
                fmt_buf_put(&b, s->s + i, w);
                i += w;
            }
        }
    } else {
        for (size_t k = 0; k < n; k++) {
            size_t at = i + (size_t)find_fwd(s->s + i, s->len - i, old->s, old->len);
            fmt_buf_put(&b, s->s + i, at - i);
            fmt_buf_put(&b, new->s, new->len);
            i = at + old->len;
        }
    }
    fmt_buf_put(&b, s->s + i, s->len - i);
    return fresh_from_buf(&b);
}

static Obj *remove_affix(const char *qual, const char *name, Obj *self, Obj **args, int nargs,
                         TupleObj *kw, bool prefix)
{
    if (!pos_args(qual, qual, nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], K_STR))
        return rt_raise(EXC(TypeError), "%s() argument must be str, not %s", name,
                        type_name(args[0]));
    StrObj *s = AS_STR(self), *a = AS_STR(args[0]);
    if (a->len == 0 || a->len > s->len)
        return ref_new(self);
    if (prefix)
        return memcmp(s->s, a->s, a->len) == 0 ? sub_bytes(s, a->len, s->len) : ref_new(self);
    return memcmp(s->s + s->len - a->len, a->s, a->len) == 0 ? sub_bytes(s, 0, s->len - a->len)
                                                             : ref_new(self);
}

static Obj *m_removeprefix(Obj *self, Obj **a, int n, TupleObj *kw)
{
    return remove_affix("str.removeprefix", "removeprefix", self, a, n, kw, true);
}

static Obj *m_removesuffix(Obj *self, Obj **a, int n, TupleObj *kw)
{
    return remove_affix("str.removesuffix", "removesuffix", self, a, n, kw, false);
}

/* ======================================================================
 * Methods: case
 * ====================================================================== */

/* CPython's handle_capital_sigma: U+03A3 at cps[i] lowers to the final
 * form when a cased letter precedes it and none follows it (skipping
 * case-ignorable characters both ways). */
static uint32_t lower_sigma(const uint32_t *cps, size_t n, size_t i)
{
    size_t j = i;
    while (j > 0 && uc_iscaseignorable(cps[j - 1]))
        j--;
    bool final = j > 0 && uc_iscased(cps[j - 1]);
    if (final) {
        j = i + 1;
        while (j < n && uc_iscaseignorable(cps[j]))
            j++;
        final = j == n || !uc_iscased(cps[j]);
    }
    return final ? 0x3c2 : 0x3c3;
}

/* Appends the full lowercase of cps[i] (context: the whole string). */
static void put_lower(FmtBuf *b, const uint32_t *cps, size_t n, size_t i)
{
    uint32_t c = cps[i];
    if (c == 0x3a3)
        fmt_buf_put_cp(b, lower_sigma(cps, n, i));
    else if (c == 0x130) { /* I WITH DOT ABOVE: i + COMBINING DOT ABOVE */
        fmt_buf_putc(b, 'i');
        fmt_buf_put_cp(b, 0x307);
    } else
        fmt_buf_put_cp(b, uc_lower1(c));
}

static void put_full(FmtBuf *b, int (*map)(uint32_t, uint32_t[3]), uint32_t c)
{
    uint32_t out[3];
    int k = map(c, out);
    for (int i = 0; i < k; i++)
        fmt_buf_put_cp(b, out[i]);
}

enum { CASE_UPPER, CASE_LOWER, CASE_CAPITALIZE, CASE_TITLE, CASE_SWAPCASE, CASE_FOLD };

static Obj *change_case(Obj *self, int how)
{
    StrObj *s = AS_STR(self);
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_reserve(&b, s->len);
    if (is_ascii(s)) {
        bool prev_cased = false;
        for (size_t i = 0; i < s->len; i++) {
            char c = s->s[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            bool to_up;
            switch (how) {
            case CASE_UPPER: to_up = true; break;
            case CASE_CAPITALIZE: to_up = i == 0; break;
            case CASE_TITLE: to_up = !prev_cased; break;
            case CASE_SWAPCASE: to_up = lo; break;
            default: to_up = false; break;
            }
            prev_cased = up || lo;
            fmt_buf_putc(&b, to_up && lo ? (char)(c - 32) : !to_up && up ? (char)(c + 32) : c);
        }
        return fresh_from_buf(&b);
    }
    uint32_t *cps = decode_all(s);
    size_t n = s->nchars;
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        switch (how) {
        case CASE_UPPER:
            put_full(&b, uc_upper_full, c);
            break;
        case CASE_LOWER:
            put_lower(&b, cps, n, i);
            break;
        case CASE_CAPITALIZE:
            if (i == 0)
                put_full(&b, uc_title_full, c);
            else
                put_lower(&b, cps, n, i);
            break;
        case CASE_TITLE:
            if (prev_cased)
                put_lower(&b, cps, n, i);
            else
                put_full(&b, uc_title_full, c);
            prev_cased = uc_iscased(c);
            break;
        case CASE_SWAPCASE:
            if (uc_isupper(c))
                put_lower(&b, cps, n, i);
            else if (uc_islower(c))
                put_full(&b, uc_upper_full, c);
            else
                fmt_buf_put_cp(&b, c);
            break;
        default:
            put_full(&b, uc_fold_full, c);
            break;
        }
    }
    free(cps);
    return fresh_from_buf(&b);
}

#define CASE_METHOD(fn, qual, how)                                        \
    static Obj *fn(Obj *self, Obj **args, int nargs, TupleObj *kw)       \
    {                                                                     \
        (void)args;                                                       \
        return no_args(qual, nargs, kw) ? change_case(self, how) : NULL;  \
    }
CASE_METHOD(m_upper, "str.upper", CASE_UPPER)
CASE_METHOD(m_lower, "str.lower", CASE_LOWER)
CASE_METHOD(m_capitalize, "str.capitalize", CASE_CAPITALIZE)
CASE_METHOD(m_title, "str.title", CASE_TITLE)
CASE_METHOD(m_swapcase, "str.swapcase", CASE_SWAPCASE)
CASE_METHOD(m_casefold, "str.casefold", CASE_FOLD)

/* ======================================================================
 * Methods: predicates
 * ====================================================================== */

/* True when s is not empty and every code point satisfies pred. */
static bool all_chars(const StrObj *s, bool (*pred)(uint32_t))
{
    if (s->len == 0)
        return false;
    size_t n;
    for (size_t i = 0; i < s->len; i += n)
        if (!pred(u8_decode(s->s + i, &n)))
            return false;
    return true;
}

static bool uc_isalnum(uint32_t c)
{
    return uc_isalpha(c) || uc_isdecimal(c) || uc_isdigit(c) || uc_isnumeric(c);
}

static bool uc_isprintable(uint32_t c) { return fmt_uni_isprintable(c); }

/* CPython's isupper/islower: some cased character, and none of the
 * other case (title case counting as upper for islower's purposes). */
static int case_state(const StrObj *s, bool want_upper)
{
    bool cased = false;
    size_t n;
    for (size_t i = 0; i < s->len; i += n) {
        uint32_t c = u8_decode(s->s + i, &n);
        if (want_upper ? uc_islower(c) || uc_istitle(c) : uc_isupper(c) || uc_istitle(c))
            return false;
        if (!cased && (want_upper ? uc_isupper(c) : uc_islower(c)))
            cased = true;
    }
    return cased;
}

static bool s_istitle(const StrObj *s)
{
    bool cased = false, prev_cased = false;
    size_t n;
    for (size_t i = 0; i < s->len; i += n) {
        uint32_t c = u8_decode(s->s + i, &n);
        if (uc_isupper(c) || uc_istitle(c)) {
            if (prev_cased)
                return false;
            prev_cased = cased = true;
        } else if (uc_islower(c)) {
            if (!prev_cased)
                return false;
            prev_cased = cased = true;
        } else
            prev_cased = false;
    }
    return cased;
}

static bool s_isidentifier(const StrObj *s)
{
    if (s->len == 0)
        return false;
    size_t n;
    uint32_t c = u8_decode(s->s, &n);
    if (!(c == '_' || uc_isidstart(c)))
        return false;
    for (size_t i = n; i < s->len; i += n)
        if (!uc_isidcontinue(u8_decode(s->s + i, &n)))
            return false;
    return true;
}

enum {
    P_DIGIT, P_ALPHA, P_ALNUM, P_SPACE, P_UPPER, P_LOWER, P_IDENT,
    P_DECIMAL, P_NUMERIC, P_ASCII, P_PRINTABLE, P_TITLE,
};

static Obj *predicate(Obj *self, int which)
{
    const StrObj *s = AS_STR(self);
    bool r;
    switch (which) {
    case P_DIGIT: r = all_chars(s, uc_isdigit); break;
    case P_ALPHA: r = all_chars(s, uc_isalpha); break;
    case P_ALNUM: r = all_chars(s, uc_isalnum); break;
    case P_SPACE: r = all_chars(s, uc_isspace); break;
    case P_UPPER: r = case_state(s, true); break;
    case P_LOWER: r = case_state(s, false); break;
    case P_IDENT: r = s_isidentifier(s); break;
    case P_DECIMAL: r = all_chars(s, uc_isdecimal); break;
    case P_NUMERIC: r = all_chars(s, uc_isnumeric); break;
    case P_ASCII: r = is_ascii(s); break;
    case P_PRINTABLE: r = s->len == 0 || all_chars(s, uc_isprintable); break;
    default: r = s_istitle(s); break;
    }
    return bool_new(r);
}

#define PRED_METHOD(fn, qual, which)                                     \
    static Obj *fn(Obj *self, Obj **args, int nargs, TupleObj *kw)      \
    {                                                                    \
        (void)args;                                                      \
        return no_args(qual, nargs, kw) ? predicate(self, which) : NULL; \
    }
PRED_METHOD(m_isdigit, "str.isdigit", P_DIGIT)
PRED_METHOD(m_isalpha, "str.isalpha", P_ALPHA)
PRED_METHOD(m_isalnum, "str.isalnum", P_ALNUM)
PRED_METHOD(m_isspace, "str.isspace", P_SPACE)
PRED_METHOD(m_isupper, "str.isupper", P_UPPER)
PRED_METHOD(m_islower, "str.islower", P_LOWER)
PRED_METHOD(m_isidentifier, "str.isidentifier", P_IDENT)
PRED_METHOD(m_isdecimal, "str.isdecimal", P_DECIMAL)
PRED_METHOD(m_isnumeric, "str.isnumeric", P_NUMERIC)
PRED_METHOD(m_isascii, "str.isascii", P_ASCII)
PRED_METHOD(m_isprintable, "str.isprintable", P_PRINTABLE)
PRED_METHOD(m_istitle, "str.istitle", P_TITLE)

/* Every method is declared variadic with keywords: each checks its own
 * arguments to give CPython's wording for its calling convention. */
#define M(n, f, d) {.name = n, .fn = f, .minargs = 0, .maxargs = -1, .kwargs = true, .doc = d}
const BuiltinDef str_methods[] = {
    M("capitalize", m_capitalize, "Return a capitalized version of the string."),
    M("casefold", m_casefold, "Return a version of the string suitable for caseless comparisons."),
    M("center", m_center, "Return a centered string of length width."),
    M("count", m_count, "Return the number of non-overlapping occurrences of substring sub."),
    M("endswith", m_endswith, "Return True if the string ends with the specified suffix."),
    M("expandtabs", m_expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    M("find", m_find, "Return the lowest index where substring sub is found, or -1."),
    M("format", str_format_method, "Return a formatted version of the string."),
    M("index", m_index, "Return the lowest index where substring sub is found."),
    M("isalnum", m_isalnum, "Return True if the string is an alpha-numeric string."),
    M("isalpha", m_isalpha, "Return True if the string is an alphabetic string."),
    M("isascii", m_isascii, "Return True if all characters in the string are ASCII."),
    M("isdecimal", m_isdecimal, "Return True if the string is a decimal string."),
    M("isdigit", m_isdigit, "Return True if the string is a digit string."),
    M("isidentifier", m_isidentifier, "Return True if the string is a valid Python identifier."),
    M("islower", m_islower, "Return True if the string is a lowercase string."),
    M("isnumeric", m_isnumeric, "Return True if the string is a numeric string."),
    M("isprintable", m_isprintable, "Return True if the string is printable."),
    M("isspace", m_isspace, "Return True if the string is a whitespace string."),
    M("istitle", m_istitle, "Return True if the string is a title-cased string."),
    M("isupper", m_isupper, "Return True if the string is an uppercase string."),
    M("join", m_join, "Concatenate any number of strings."),
    M("ljust", m_ljust, "Return a left-justified string of length width."),
    M("lower", m_lower, "Return a copy of the string converted to lowercase."),
    M("lstrip", m_lstrip, "Return a copy of the string with leading whitespace removed."),
    M("partition", m_partition, "Partition the string into three parts using the given separator."),
    M("removeprefix", m_removeprefix, "Return a str with the given prefix string removed if present."),
    M("removesuffix", m_removesuffix, "Return a str with the given suffix string removed if present."),
    M("replace", m_replace, "Return a copy with all occurrences of substring old replaced by new."),
    M("rfind", m_rfind, "Return the highest index where substring sub is found, or -1."),
    M("rindex", m_rindex, "Return the highest index where substring sub is found."),
    M("rjust", m_rjust, "Return a right-justified string of length width."),
    M("rpartition", m_rpartition, "Partition the string into three parts, searching from the end."),
    M("rsplit", m_rsplit, "Return a list of the substrings, splitting from the right."),
    M("rstrip", m_rstrip, "Return a copy of the string with trailing whitespace removed."),
    M("split", m_split, "Return a list of the substrings in the string, using sep as the separator."),
    M("splitlines", m_splitlines, "Return a list of the lines in the string."),
    M("startswith", m_startswith, "Return True if the string starts with the specified prefix."),
    M("strip", m_strip, "Return a copy of the string with leading and trailing whitespace removed."),
    M("swapcase", m_swapcase, "Convert uppercase characters to lowercase and vice versa."),
    M("title", m_title, "Return a version of the string where each word is titlecased."),
    M("upper", m_upper, "Return a copy of the string converted to uppercase."),
    M("zfill", m_zfill, "Pad a numeric string with zeros on the left."),
    {0},
};
#undef M

/* ======================================================================
 * Unicode 14.0 (CPython 3.11's database): case mappings and properties.
 *
 * Exact: the case mappings of every code point (simple ones as runs of
 * a constant offset, the multi-character ones as a table), every property
 * below U+0500 (Latin, Greek, Cyrillic) from bitmaps, and above it the
 * alphabetic, upper, lower, title, numeric, digit, decimal, space and
 * identifier-start characters (range tables there treat the unassigned
 * code points inside a range as members). Close, not exact, above U+0500:
 * identifier continuation and the case-ignorable characters (which only
 * decide the final sigma of lower()).
 * ====================================================================== */

/* lo..hi step `stride` map to c + delta. Sorted, disjoint. */
typedef struct {
    uint32_t lo, hi;
    uint8_t stride;
    int32_t delta;
} CaseRun;

/* Characters whose upper case is several characters (zeros pad). */
typedef struct {
    uint32_t c;
    uint32_t upper[3], title[3];
} CaseSpecial;

typedef struct {
    uint32_t lo, hi;
} URange;

/* Upper case of the characters whose upper case is one character. */
static const CaseRun upper_runs[] = {
    {0x61, 0x7a, 1, -32}, {0xb5, 0xb5, 1, 743}, {0xe0, 0xf6, 1, -32},
    {0xf8, 0xfe, 1, -32}, {0xff, 0xff, 1, 121}, {0x101, 0x12f, 2, -1},
    {0x131, 0x131, 1, -232}, {0x133, 0x137, 2, -1}, {0x13a, 0x148, 2, -1},
    {0x14b, 0x177, 2, -1}, {0x17a, 0x17e, 2, -1}, {0x17f, 0x17f, 1, -300},
    {0x180, 0x180, 1, 195}, {0x183, 0x185, 2, -1}, {0x188, 0x188, 1, -1},
    {0x18c, 0x18c, 1, -1}, {0x192, 0x192, 1, -1}, {0x195, 0x195, 1, 97},
    {0x199, 0x199, 1, -1}, {0x19a, 0x19a, 1, 163}, {0x19e, 0x19e, 1, 130},
    {0x1a1, 0x1a5, 2, -1}, {0x1a8, 0x1a8, 1, -1}, {0x1ad, 0x1ad, 1, -1},
    {0x1b0, 0x1b0, 1, -1}, {0x1b4, 0x1b6, 2, -1}, {0x1b9, 0x1b9, 1, -1},
    {0x1bd, 0x1bd, 1, -1}, {0x1bf, 0x1bf, 1, 56}, {0x1c5, 0x1c5, 1, -1},
    {0x1c6, 0x1c6, 1, -2}, {0x1c8, 0x1c8, 1, -1}, {0x1c9, 0x1c9, 1, -2},
    {0x1cb, 0x1cb, 1, -1}, {0x1cc, 0x1cc, 1, -2}, {0x1ce, 0x1dc, 2, -1},
    {0x1dd, 0x1dd, 1, -79}, {0x1df, 0x1ef, 2, -1}, {0x1f2, 0x1f2, 1, -1},
    {0x1f3, 0x1f3, 1, -2}, {0x1f5, 0x1f5, 1, -1}, {0x1f9, 0x21f, 2, -1},
    {0x223, 0x233, 2, -1}, {0x23c, 0x23c, 1, -1}, {0x23f, 0x240, 1, 10815},
    {0x242, 0x242, 1, -1}, {0x247, 0x24f, 2, -1}, {0x250, 0x250, 1, 10783},
    {0x251, 0x251, 1, 10780}, {0x252, 0x252, 1, 10782},
    {0x253, 0x253, 1, -210}, {0x254, 0x254, 1, -206}, {0x256, 0x257, 1, -205},
    {0x259, 0x259, 1, -202}, {0x25b, 0x25b, 1, -203},
    {0x25c, 0x25c, 1, 42319}, {0x260, 0x260, 1, -205},
    {0x261, 0x261, 1, 42315}, {0x263, 0x263, 1, -207},
    {0x265, 0x265, 1, 42280}, {0x266, 0x266, 1, 42308},
    {0x268, 0x268, 1, -209}, {0x269, 0x269, 1, -211},
    {0x26a, 0x26a, 1, 42308}, {0x26b, 0x26b, 1, 10743},
    {0x26c, 0x26c, 1, 42305}, {0x26f, 0x26f, 1, -211},
    {0x271, 0x271, 1, 10749}, {0x272, 0x272, 1, -213},
    {0x275, 0x275, 1, -214}, {0x27d, 0x27d, 1, 10727},
    {0x280, 0x280, 1, -218}, {0x282, 0x282, 1, 42307},
    {0x283, 0x283, 1, -218}, {0x287, 0x287, 1, 42282},
    {0x288, 0x288, 1, -218}, {0x289, 0x289, 1, -69}, {0x28a, 0x28b, 1, -217},
    {0x28c, 0x28c, 1, -71}, {0x292, 0x292, 1, -219}, {0x29d, 0x29d, 1, 42261},
    {0x29e, 0x29e, 1, 42258}, {0x345, 0x345, 1, 84}, {0x371, 0x373, 2, -1},
    {0x377, 0x377, 1, -1}, {0x37b, 0x37d, 1, 130}, {0x3ac, 0x3ac, 1, -38},
    {0x3ad, 0x3af, 1, -37}, {0x3b1, 0x3c1, 1, -32}, {0x3c2, 0x3c2, 1, -31},
    {0x3c3, 0x3cb, 1, -32}, {0x3cc, 0x3cc, 1, -64}, {0x3cd, 0x3ce, 1, -63},
    {0x3d0, 0x3d0, 1, -62}, {0x3d1, 0x3d1, 1, -57}, {0x3d5, 0x3d5, 1, -47},
    {0x3d6, 0x3d6, 1, -54}, {0x3d7, 0x3d7, 1, -8}, {0x3d9, 0x3ef, 2, -1},
    {0x3f0, 0x3f0, 1, -86}, {0x3f1, 0x3f1, 1, -80}, {0x3f2, 0x3f2, 1, 7},
    {0x3f3, 0x3f3, 1, -116}, {0x3f5, 0x3f5, 1, -96}, {0x3f8, 0x3f8, 1, -1},
    {0x3fb, 0x3fb, 1, -1}, {0x430, 0x44f, 1, -32}, {0x450, 0x45f, 1, -80},
    {0x461, 0x481, 2, -1}, {0x48b, 0x4bf, 2, -1}, {0x4c2, 0x4ce, 2, -1},
    {0x4cf, 0x4cf, 1, -15}, {0x4d1, 0x52f, 2, -1}, {0x561, 0x586, 1, -48},
    {0x10d0, 0x10fa, 1, 3008}, {0x10fd, 0x10ff, 1, 3008},
    {0x13f8, 0x13fd, 1, -8}, {0x1c80, 0x1c80, 1, -6254},
    {0x1c81, 0x1c81, 1, -6253}, {0x1c82, 0x1c82, 1, -6244},
    {0x1c83, 0x1c84, 1, -6242}, {0x1c85, 0x1c85, 1, -6243},
    {0x1c86, 0x1c86, 1, -6236}, {0x1c87, 0x1c87, 1, -6181},
    {0x1c88, 0x1c88, 1, 35266}, {0x1d79, 0x1d79, 1, 35332},
    {0x1d7d, 0x1d7d, 1, 3814}, {0x1d8e, 0x1d8e, 1, 35384},
    {0x1e01, 0x1e95, 2, -1}, {0x1e9b, 0x1e9b, 1, -59},
    {0x1ea1, 0x1eff, 2, -1}, {0x1f00, 0x1f07, 1, 8}, {0x1f10, 0x1f15, 1, 8},
    {0x1f20, 0x1f27, 1, 8}, {0x1f30, 0x1f37, 1, 8}, {0x1f40, 0x1f45, 1, 8},
    {0x1f51, 0x1f57, 2, 8}, {0x1f60, 0x1f67, 1, 8}, {0x1f70, 0x1f71, 1, 74},
    {0x1f72, 0x1f75, 1, 86}, {0x1f76, 0x1f77, 1, 100},
    {0x1f78, 0x1f79, 1, 128}, {0x1f7a, 0x1f7b, 1, 112},
    {0x1f7c, 0x1f7d, 1, 126}, {0x1fb0, 0x1fb1, 1, 8},
    {0x1fbe, 0x1fbe, 1, -7205}, {0x1fd0, 0x1fd1, 1, 8},
    {0x1fe0, 0x1fe1, 1, 8}, {0x1fe5, 0x1fe5, 1, 7}, {0x214e, 0x214e, 1, -28},
    {0x2170, 0x217f, 1, -16}, {0x2184, 0x2184, 1, -1},
    {0x24d0, 0x24e9, 1, -26}, {0x2c30, 0x2c5f, 1, -48},
    {0x2c61, 0x2c61, 1, -1}, {0x2c65, 0x2c65, 1, -10795},
    {0x2c66, 0x2c66, 1, -10792}, {0x2c68, 0x2c6c, 2, -1},
    {0x2c73, 0x2c73, 1, -1}, {0x2c76, 0x2c76, 1, -1}, {0x2c81, 0x2ce3, 2, -1},
    {0x2cec, 0x2cee, 2, -1}, {0x2cf3, 0x2cf3, 1, -1},
    {0x2d00, 0x2d25, 1, -7264}, {0x2d27, 0x2d27, 1, -7264},
    {0x2d2d, 0x2d2d, 1, -7264}, {0xa641, 0xa66d, 2, -1},
    {0xa681, 0xa69b, 2, -1}, {0xa723, 0xa72f, 2, -1}, {0xa733, 0xa76f, 2, -1},
    {0xa77a, 0xa77c, 2, -1}, {0xa77f, 0xa787, 2, -1}, {0xa78c, 0xa78c, 1, -1},
    {0xa791, 0xa793, 2, -1}, {0xa794, 0xa794, 1, 48}, {0xa797, 0xa7a9, 2, -1},
    {0xa7b5, 0xa7c3, 2, -1}, {0xa7c8, 0xa7ca, 2, -1}, {0xa7d1, 0xa7d1, 1, -1},
    {0xa7d7, 0xa7d9, 2, -1}, {0xa7f6, 0xa7f6, 1, -1},
    {0xab53, 0xab53, 1, -928}, {0xab70, 0xabbf, 1, -38864},
    {0xff41, 0xff5a, 1, -32}, {0x10428, 0x1044f, 1, -40},
    {0x104d8, 0x104fb, 1, -40}, {0x10597, 0x105a1, 1, -39},
    {0x105a3, 0x105b1, 1, -39}, {0x105b3, 0x105b9, 1, -39},
    {0x105bb, 0x105bc, 1, -39}, {0x10cc0, 0x10cf2, 1, -64},
    {0x118c0, 0x118df, 1, -32}, {0x16e60, 0x16e7f, 1, -32},
    {0x1e922, 0x1e943, 1, -34},
};
/* Simple lower case. */
static const CaseRun lower_runs[] = {
    {0x41, 0x5a, 1, 32}, {0xc0, 0xd6, 1, 32}, {0xd8, 0xde, 1, 32},
    {0x100, 0x12e, 2, 1}, {0x132, 0x136, 2, 1}, {0x139, 0x147, 2, 1},
    {0x14a, 0x176, 2, 1}, {0x178, 0x178, 1, -121}, {0x179, 0x17d, 2, 1},
    {0x181, 0x181, 1, 210}, {0x182, 0x184, 2, 1}, {0x186, 0x186, 1, 206},
    {0x187, 0x187, 1, 1}, {0x189, 0x18a, 1, 205}, {0x18b, 0x18b, 1, 1},
    {0x18e, 0x18e, 1, 79}, {0x18f, 0x18f, 1, 202}, {0x190, 0x190, 1, 203},
    {0x191, 0x191, 1, 1}, {0x193, 0x193, 1, 205}, {0x194, 0x194, 1, 207},
    {0x196, 0x196, 1, 211}, {0x197, 0x197, 1, 209}, {0x198, 0x198, 1, 1},
    {0x19c, 0x19c, 1, 211}, {0x19d, 0x19d, 1, 213}, {0x19f, 0x19f, 1, 214},
    {0x1a0, 0x1a4, 2, 1}, {0x1a6, 0x1a6, 1, 218}, {0x1a7, 0x1a7, 1, 1},
    {0x1a9, 0x1a9, 1, 218}, {0x1ac, 0x1ac, 1, 1}, {0x1ae, 0x1ae, 1, 218},
    {0x1af, 0x1af, 1, 1}, {0x1b1, 0x1b2, 1, 217}, {0x1b3, 0x1b5, 2, 1},
    {0x1b7, 0x1b7, 1, 219}, {0x1b8, 0x1b8, 1, 1}, {0x1bc, 0x1bc, 1, 1},
    {0x1c4, 0x1c4, 1, 2}, {0x1c5, 0x1c5, 1, 1}, {0x1c7, 0x1c7, 1, 2},
    {0x1c8, 0x1c8, 1, 1}, {0x1ca, 0x1ca, 1, 2}, {0x1cb, 0x1db, 2, 1},
    {0x1de, 0x1ee, 2, 1}, {0x1f1, 0x1f1, 1, 2}, {0x1f2, 0x1f4, 2, 1},
    {0x1f6, 0x1f6, 1, -97}, {0x1f7, 0x1f7, 1, -56}, {0x1f8, 0x21e, 2, 1},
    {0x220, 0x220, 1, -130}, {0x222, 0x232, 2, 1}, {0x23a, 0x23a, 1, 10795},
    {0x23b, 0x23b, 1, 1}, {0x23d, 0x23d, 1, -163}, {0x23e, 0x23e, 1, 10792},
    {0x241, 0x241, 1, 1}, {0x243, 0x243, 1, -195}, {0x244, 0x244, 1, 69},
    {0x245, 0x245, 1, 71}, {0x246, 0x24e, 2, 1}, {0x370, 0x372, 2, 1},
    {0x376, 0x376, 1, 1}, {0x37f, 0x37f, 1, 116}, {0x386, 0x386, 1, 38},
    {0x388, 0x38a, 1, 37}, {0x38c, 0x38c, 1, 64}, {0x38e, 0x38f, 1, 63},
    {0x391, 0x3a1, 1, 32}, {0x3a3, 0x3ab, 1, 32}, {0x3cf, 0x3cf, 1, 8},
    {0x3d8, 0x3ee, 2, 1}, {0x3f4, 0x3f4, 1, -60}, {0x3f7, 0x3f7, 1, 1},
    {0x3f9, 0x3f9, 1, -7}, {0x3fa, 0x3fa, 1, 1}, {0x3fd, 0x3ff, 1, -130},
    {0x400, 0x40f, 1, 80}, {0x410, 0x42f, 1, 32}, {0x460, 0x480, 2, 1},
    {0x48a, 0x4be, 2, 1}, {0x4c0, 0x4c0, 1, 15}, {0x4c1, 0x4cd, 2, 1},
    {0x4d0, 0x52e, 2, 1}, {0x531, 0x556, 1, 48}, {0x10a0, 0x10c5, 1, 7264},
    {0x10c7, 0x10c7, 1, 7264}, {0x10cd, 0x10cd, 1, 7264},
    {0x13a0, 0x13ef, 1, 38864}, {0x13f0, 0x13f5, 1, 8},
    {0x1c90, 0x1cba, 1, -3008}, {0x1cbd, 0x1cbf, 1, -3008},
    {0x1e00, 0x1e94, 2, 1}, {0x1e9e, 0x1e9e, 1, -7615},
    {0x1ea0, 0x1efe, 2, 1}, {0x1f08, 0x1f0f, 1, -8}, {0x1f18, 0x1f1d, 1, -8},
    {0x1f28, 0x1f2f, 1, -8}, {0x1f38, 0x1f3f, 1, -8}, {0x1f48, 0x1f4d, 1, -8},
    {0x1f59, 0x1f5f, 2, -8}, {0x1f68, 0x1f6f, 1, -8}, {0x1f88, 0x1f8f, 1, -8},
    {0x1f98, 0x1f9f, 1, -8}, {0x1fa8, 0x1faf, 1, -8}, {0x1fb8, 0x1fb9, 1, -8},
    {0x1fba, 0x1fbb, 1, -74}, {0x1fbc, 0x1fbc, 1, -9},
    {0x1fc8, 0x1fcb, 1, -86}, {0x1fcc, 0x1fcc, 1, -9},
    {0x1fd8, 0x1fd9, 1, -8}, {0x1fda, 0x1fdb, 1, -100},
    {0x1fe8, 0x1fe9, 1, -8}, {0x1fea, 0x1feb, 1, -112},
    {0x1fec, 0x1fec, 1, -7}, {0x1ff8, 0x1ff9, 1, -128},
    {0x1ffa, 0x1ffb, 1, -126}, {0x1ffc, 0x1ffc, 1, -9},
    {0x2126, 0x2126, 1, -7517}, {0x212a, 0x212a, 1, -8383},
    {0x212b, 0x212b, 1, -8262}, {0x2132, 0x2132, 1, 28},
    {0x2160, 0x216f, 1, 16}, {0x2183, 0x2183, 1, 1}, {0x24b6, 0x24cf, 1, 26},
    {0x2c00, 0x2c2f, 1, 48}, {0x2c60, 0x2c60, 1, 1},
    {0x2c62, 0x2c62, 1, -10743}, {0x2c63, 0x2c63, 1, -3814},
    {0x2c64, 0x2c64, 1, -10727}, {0x2c67, 0x2c6b, 2, 1},
    {0x2c6d, 0x2c6d, 1, -10780}, {0x2c6e, 0x2c6e, 1, -10749},
    {0x2c6f, 0x2c6f, 1, -10783}, {0x2c70, 0x2c70, 1, -10782},
    {0x2c72, 0x2c72, 1, 1}, {0x2c75, 0x2c75, 1, 1},
    {0x2c7e, 0x2c7f, 1, -10815}, {0x2c80, 0x2ce2, 2, 1},
    {0x2ceb, 0x2ced, 2, 1}, {0x2cf2, 0x2cf2, 1, 1}, {0xa640, 0xa66c, 2, 1},
    {0xa680, 0xa69a, 2, 1}, {0xa722, 0xa72e, 2, 1}, {0xa732, 0xa76e, 2, 1},
    {0xa779, 0xa77b, 2, 1}, {0xa77d, 0xa77d, 1, -35332},
    {0xa77e, 0xa786, 2, 1}, {0xa78b, 0xa78b, 1, 1},
    {0xa78d, 0xa78d, 1, -42280}, {0xa790, 0xa792, 2, 1},
    {0xa796, 0xa7a8, 2, 1}, {0xa7aa, 0xa7aa, 1, -42308},
    {0xa7ab, 0xa7ab, 1, -42319}, {0xa7ac, 0xa7ac, 1, -42315},
    {0xa7ad, 0xa7ad, 1, -42305}, {0xa7ae, 0xa7ae, 1, -42308},
    {0xa7b0, 0xa7b0, 1, -42258}, {0xa7b1, 0xa7b1, 1, -42282},
    {0xa7b2, 0xa7b2, 1, -42261}, {0xa7b3, 0xa7b3, 1, 928},
    {0xa7b4, 0xa7c2, 2, 1}, {0xa7c4, 0xa7c4, 1, -48},
    {0xa7c5, 0xa7c5, 1, -42307}, {0xa7c6, 0xa7c6, 1, -35384},
    {0xa7c7, 0xa7c9, 2, 1}, {0xa7d0, 0xa7d0, 1, 1}, {0xa7d6, 0xa7d8, 2, 1},
    {0xa7f5, 0xa7f5, 1, 1}, {0xff21, 0xff3a, 1, 32},
    {0x10400, 0x10427, 1, 40}, {0x104b0, 0x104d3, 1, 40},
    {0x10570, 0x1057a, 1, 39}, {0x1057c, 0x1058a, 1, 39},
    {0x1058c, 0x10592, 1, 39}, {0x10594, 0x10595, 1, 39},
    {0x10c80, 0x10cb2, 1, 64}, {0x118a0, 0x118bf, 1, 32},
    {0x16e40, 0x16e5f, 1, 32}, {0x1e900, 0x1e921, 1, 34},
};
/* Case folding where it differs from the simple lower case. */
static const CaseRun fold_runs[] = {
    {0xb5, 0xb5, 1, 775}, {0x17f, 0x17f, 1, -268}, {0x345, 0x345, 1, 116},
    {0x3c2, 0x3c2, 1, 1}, {0x3d0, 0x3d0, 1, -30}, {0x3d1, 0x3d1, 1, -25},
    {0x3d5, 0x3d5, 1, -15}, {0x3d6, 0x3d6, 1, -22}, {0x3f0, 0x3f0, 1, -54},
    {0x3f1, 0x3f1, 1, -48}, {0x3f5, 0x3f5, 1, -64}, {0x13a0, 0x13f5, 1, 0},
    {0x13f8, 0x13fd, 1, -8}, {0x1c80, 0x1c80, 1, -6222},
    {0x1c81, 0x1c81, 1, -6221}, {0x1c82, 0x1c82, 1, -6212},
    {0x1c83, 0x1c84, 1, -6210}, {0x1c85, 0x1c85, 1, -6211},
    {0x1c86, 0x1c86, 1, -6204}, {0x1c87, 0x1c87, 1, -6180},
    {0x1c88, 0x1c88, 1, 35267}, {0x1e9b, 0x1e9b, 1, -58},
    {0x1fbe, 0x1fbe, 1, -7173}, {0xab70, 0xabbf, 1, -38864},
};
/* Multi-character upper cases and their title cases, sorted. */
static const CaseSpecial case_specials[] = {
    {0xdf, {0x53, 0x53}, {0x53, 0x73}}, {0x149, {0x2bc, 0x4e}, {0x2bc, 0x4e}},
    {0x1f0, {0x4a, 0x30c}, {0x4a, 0x30c}},
    {0x390, {0x399, 0x308, 0x301}, {0x399, 0x308, 0x301}},
    {0x3b0, {0x3a5, 0x308, 0x301}, {0x3a5, 0x308, 0x301}},
    {0x587, {0x535, 0x552}, {0x535, 0x582}},
    {0x1e96, {0x48, 0x331}, {0x48, 0x331}},
    {0x1e97, {0x54, 0x308}, {0x54, 0x308}},
    {0x1e98, {0x57, 0x30a}, {0x57, 0x30a}},
    {0x1e99, {0x59, 0x30a}, {0x59, 0x30a}},
    {0x1e9a, {0x41, 0x2be}, {0x41, 0x2be}},
    {0x1f50, {0x3a5, 0x313}, {0x3a5, 0x313}},
    {0x1f52, {0x3a5, 0x313, 0x300}, {0x3a5, 0x313, 0x300}},
    {0x1f54, {0x3a5, 0x313, 0x301}, {0x3a5, 0x313, 0x301}},
    {0x1f56, {0x3a5, 0x313, 0x342}, {0x3a5, 0x313, 0x342}},
    {0x1f80, {0x1f08, 0x399}, {0x1f88}}, {0x1f81, {0x1f09, 0x399}, {0x1f89}},
    {0x1f82, {0x1f0a, 0x399}, {0x1f8a}}, {0x1f83, {0x1f0b, 0x399}, {0x1f8b}},
    {0x1f84, {0x1f0c, 0x399}, {0x1f8c}}, {0x1f85, {0x1f0d, 0x399}, {0x1f8d}},
    {0x1f86, {0x1f0e, 0x399}, {0x1f8e}}, {0x1f87, {0x1f0f, 0x399}, {0x1f8f}},
    {0x1f88, {0x1f08, 0x399}, {0x1f88}}, {0x1f89, {0x1f09, 0x399}, {0x1f89}},
    {0x1f8a, {0x1f0a, 0x399}, {0x1f8a}}, {0x1f8b, {0x1f0b, 0x399}, {0x1f8b}},
    {0x1f8c, {0x1f0c, 0x399}, {0x1f8c}}, {0x1f8d, {0x1f0d, 0x399}, {0x1f8d}},
    {0x1f8e, {0x1f0e, 0x399}, {0x1f8e}}, {0x1f8f, {0x1f0f, 0x399}, {0x1f8f}},
    {0x1f90, {0x1f28, 0x399}, {0x1f98}}, {0x1f91, {0x1f29, 0x399}, {0x1f99}},
    {0x1f92, {0x1f2a, 0x399}, {0x1f9a}}, {0x1f93, {0x1f2b, 0x399}, {0x1f9b}},
    {0x1f94, {0x1f2c, 0x399}, {0x1f9c}}, {0x1f95, {0x1f2d, 0x399}, {0x1f9d}},
    {0x1f96, {0x1f2e, 0x399}, {0x1f9e}}, {0x1f97, {0x1f2f, 0x399}, {0x1f9f}},
    {0x1f98, {0x1f28, 0x399}, {0x1f98}}, {0x1f99, {0x1f29, 0x399}, {0x1f99}},
    {0x1f9a, {0x1f2a, 0x399}, {0x1f9a}}, {0x1f9b, {0x1f2b, 0x399}, {0x1f9b}},
    {0x1f9c, {0x1f2c, 0x399}, {0x1f9c}}, {0x1f9d, {0x1f2d, 0x399}, {0x1f9d}},
    {0x1f9e, {0x1f2e, 0x399}, {0x1f9e}}, {0x1f9f, {0x1f2f, 0x399}, {0x1f9f}},
    {0x1fa0, {0x1f68, 0x399}, {0x1fa8}}, {0x1fa1, {0x1f69, 0x399}, {0x1fa9}},
    {0x1fa2, {0x1f6a, 0x399}, {0x1faa}}, {0x1fa3, {0x1f6b, 0x399}, {0x1fab}},
    {0x1fa4, {0x1f6c, 0x399}, {0x1fac}}, {0x1fa5, {0x1f6d, 0x399}, {0x1fad}},
    {0x1fa6, {0x1f6e, 0x399}, {0x1fae}}, {0x1fa7, {0x1f6f, 0x399}, {0x1faf}},
    {0x1fa8, {0x1f68, 0x399}, {0x1fa8}}, {0x1fa9, {0x1f69, 0x399}, {0x1fa9}},
    {0x1faa, {0x1f6a, 0x399}, {0x1faa}}, {0x1fab, {0x1f6b, 0x399}, {0x1fab}},
    {0x1fac, {0x1f6c, 0x399}, {0x1fac}}, {0x1fad, {0x1f6d, 0x399}, {0x1fad}},
    {0x1fae, {0x1f6e, 0x399}, {0x1fae}}, {0x1faf, {0x1f6f, 0x399}, {0x1faf}},
    {0x1fb2, {0x1fba, 0x399}, {0x1fba, 0x345}},
    {0x1fb3, {0x391, 0x399}, {0x1fbc}},
    {0x1fb4, {0x386, 0x399}, {0x386, 0x345}},
    {0x1fb6, {0x391, 0x342}, {0x391, 0x342}},
    {0x1fb7, {0x391, 0x342, 0x399}, {0x391, 0x342, 0x345}},
    {0x1fbc, {0x391, 0x399}, {0x1fbc}},
    {0x1fc2, {0x1fca, 0x399}, {0x1fca, 0x345}},
    {0x1fc3, {0x397, 0x399}, {0x1fcc}},
    {0x1fc4, {0x389, 0x399}, {0x389, 0x345}},
    {0x1fc6, {0x397, 0x342}, {0x397, 0x342}},
    {0x1fc7, {0x397, 0x342, 0x399}, {0x397, 0x342, 0x345}},
    {0x1fcc, {0x397, 0x399}, {0x1fcc}},
    {0x1fd2, {0x399, 0x308, 0x300}, {0x399, 0x308, 0x300}},
    {0x1fd3, {0x399, 0x308, 0x301}, {0x399, 0x308, 0x301}},
    {0x1fd6, {0x399, 0x342}, {0x399, 0x342}},
    {0x1fd7, {0x399, 0x308, 0x342}, {0x399, 0x308, 0x342}},
    {0x1fe2, {0x3a5, 0x308, 0x300}, {0x3a5, 0x308, 0x300}},
    {0x1fe3, {0x3a5, 0x308, 0x301}, {0x3a5, 0x308, 0x301}},
    {0x1fe4, {0x3a1, 0x313}, {0x3a1, 0x313}},
    {0x1fe6, {0x3a5, 0x342}, {0x3a5, 0x342}},
    {0x1fe7, {0x3a5, 0x308, 0x342}, {0x3a5, 0x308, 0x342}},
    {0x1ff2, {0x1ffa, 0x399}, {0x1ffa, 0x345}},
    {0x1ff3, {0x3a9, 0x399}, {0x1ffc}},
    {0x1ff4, {0x38f, 0x399}, {0x38f, 0x345}},
    {0x1ff6, {0x3a9, 0x342}, {0x3a9, 0x342}},
    {0x1ff7, {0x3a9, 0x342, 0x399}, {0x3a9, 0x342, 0x345}},
    {0x1ffc, {0x3a9, 0x399}, {0x1ffc}}, {0xfb00, {0x46, 0x46}, {0x46, 0x66}},
    {0xfb01, {0x46, 0x49}, {0x46, 0x69}},
    {0xfb02, {0x46, 0x4c}, {0x46, 0x6c}},
    {0xfb03, {0x46, 0x46, 0x49}, {0x46, 0x66, 0x69}},
    {0xfb04, {0x46, 0x46, 0x4c}, {0x46, 0x66, 0x6c}},
    {0xfb05, {0x53, 0x54}, {0x53, 0x74}},
    {0xfb06, {0x53, 0x54}, {0x53, 0x74}},
    {0xfb13, {0x544, 0x546}, {0x544, 0x576}},
    {0xfb14, {0x544, 0x535}, {0x544, 0x565}},
    {0xfb15, {0x544, 0x53b}, {0x544, 0x56b}},
    {0xfb16, {0x54e, 0x546}, {0x54e, 0x576}},
    {0xfb17, {0x544, 0x53d}, {0x544, 0x56d}},
};
/* Properties of U+0000..U+04FF, one bit per code point: alphabetic,
 * upper case, lower case, case-ignorable, identifier start, identifier
 * continuation. */
static const uint64_t bm_alpha[] = {
    0x0000000000000000ull, 0x07fffffe07fffffeull, 0x0420040000000000ull,
    0xff7fffffff7fffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xffffffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xffffffffffffffffull, 0xffffffffffffffffull, 0x0000501f0003ffc3ull,
    0x0000000000000000ull, 0xbcdf000000000000ull, 0xfffffffbffffd740ull,
    0xffbfffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xfffffffffffffc03ull, 0xffffffffffffffffull,
};
static const uint64_t bm_upper[] = {
    0x0000000000000000ull, 0x0000000007fffffeull, 0x0000000000000000ull,
    0x000000007f7fffffull, 0xaa55555555555555ull, 0x2b555555555554aaull,
    0x11aed2d5b1dbced6ull, 0x55d255554aaaa490ull, 0x6c05555555555555ull,
    0x000000000000557aull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x0000000000000000ull, 0x8045000000000000ull, 0x00000ffbfffed740ull,
    0xe6905555551c8000ull, 0x0000ffffffffffffull, 0x5555555500000000ull,
    0x5555555555555401ull, 0x5555555555552aabull,
};
static const uint64_t bm_lower[] = {
    0x0000000000000000ull, 0x07fffffe00000000ull, 0x0420040000000000ull,
    0xff7fffff80000000ull, 0x55aaaaaaaaaaaaaaull, 0xd4aaaaaaaaaaab55ull,
    0xe6512d2a4e243129ull, 0xaa29aaaab5555240ull, 0x93faaaaaaaaaaaaaull,
    0xffffffffffffaa85ull, 0x01ffffffffefffffull, 0x0000001f00000003ull,
    0x0000000000000000ull, 0x3c8a000000000020ull, 0xfffff00000010000ull,
    0x192faaaaaae37fffull, 0xffff000000000000ull, 0xaaaaaaaaffffffffull,
    0xaaaaaaaaaaaaa802ull, 0xaaaaaaaaaaaad554ull,
};
static const uint64_t bm_caseign[] = {
    0x0400408000000000ull, 0x0000000140000000ull, 0x0190a10000000000ull,
    0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x0000000000000000ull, 0xffff000000000000ull, 0xffffffffffffffffull,
    0xffffffffffffffffull, 0x0430ffffffffffffull, 0x00000000000000b0ull,
    0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x00000000000003f8ull, 0x0000000000000000ull,
};
static const uint64_t bm_idstart[] = {
    0x0000000000000000ull, 0x07fffffe87fffffeull, 0x0420040000000000ull,
    0xff7fffffff7fffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xffffffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xffffffffffffffffull, 0xffffffffffffffffull, 0x0000501f0003ffc3ull,
    0x0000000000000000ull, 0xb8df000000000000ull, 0xfffffffbffffd740ull,
    0xffbfffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xfffffffffffffc03ull, 0xffffffffffffffffull,
};
static const uint64_t bm_idcont[] = {
    0x03ff000000000000ull, 0x07fffffe87fffffeull, 0x04a0040000000000ull,
    0xff7fffffff7fffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xffffffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xffffffffffffffffull, 0xffffffffffffffffull, 0x0000501f0003ffc3ull,
    0xffffffffffffffffull, 0xb8dfffffffffffffull, 0xfffffffbffffd7c0ull,
    0xffbfffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull,
    0xfffffffffffffcfbull, 0xffffffffffffffffull,
};

/* Case-ignorable characters above U+0500 (marks, format characters,
 * modifier letters, apostrophes) of the same scripts. */
static const URange caseign_blocks[] = {
    {0x591, 0x5bd}, {0x5bf, 0x5bf}, {0x5c1, 0x5c2}, {0x5c4, 0x5c5}, {0x5c7, 0x5c7},
    {0x5f4, 0x5f4}, {0x600, 0x605}, {0x610, 0x61a}, {0x61c, 0x61c}, {0x640, 0x640},
    {0x64b, 0x65f}, {0x670, 0x670}, {0x6d6, 0x6dd}, {0x6df, 0x6e8}, {0x6ea, 0x6ed},
    {0x900, 0x902}, {0x93a, 0x93a}, {0x93c, 0x93c}, {0x941, 0x948}, {0x94d, 0x94d},
    {0x951, 0x957}, {0x962, 0x963}, {0xe31, 0xe31}, {0xe34, 0xe3a}, {0xe46, 0xe4e},
    {0x1ab0, 0x1aff}, {0x1d2c, 0x1d6a}, {0x1d78, 0x1d78}, {0x1d9b, 0x1dff},
    {0x200b, 0x200f}, {0x2018, 0x2019}, {0x2024, 0x2024}, {0x2027, 0x2027},
    {0x202a, 0x202e}, {0x2060, 0x2064}, {0x2066, 0x206f}, {0x20d0, 0x20f0},
    {0x2c7c, 0x2c7d}, {0x3005, 0x3005}, {0x302a, 0x302d}, {0x3099, 0x309e},
    {0x30fc, 0x30fe}, {0xfe00, 0xfe0f}, {0xfe13, 0xfe13}, {0xfe20, 0xfe2f},
    {0xfe52, 0xfe52}, {0xfe55, 0xfe55}, {0xfeff, 0xfeff}, {0xff07, 0xff07},
    {0xff0e, 0xff0e}, {0xff1a, 0xff1a}, {0xff3e, 0xff3e}, {0xff40, 0xff40},
    {0xff70, 0xff70}, {0xff9e, 0xff9f}, {0xffe3, 0xffe3}, {0xe0001, 0xe0001},
    {0xe0020, 0xe007f}, {0xe0100, 0xe01ef},
};

/* Digits that are not decimal digits (superscripts, circled digits...). */
static const URange digit_extra[] = {
    {0xb2, 0xb3}, {0xb9, 0xb9}, {0x1369, 0x1371}, {0x19da, 0x19da}, {0x2070, 0x2070},
    {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247c},
    {0x2488, 0x2490}, {0x24ea, 0x24ea}, {0x24f5, 0x24fd}, {0x24ff, 0x24ff},
    {0x2776, 0x277e}, {0x2780, 0x2788}, {0x278a, 0x2792}, {0x10a40, 0x10a43},
    {0x10e60, 0x10e68}, {0x11052, 0x1105a}, {0x1f100, 0x1f10a},
};

/* Alphabetic characters from U+0500 (unassigned code points inside a range count as alphabetic). */
static const URange alpha_ranges[] = {
    {0x500, 0x559}, {0x560, 0x588}, {0x5d0, 0x5f2}, {0x620, 0x64a},
    {0x66e, 0x66f}, {0x671, 0x6d3}, {0x6d5, 0x6d5}, {0x6e5, 0x6e6},
    {0x6ee, 0x6ef}, {0x6fa, 0x6fc}, {0x6ff, 0x6ff}, {0x710, 0x710},
    {0x712, 0x72f}, {0x74d, 0x7a5}, {0x7b1, 0x7b1}, {0x7ca, 0x7ea},
    {0x7f4, 0x7f5}, {0x7fa, 0x7fa}, {0x800, 0x815}, {0x81a, 0x81a},
    {0x824, 0x824}, {0x828, 0x828}, {0x840, 0x858}, {0x860, 0x887},
    {0x889, 0x88e}, {0x8a0, 0x8c9}, {0x904, 0x939}, {0x93d, 0x93d},
    {0x950, 0x950}, {0x958, 0x961}, {0x971, 0x980}, {0x985, 0x9b9},
    {0x9bd, 0x9bd}, {0x9ce, 0x9ce}, {0x9dc, 0x9e1}, {0x9f0, 0x9f1},
    {0x9fc, 0x9fc}, {0xa05, 0xa39}, {0xa59, 0xa5e}, {0xa72, 0xa74},
    {0xa85, 0xab9}, {0xabd, 0xabd}, {0xad0, 0xae1}, {0xaf9, 0xaf9},
    {0xb05, 0xb39}, {0xb3d, 0xb3d}, {0xb5c, 0xb61}, {0xb71, 0xb71},
    {0xb83, 0xbb9}, {0xbd0, 0xbd0}, {0xc05, 0xc39}, {0xc3d, 0xc3d},
    {0xc58, 0xc61}, {0xc80, 0xc80}, {0xc85, 0xcb9}, {0xcbd, 0xcbd},
    {0xcdd, 0xce1}, {0xcf1, 0xcf2}, {0xd04, 0xd3a}, {0xd3d, 0xd3d},
    {0xd4e, 0xd4e}, {0xd54, 0xd56}, {0xd5f, 0xd61}, {0xd7a, 0xd7f},
    {0xd85, 0xdc6}, {0xe01, 0xe30}, {0xe32, 0xe33}, {0xe40, 0xe46},
    {0xe81, 0xeb0}, {0xeb2, 0xeb3}, {0xebd, 0xec6}, {0xedc, 0xf00},
    {0xf40, 0xf6c}, {0xf88, 0xf8c}, {0x1000, 0x102a}, {0x103f, 0x103f},
    {0x1050, 0x1055}, {0x105a, 0x105d}, {0x1061, 0x1061}, {0x1065, 0x1066},
    {0x106e, 0x1070}, {0x1075, 0x1081}, {0x108e, 0x108e}, {0x10a0, 0x10fa},
    {0x10fc, 0x135a}, {0x1380, 0x138f}, {0x13a0, 0x13fd}, {0x1401, 0x166c},
    {0x166f, 0x167f}, {0x1681, 0x169a}, {0x16a0, 0x16ea}, {0x16f1, 0x1711},
    {0x171f, 0x1731}, {0x1740, 0x1751}, {0x1760, 0x1770}, {0x1780, 0x17b3},
    {0x17d7, 0x17d7}, {0x17dc, 0x17dc}, {0x1820, 0x1884}, {0x1887, 0x18a8},
    {0x18aa, 0x191e}, {0x1950, 0x19c9}, {0x1a00, 0x1a16}, {0x1a20, 0x1a54},
    {0x1aa7, 0x1aa7}, {0x1b05, 0x1b33}, {0x1b45, 0x1b4c}, {0x1b83, 0x1ba0},
    {0x1bae, 0x1baf}, {0x1bba, 0x1be5}, {0x1c00, 0x1c23}, {0x1c4d, 0x1c4f},
    {0x1c5a, 0x1c7d}, {0x1c80, 0x1cbf}, {0x1ce9, 0x1cec}, {0x1cee, 0x1cf3},
    {0x1cf5, 0x1cf6}, {0x1cfa, 0x1dbf}, {0x1e00, 0x1fbc}, {0x1fbe, 0x1fbe},
    {0x1fc2, 0x1fcc}, {0x1fd0, 0x1fdb}, {0x1fe0, 0x1fec}, {0x1ff2, 0x1ffc},
    {0x2071, 0x2071}, {0x207f, 0x207f}, {0x2090, 0x209c}, {0x2102, 0x2102},
    {0x2107, 0x2107}, {0x210a, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211d},
    {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128}, {0x212a, 0x212d},
    {0x212f, 0x2139}, {0x213c, 0x213f}, {0x2145, 0x2149}, {0x214e, 0x214e},
    {0x2183, 0x2184}, {0x2c00, 0x2ce4}, {0x2ceb, 0x2cee}, {0x2cf2, 0x2cf3},
    {0x2d00, 0x2d6f}, {0x2d80, 0x2dde}, {0x2e2f, 0x2e2f}, {0x3005, 0x3006},
    {0x3031, 0x3035}, {0x303b, 0x303c}, {0x3041, 0x3096}, {0x309d, 0x309f},
    {0x30a1, 0x30fa}, {0x30fc, 0x318e}, {0x31a0, 0x31bf}, {0x31f0, 0x31ff},
    {0x3400, 0x4dbf}, {0x4e00, 0xa48c}, {0xa4d0, 0xa4fd}, {0xa500, 0xa60c},
    {0xa610, 0xa61f}, {0xa62a, 0xa66e}, {0xa67f, 0xa69d}, {0xa6a0, 0xa6e5},
    {0xa717, 0xa71f}, {0xa722, 0xa788}, {0xa78b, 0xa801}, {0xa803, 0xa805},
    {0xa807, 0xa80a}, {0xa80c, 0xa822}, {0xa840, 0xa873}, {0xa882, 0xa8b3},
    {0xa8f2, 0xa8f7}, {0xa8fb, 0xa8fb}, {0xa8fd, 0xa8fe}, {0xa90a, 0xa925},
    {0xa930, 0xa946}, {0xa960, 0xa97c}, {0xa984, 0xa9b2}, {0xa9cf, 0xa9cf},
    {0xa9e0, 0xa9e4}, {0xa9e6, 0xa9ef}, {0xa9fa, 0xaa28}, {0xaa40, 0xaa42},
    {0xaa44, 0xaa4b}, {0xaa60, 0xaa76}, {0xaa7a, 0xaa7a}, {0xaa7e, 0xaaaf},
    {0xaab1, 0xaab1}, {0xaab5, 0xaab6}, {0xaab9, 0xaabd}, {0xaac0, 0xaac0},
    {0xaac2, 0xaadd}, {0xaae0, 0xaaea}, {0xaaf2, 0xaaf4}, {0xab01, 0xab5a},
    {0xab5c, 0xab69}, {0xab70, 0xabe2}, {0xac00, 0xd7fb}, {0xf900, 0xfb1d},
    {0xfb1f, 0xfb28}, {0xfb2a, 0xfbb1}, {0xfbd3, 0xfd3d}, {0xfd50, 0xfdc7},
    {0xfdf0, 0xfdfb}, {0xfe70, 0xfefc}, {0xff21, 0xff3a}, {0xff41, 0xff5a},
    {0xff66, 0xffdc}, {0x10000, 0x100fa}, {0x10280, 0x102d0},
    {0x10300, 0x1031f}, {0x1032d, 0x10340}, {0x10342, 0x10349},
    {0x10350, 0x10375}, {0x10380, 0x1039d}, {0x103a0, 0x103cf},
    {0x10400, 0x1049d}, {0x104b0, 0x10563}, {0x10570, 0x10855},
    {0x10860, 0x10876}, {0x10880, 0x1089e}, {0x108e0, 0x108f5},
    {0x10900, 0x10915}, {0x10920, 0x10939}, {0x10980, 0x109b7},
    {0x109be, 0x109bf}, {0x10a00, 0x10a00}, {0x10a10, 0x10a35},
    {0x10a60, 0x10a7c}, {0x10a80, 0x10a9c}, {0x10ac0, 0x10ac7},
    {0x10ac9, 0x10ae4}, {0x10b00, 0x10b35}, {0x10b40, 0x10b55},
    {0x10b60, 0x10b72}, {0x10b80, 0x10b91}, {0x10c00, 0x10cf2},
    {0x10d00, 0x10d23}, {0x10e80, 0x10ea9}, {0x10eb0, 0x10f1c},
    {0x10f27, 0x10f45}, {0x10f70, 0x10f81}, {0x10fb0, 0x10fc4},
    {0x10fe0, 0x10ff6}, {0x11003, 0x11037}, {0x11071, 0x11072},
    {0x11075, 0x11075}, {0x11083, 0x110af}, {0x110d0, 0x110e8},
    {0x11103, 0x11126}, {0x11144, 0x11144}, {0x11147, 0x11172},
    {0x11176, 0x11176}, {0x11183, 0x111b2}, {0x111c1, 0x111c4},
    {0x111da, 0x111da}, {0x111dc, 0x111dc}, {0x11200, 0x1122b},
    {0x11280, 0x112a8}, {0x112b0, 0x112de}, {0x11305, 0x11339},
    {0x1133d, 0x1133d}, {0x11350, 0x11350}, {0x1135d, 0x11361},
    {0x11400, 0x11434}, {0x11447, 0x1144a}, {0x1145f, 0x114af},
    {0x114c4, 0x114c5}, {0x114c7, 0x114c7}, {0x11580, 0x115ae},
    {0x115d8, 0x115db}, {0x11600, 0x1162f}, {0x11644, 0x11644},
    {0x11680, 0x116aa}, {0x116b8, 0x116b8}, {0x11700, 0x1171a},
    {0x11740, 0x1182b}, {0x118a0, 0x118df}, {0x118ff, 0x1192f},
    {0x1193f, 0x1193f}, {0x11941, 0x11941}, {0x119a0, 0x119d0},
    {0x119e1, 0x119e1}, {0x119e3, 0x119e3}, {0x11a00, 0x11a00},
    {0x11a0b, 0x11a32}, {0x11a3a, 0x11a3a}, {0x11a50, 0x11a50},
    {0x11a5c, 0x11a89}, {0x11a9d, 0x11a9d}, {0x11ab0, 0x11c2e},
    {0x11c40, 0x11c40}, {0x11c72, 0x11c8f}, {0x11d00, 0x11d30},
    {0x11d46, 0x11d46}, {0x11d60, 0x11d89}, {0x11d98, 0x11d98},
    {0x11ee0, 0x11ef2}, {0x11fb0, 0x11fb0}, {0x12000, 0x12399},
    {0x12480, 0x12ff0}, {0x13000, 0x1342e}, {0x14400, 0x16a5e},
    {0x16a70, 0x16abe}, {0x16ad0, 0x16aed}, {0x16b00, 0x16b2f},
    {0x16b40, 0x16b43}, {0x16b63, 0x16e7f}, {0x16f00, 0x16f4a},
    {0x16f50, 0x16f50}, {0x16f93, 0x16fe1}, {0x16fe3, 0x16fe3},
    {0x17000, 0x1bc99}, {0x1d400, 0x1d6c0}, {0x1d6c2, 0x1d6da},
    {0x1d6dc, 0x1d6fa}, {0x1d6fc, 0x1d714}, {0x1d716, 0x1d734},
    {0x1d736, 0x1d74e}, {0x1d750, 0x1d76e}, {0x1d770, 0x1d788},
    {0x1d78a, 0x1d7a8}, {0x1d7aa, 0x1d7c2}, {0x1d7c4, 0x1d7cb},
    {0x1df00, 0x1df1e}, {0x1e100, 0x1e12c}, {0x1e137, 0x1e13d},
    {0x1e14e, 0x1e14e}, {0x1e290, 0x1e2ad}, {0x1e2c0, 0x1e2eb},
    {0x1e7e0, 0x1e8c4}, {0x1e900, 0x1e943}, {0x1e94b, 0x1e94b},
    {0x1ee00, 0x1eebb}, {0x20000, 0x3134a},
};
/* Upper-case characters from U+0500 that have no lower case. */
static const URange upper_extra[] = {
    {0x2102, 0x2102}, {0x2107, 0x2107}, {0x210b, 0x210d}, {0x2110, 0x2112},
    {0x2115, 0x2115}, {0x2119, 0x211d}, {0x2124, 0x2124}, {0x2128, 0x2128},
    {0x212c, 0x212d}, {0x2130, 0x2131}, {0x2133, 0x2133}, {0x213e, 0x213f},
    {0x2145, 0x2145}, {0x1d400, 0x1d419}, {0x1d434, 0x1d44d},
    {0x1d468, 0x1d481}, {0x1d49c, 0x1d4b5}, {0x1d4d0, 0x1d4e9},
    {0x1d504, 0x1d51c}, {0x1d538, 0x1d550}, {0x1d56c, 0x1d585},
    {0x1d5a0, 0x1d5b9}, {0x1d5d4, 0x1d5ed}, {0x1d608, 0x1d621},
    {0x1d63c, 0x1d655}, {0x1d670, 0x1d689}, {0x1d6a8, 0x1d6c0},
    {0x1d6e2, 0x1d6fa}, {0x1d71c, 0x1d734}, {0x1d756, 0x1d76e},
    {0x1d790, 0x1d7a8}, {0x1d7ca, 0x1d7ca}, {0x1f130, 0x1f149},
    {0x1f150, 0x1f169}, {0x1f170, 0x1f189},
};
/* Lower-case characters from U+0500 that have no upper case. */
static const URange lower_extra[] = {
    {0x560, 0x560}, {0x588, 0x588}, {0x1d00, 0x1d78}, {0x1d7a, 0x1d7c},
    {0x1d7e, 0x1d8d}, {0x1d8f, 0x1dbf}, {0x1e9c, 0x1e9d}, {0x1e9f, 0x1e9f},
    {0x2071, 0x2071}, {0x207f, 0x207f}, {0x2090, 0x209c}, {0x210a, 0x210a},
    {0x210e, 0x210f}, {0x2113, 0x2113}, {0x212f, 0x212f}, {0x2134, 0x2134},
    {0x2139, 0x2139}, {0x213c, 0x213d}, {0x2146, 0x2149}, {0x2c71, 0x2c71},
    {0x2c74, 0x2c74}, {0x2c77, 0x2c7d}, {0x2ce4, 0x2ce4}, {0xa69c, 0xa69d},
    {0xa730, 0xa731}, {0xa770, 0xa778}, {0xa78e, 0xa78e}, {0xa795, 0xa795},
    {0xa7af, 0xa7af}, {0xa7d3, 0xa7d5}, {0xa7f8, 0xa7fa}, {0xab30, 0xab52},
    {0xab54, 0xab5a}, {0xab5c, 0xab68}, {0x10780, 0x10780},
    {0x10783, 0x107ba}, {0x1d41a, 0x1d433}, {0x1d44e, 0x1d467},
    {0x1d482, 0x1d49b}, {0x1d4b6, 0x1d4cf}, {0x1d4ea, 0x1d503},
    {0x1d51e, 0x1d537}, {0x1d552, 0x1d56b}, {0x1d586, 0x1d59f},
    {0x1d5ba, 0x1d5d3}, {0x1d5ee, 0x1d607}, {0x1d622, 0x1d63b},
    {0x1d656, 0x1d66f}, {0x1d68a, 0x1d6a5}, {0x1d6c2, 0x1d6da},
    {0x1d6dc, 0x1d6e1}, {0x1d6fc, 0x1d714}, {0x1d716, 0x1d71b},
    {0x1d736, 0x1d74e}, {0x1d750, 0x1d755}, {0x1d770, 0x1d788},
    {0x1d78a, 0x1d78f}, {0x1d7aa, 0x1d7c2}, {0x1d7c4, 0x1d7c9},
    {0x1d7cb, 0x1d7cb}, {0x1df00, 0x1df09}, {0x1df0b, 0x1df1e},
};
/* Numeric characters that are not digits. */
static const URange numeric_extra[] = {
    {0xbc, 0xbe}, {0x9f4, 0x9f9}, {0xb72, 0xb77}, {0xbf0, 0xbf2},
    {0xc78, 0xc7e}, {0xd58, 0xd5e}, {0xd70, 0xd78}, {0xf2a, 0xf33},
    {0x1372, 0x137c}, {0x16ee, 0x16f0}, {0x17f0, 0x17f9}, {0x2150, 0x2182},
    {0x2185, 0x2189}, {0x2469, 0x2473}, {0x247d, 0x2487}, {0x2491, 0x249b},
    {0x24eb, 0x24f4}, {0x24fe, 0x24fe}, {0x277f, 0x277f}, {0x2789, 0x2789},
    {0x2793, 0x2793}, {0x2cfd, 0x2cfd}, {0x3007, 0x3007}, {0x3021, 0x3029},
    {0x3038, 0x303a}, {0x3192, 0x3195}, {0x3220, 0x3229}, {0x3248, 0x324f},
    {0x3251, 0x325f}, {0x3280, 0x3289}, {0x32b1, 0x32bf}, {0x3405, 0x3405},
    {0x3483, 0x3483}, {0x382a, 0x382a}, {0x3b4d, 0x3b4d}, {0x4e00, 0x4e00},
    {0x4e03, 0x4e03}, {0x4e07, 0x4e07}, {0x4e09, 0x4e09}, {0x4e5d, 0x4e5d},
    {0x4e8c, 0x4e8c}, {0x4e94, 0x4e94}, {0x4e96, 0x4e96}, {0x4ebf, 0x4ec0},
    {0x4edf, 0x4edf}, {0x4ee8, 0x4ee8}, {0x4f0d, 0x4f0d}, {0x4f70, 0x4f70},
    {0x5104, 0x5104}, {0x5146, 0x5146}, {0x5169, 0x5169}, {0x516b, 0x516b},
    {0x516d, 0x516d}, {0x5341, 0x5341}, {0x5343, 0x5345}, {0x534c, 0x534c},
    {0x53c1, 0x53c4}, {0x56db, 0x56db}, {0x58f1, 0x58f1}, {0x58f9, 0x58f9},
    {0x5e7a, 0x5e7a}, {0x5efe, 0x5eff}, {0x5f0c, 0x5f0e}, {0x5f10, 0x5f10},
    {0x62fe, 0x62fe}, {0x634c, 0x634c}, {0x67d2, 0x67d2}, {0x6f06, 0x6f06},
    {0x7396, 0x7396}, {0x767e, 0x767e}, {0x8086, 0x8086}, {0x842c, 0x842c},
    {0x8cae, 0x8cae}, {0x8cb3, 0x8cb3}, {0x8d30, 0x8d30}, {0x9621, 0x9621},
    {0x9646, 0x9646}, {0x964c, 0x964c}, {0x9678, 0x9678}, {0x96f6, 0x96f6},
    {0xa6e6, 0xa6ef}, {0xa830, 0xa835}, {0xf96b, 0xf96b}, {0xf973, 0xf973},
    {0xf978, 0xf978}, {0xf9b2, 0xf9b2}, {0xf9d1, 0xf9d1}, {0xf9d3, 0xf9d3},
    {0xf9fd, 0xf9fd}, {0x10107, 0x10133}, {0x10140, 0x10178},
    {0x1018a, 0x1018b}, {0x102e1, 0x102fb}, {0x10320, 0x10323},
    {0x10341, 0x10341}, {0x1034a, 0x1034a}, {0x103d1, 0x103d5},
    {0x10858, 0x1085f}, {0x10879, 0x1087f}, {0x108a7, 0x108af},
    {0x108fb, 0x108ff}, {0x10916, 0x1091b}, {0x109bc, 0x109bd},
    {0x109c0, 0x109ff}, {0x10a44, 0x10a48}, {0x10a7d, 0x10a7e},
    {0x10a9d, 0x10a9f}, {0x10aeb, 0x10aef}, {0x10b58, 0x10b5f},
    {0x10b78, 0x10b7f}, {0x10ba9, 0x10baf}, {0x10cfa, 0x10cff},
    {0x10e69, 0x10e7e}, {0x10f1d, 0x10f26}, {0x10f51, 0x10f54},
    {0x10fc5, 0x10fcb}, {0x1105b, 0x11065}, {0x111e1, 0x111f4},
    {0x1173a, 0x1173b}, {0x118ea, 0x118f2}, {0x11c5a, 0x11c6c},
    {0x11fc0, 0x11fd4}, {0x12400, 0x1246e}, {0x16b5b, 0x16b61},
    {0x16e80, 0x16e96}, {0x1d2e0, 0x1d2f3}, {0x1d360, 0x1d378},
    {0x1e8c7, 0x1e8cf}, {0x1ec71, 0x1ecab}, {0x1ecad, 0x1ecaf},
    {0x1ecb1, 0x1ed2d}, {0x1ed2f, 0x1ed3d}, {0x1f10b, 0x1f10c},
    {0x20001, 0x20001}, {0x20064, 0x20064}, {0x200e2, 0x200e2},
    {0x20121, 0x20121}, {0x2092a, 0x2092a}, {0x20983, 0x20983},
    {0x2098c, 0x2098c}, {0x2099c, 0x2099c}, {0x20aea, 0x20aea},
    {0x20afd, 0x20afd}, {0x20b19, 0x20b19}, {0x22390, 0x22390},
    {0x22998, 0x22998}, {0x23b1b, 0x23b1b}, {0x2626d, 0x2626d},
    {0x2f890, 0x2f890},
};
/* Identifier starts from U+0500 that are not alphabetic. */
static const URange idstart_extra[] = {
    {0x16ee, 0x16f0}, {0x1885, 0x1886}, {0x2118, 0x2118}, {0x212e, 0x212e},
    {0x2160, 0x2182}, {0x2185, 0x2188}, {0x3007, 0x3007}, {0x3021, 0x3029},
    {0x3038, 0x303a}, {0xa6e6, 0xa6ef}, {0x10140, 0x10174},
    {0x10341, 0x10341}, {0x1034a, 0x1034a}, {0x103d1, 0x103d5},
    {0x12400, 0x1246e},
};
/* Alphabetic characters from U+0500 that cannot start an identifier. */
static const URange idstart_not[] = {
    {0xe33, 0xe33}, {0xeb3, 0xeb3}, {0x2e2f, 0x2e2f}, {0xfc5e, 0xfc63},
    {0xfdfa, 0xfdfb}, {0xfe70, 0xfe70}, {0xfe72, 0xfe72}, {0xfe74, 0xfe76},
    {0xfe78, 0xfe78}, {0xfe7a, 0xfe7a}, {0xfe7c, 0xfe7c}, {0xfe7e, 0xfe7e},
    {0xff9e, 0xff9f},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static bool in_ranges(const URange *r, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r[mid].hi < c)
            lo = mid + 1;
        else if (r[mid].lo > c)
            hi = mid;
        else
            return true;
    }
    return false;
}

/* The run that maps c, or NULL. */
static const CaseRun *find_run(const CaseRun *r, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r[mid].lo <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const CaseRun *run = &r[lo - 1];
    if (c > run->hi || (c - run->lo) % run->stride)
        return NULL;
    return run;
}

static uint32_t apply_run(const CaseRun *r, size_t n, uint32_t c)
{
    const CaseRun *run = find_run(r, n, c);
    return run ? (uint32_t)((int64_t)c + run->delta) : c;
}

static uint32_t uc_upper1(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    return apply_run(upper_runs, NELEM(upper_runs), c);
}

static uint32_t uc_lower1(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return apply_run(lower_runs, NELEM(lower_runs), c);
}

/* Title case of a character with no multi-character mapping: upper case
 * but for the digraphs (DZ, LJ, NJ with their title forms) and Georgian
 * Mkhedruli, which is its own title case. */
static uint32_t uc_title1(uint32_t c)
{
    if (c >= 0x1c4 && c <= 0x1cc)
        return 0x1c5 + (c - 0x1c4) / 3 * 3;
    if (c >= 0x1f1 && c <= 0x1f3)
        return 0x1f2;
    if ((c >= 0x10d0 && c <= 0x10fa) || (c >= 0x10fd && c <= 0x10ff))
        return c;
    return uc_upper1(c);
}

static const CaseSpecial *find_special(uint32_t c)
{
    if (c < 0xdf)
        return NULL;
    size_t lo = 0, hi = NELEM(case_specials);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (case_specials[mid].c < c)
            lo = mid + 1;
        else if (case_specials[mid].c > c)
            hi = mid;
        else
            return &case_specials[mid];
    }
    return NULL;
}

static int copy_mapping(const uint32_t src[3], uint32_t out[3])
{
    int n = 0;
    while (n < 3 && src[n]) {
        out[n] = src[n];
        n++;
    }
    return n;
}

static int uc_upper_full(uint32_t c, uint32_t out[3])
{
    const CaseSpecial *sp = find_special(c);
    if (sp)
        return copy_mapping(sp->upper, out);
    out[0] = uc_upper1(c);
    return 1;
}

static int uc_title_full(uint32_t c, uint32_t out[3])
{
    const CaseSpecial *sp = find_special(c);
    if (sp)
        return copy_mapping(sp->title, out);
    out[0] = uc_title1(c);
    return 1;
}

/* Full case folding (str.casefold): the lower case of the full upper
 * case for the multi-character ones, else the lower case except where
 * folding differs from it (fold_runs). */
static int uc_fold_full(uint32_t c, uint32_t out[3])
{
    if (c == 0x130) {
        out[0] = 'i';
        out[1] = 0x307;
        return 2;
    }
    if (c == 0x1e9e) {
        out[0] = out[1] = 's';
        return 2;
    }
    const CaseSpecial *sp = find_special(c);
    if (sp) {
        int n = copy_mapping(sp->upper, out);
        for (int i = 0; i < n; i++)
            out[i] = uc_lower1(out[i]);
        return n;
    }
    const CaseRun *run = find_run(fold_runs, NELEM(fold_runs), c);
    out[0] = run ? (uint32_t)((int64_t)c + run->delta) : uc_lower1(c);
    return 1;
}

enum { BM_LIMIT = 0x500 };

static bool bit(const uint64_t *bm, uint32_t c) { return bm[c >> 6] >> (c & 63) & 1; }

static bool uc_isspace(uint32_t c) { return fmt_uni_isspace(c); }

static bool uc_isdecimal(uint32_t c) { return fmt_uni_decimal(c) >= 0; }

static bool uc_isdigit(uint32_t c)
{
    return uc_isdecimal(c) || in_ranges(digit_extra, NELEM(digit_extra), c);
}

static bool uc_isnumeric(uint32_t c)
{
    return uc_isdigit(c) || in_ranges(numeric_extra, NELEM(numeric_extra), c);
}

static bool uc_istitle(uint32_t c)
{
    return c == 0x1c5 || c == 0x1c8 || c == 0x1cb || c == 0x1f2 ||
           (c >= 0x1f88 && c <= 0x1faf && (c & 0xf) >= 8) || c == 0x1fbc || c == 0x1fcc ||
           c == 0x1ffc;
}

static bool uc_isupper(uint32_t c)
{
    if (c < BM_LIMIT)
        return bit(bm_upper, c);
    return (!uc_istitle(c) && uc_lower1(c) != c) || in_ranges(upper_extra, NELEM(upper_extra), c);
}

static bool uc_islower(uint32_t c)
{
    if (c < BM_LIMIT)
        return bit(bm_lower, c);
    return (!uc_istitle(c) && (uc_upper1(c) != c || find_special(c))) ||
           in_ranges(lower_extra, NELEM(lower_extra), c);
}

static bool uc_iscased(uint32_t c) { return uc_isupper(c) || uc_islower(c) || uc_istitle(c); }

static bool uc_iscaseignorable(uint32_t c)
{
    if (c < BM_LIMIT)
        return bit(bm_caseign, c);
    return in_ranges(caseign_blocks, NELEM(caseign_blocks), c);
}

static bool uc_isalpha(uint32_t c)
{
    if (c < BM_LIMIT)
        return bit(bm_alpha, c);
    return in_ranges(alpha_ranges, NELEM(alpha_ranges), c);
}

static bool uc_isidstart(uint32_t c)
{
    if (c < BM_LIMIT)
        return bit(bm_idstart, c);
    if (in_ranges(idstart_extra, NELEM(idstart_extra), c))
        return true;
    return uc_isalpha(c) && !in_ranges(idstart_not, NELEM(idstart_not), c);
}

static bool uc_isidcontinue(uint32_t c)
{
    if (c < BM_LIMIT)
        return bit(bm_idcont, c);
    return uc_isidstart(c) || uc_isdecimal(c) || uc_iscaseignorable(c);
}
