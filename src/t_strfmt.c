/* t_strfmt: formatting with strs: format(value, spec) (f-strings and the
 * format builtin), the str.format method and printf-style `fmt % args`,
 * each with CPython 3.11's results and error messages.
 *
 * The text is assembled by a Writer that behaves as CPython's
 * _PyUnicodeWriter where `is` can tell: when the whole result is one str
 * object written unchanged ('%s' % s, '{}'.format(s), f'{s:3}' for a
 * 3-character s), the result is that object, not a copy. */
#include <math.h>
#include <string.h>

#include "bigint.h"
#include "fmt.h"
#include "heap.h"
#include "types.h"

/* Used by t_str.c (the % operator and the format method). */
Obj *str_mod_format(Obj *fmt, Obj *args);
Obj *str_format_method(Obj *self, Obj **args, int nargs, TupleObj *kwnames);

/* ======================================================================
 * Writer
 * ====================================================================== */

typedef struct {
    FmtBuf buf;
    Obj *only;         /* the one str written so far, not copied yet */
    bool overallocate; /* more is expected: copy strs rather than keep them */
} Writer;

static void w_init(Writer *w)
{
    fmt_buf_init(&w->buf);
    w->only = NULL;
    w->overallocate = true;
}

static void w_free(Writer *w)
{
    fmt_buf_free(&w->buf);
    XDECREF(w->only);
    w->only = NULL;
}

/* False with MemoryError once the text could not become a str in the
 * simulated heap (a str takes at least half its UTF-8 bytes there), so
 * no script can make the host buffer grow without bound. */
static bool w_room(Writer *w, size_t more)
{
    uint64_t room = heap_limit() > heap_used() ? heap_limit() - heap_used() : 0;
    uint64_t bytes = (uint64_t)w->buf.len + more;
    if (bytes / 2 + 49 > room || bytes > UINT32_MAX) {
        rt_no_memory();
        return false;
    }
    return true;
}

static void w_flush(Writer *w)
{
    if (w->only) {
        fmt_buf_put(&w->buf, AS_STR(w->only)->s, AS_STR(w->only)->len);
        DECREF(w->only);
        w->only = NULL;
    }
}

static bool w_bytes(Writer *w, const char *p, size_t n)
{
    if (n == 0)
        return true;
    if (!w_room(w, n + (w->only ? AS_STR(w->only)->len : 0)))
        return false;
    w_flush(w);
    fmt_buf_put(&w->buf, p, n);
    return true;
}

/* Writes the str s (borrowed): kept as it is while it is all there is
 * and nothing more is expected, as CPython's _PyUnicodeWriter_WriteStr. */
static bool w_str(Writer *w, Obj *s)
{
    if (AS_STR(s)->len == 0)
        return true;
    if (!w->only && w->buf.len == 0 && !w->overallocate) {
        w->only = ref_new(s);
        return true;
    }
    return w_bytes(w, AS_STR(s)->s, AS_STR(s)->len);
}

/* The result; the writer is left empty. */
static Obj *w_finish(Writer *w)
{
    if (w->only && w->buf.len == 0) {
        Obj *r = w->only;
        w->only = NULL;
        return r;
    }
    w_flush(w);
    Obj *r = str_new(fmt_buf_cstr(&w->buf), w->buf.len);
    fmt_buf_free(&w->buf);
    return r;
}

/* ======================================================================
 * Small helpers
 * ====================================================================== */

static Obj *raise_fmt(FmtStatus st, FmtBuf *err)
{
    TypeObj *t = st == FMT_EOVERFLOW ? EXC(OverflowError)
               : st == FMT_EMEMORY ? EXC(MemoryError)
               : st == FMT_EZERODIV ? EXC(ZeroDivisionError)
                                    : EXC(ValueError);
    rt_raise(t, "%s", fmt_buf_cstr(err));
    fmt_buf_free(err);
    return NULL;
}

static size_t u8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* Byte length of the first `chars` code points of s[0..len). */
static size_t u8_prefix(const char *s, size_t len, size_t chars)
{
    size_t i = 0;
    while (i < len && chars) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
            i++;
        chars--;
    }
    return i;
}

/* ascii(o): repr with every non-ASCII character escaped. */
static Obj *obj_ascii(Obj *o)
{
    Obj *r = obj_repr(o);
    if (!r)
        return NULL;
    StrObj *s = AS_STR(r);
    if (s->len == s->nchars)
        return r;
    FmtBuf b = FMT_BUF_INIT;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        i += fmt_utf8_decode(s->s + i, s->len - i, &c);
        if (c < 0x80)
            fmt_buf_putc(&b, (char)c);
        else if (c < 0x100)
            fmt_buf_printf(&b, "\\x%02x", (unsigned)c);
        else if (c < 0x10000)
            fmt_buf_printf(&b, "\\u%04x", (unsigned)c);
        else
            fmt_buf_printf(&b, "\\U%08x", (unsigned)c);
    }
    DECREF(r);
    r = str_new(fmt_buf_cstr(&b), b.len);
    fmt_buf_free(&b);
    return r;
}

/* ======================================================================
 * format(value, spec)
 * ====================================================================== */

enum { FB_ERROR = -1, FB_OTHER = 0, FB_DONE = 1, FB_SAME = 2 };

/* Formats an exact str, int or float by spec[0..n) into out, as their
 * __format__ methods do. FB_SAME: v is a str that the spec leaves
 * unchanged (nothing appended); FB_OTHER: v is of another type. */
static int format_builtin(Obj *v, const char *spec, size_t n, FmtBuf *out)
{
    FmtBuf err = FMT_BUF_INIT;
    FmtStatus st;
    if (IS(v, K_STR) && v->type == &type_str) {
        if (n == 0)
            return FB_SAME;
        size_t at = out->len;
        st = fmt_format_str(AS_STR(v)->s, AS_STR(v)->len, spec, n, NULL, out, &err);
        if (st == FMT_OK && out->len - at == AS_STR(v)->len &&
            memcmp(out->data + at, AS_STR(v)->s, AS_STR(v)->len) == 0) {
            fmt_buf_truncate(out, at);
            return FB_SAME;
        }
    } else if (IS(v, K_INT) && v->type == &type_int && AS_BIG(v)) {
        return int_format_big(v, spec, n, out) ? FB_DONE : FB_ERROR;
    } else if (IS(v, K_INT) && v->type == &type_int) {
        if (n == 0) {
            fmt_int_str(AS_INT(v), out);
            return FB_DONE;
        }
        st = fmt_format_int(AS_INT(v), spec, n, NULL, out, &err);
    } else if (IS(v, K_FLOAT) && v->type == &type_float) {
        if (n == 0) {
            fmt_float_repr(AS_FLOAT(v), out);
            return FB_DONE;
        }
        st = fmt_format_float(AS_FLOAT(v), spec, n, NULL, out, &err);
    } else {
        return FB_OTHER;
    }
    if (st != FMT_OK) {
        raise_fmt(st, &err);
        return FB_ERROR;
    }
    fmt_buf_free(&err);
    return FB_DONE;
}

/* A __format__ that the value's class defines in Python, or NULL. */
static Obj *user_format(Obj *v)
{
    if (!TYPE(v)->user)
        return NULL;
    Obj *m = type_lookup(TYPE(v), str_intern("__format__"));
    return m && IS(m, K_FUNC) ? m : NULL;
}

/* PyObject_Format for the values format_builtin does not take. */
static Obj *format_object(Obj *v, Obj *spec)
{
    StrObj *sp = AS_STR(spec);
    Obj *m = user_format(v);
    if (m) {
        Obj *argv[2] = {v, spec};
        Obj *r = obj_call(m, argv, 2, NULL);
        if (r && !IS(r, K_STR)) {
            rt_raise(EXC(TypeError), "__format__ must return a str, not %s", type_name(r));
            DECREF(r);
            return NULL;
        }
        return r;
    }
    if (IS(v, K_BOOL)) {
        /* bool inherits int.__format__: the int, unless the spec is empty */
        if (sp->len == 0)
            return obj_str(v);
        FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
        FmtStatus st = fmt_format_int(AS_INT(v), sp->s, sp->len, "bool", &out, &err);
        if (st != FMT_OK) {
            fmt_buf_free(&out);
            return raise_fmt(st, &err);
        }
        fmt_buf_free(&err);
        Obj *r = str_new(fmt_buf_cstr(&out), out.len);
        fmt_buf_free(&out);
        return r;
    }
    /* object.__format__ */
    if (sp->len > 0)
        return rt_raise(EXC(TypeError), "unsupported format string passed to %s.__format__",
                        type_name(v));
    return obj_str(v);
}

static Obj *format_value_impl(Obj *value, Obj *spec)
{
    if (spec && !IS(spec, K_STR))
        return rt_raise(EXC(TypeError), "format() argument 2 must be str, not %s", type_name(spec));
    const char *sp = spec ? AS_STR(spec)->s : "";
    size_t n = spec ? AS_STR(spec)->len : 0;
    /* An int or a float with an empty spec is str(value) itself: a new
     * object even for one digit (CPython's PyObject_Format). */
    if (n == 0 && (IS(value, K_INT) || IS(value, K_FLOAT)))
        return obj_str(value);
    if (!user_format(value)) {
        FmtBuf out = FMT_BUF_INIT;
        int r = format_builtin(value, sp, n, &out);
        if (r == FB_ERROR) {
            fmt_buf_free(&out);
            return NULL;
        }
        if (r == FB_SAME) {
            fmt_buf_free(&out);
            return ref_new(value);
        }
        if (r == FB_DONE) {
            Obj *s = str_new(fmt_buf_cstr(&out), out.len);
            fmt_buf_free(&out);
            return s;
        }
    }
    if (spec)
        return format_object(value, spec);
    Obj *empty = str_new("", 0);
    Obj *r = format_object(value, empty);
    DECREF(empty);
    return r;
}

/* ======================================================================
 * str.format (CPython's Objects/stringlib/unicode_format.h)
 * ====================================================================== */

typedef struct {
    Obj **args;
    int nargs;
    TupleObj *kwnames;  /* their values follow the positional ones in args */
} FArgs;

enum { AN_INIT, AN_AUTO, AN_MANUAL };

/* Automatic ({}) or manual ({0}) field numbering: not both. */
typedef struct {
    int state;
    int64_t next;
} AutoNumber;

/* A part of the format string: bytes [b, e) of s. */
typedef struct {
    const char *s;
    size_t b, e;
} Sub;

/* CPython's get_integer: the decimal value of all of sub; -1 if a
 * character is not a decimal digit or sub is empty; -2 with ValueError
 * on overflow. */
static int64_t get_integer(Sub sub)
{
    if (sub.b >= sub.e)
        return -1;
    int64_t acc = 0;
    for (size_t i = sub.b; i < sub.e;) {
        uint32_t c;
        i += fmt_utf8_decode(sub.s + i, sub.e - i, &c);
        int d = fmt_uni_decimal(c);
        if (d < 0)
            return -1;
        if (acc > (INT64_MAX - d) / 10) {
            rt_raise(EXC(ValueError), "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

static Obj *sub_str(Sub sub) { return str_new(sub.s + sub.b, sub.e - sub.b); }

/* The object a field name designates: an argument, then its .attributes
 * and [items]. New reference, or NULL with the exception set. */
static Obj *field_object(Sub name, const FArgs *fa, AutoNumber *an)
{
    size_t p = name.b;
    while (p < name.e && name.s[p] != '.' && name.s[p] != '[')
        p++;
    Sub first = {name.s, name.b, p};
    int64_t idx = get_integer(first);
    if (idx == -2)
        return NULL;
    bool empty = first.b == first.e;
    if (empty || idx >= 0) {
        if (an->state == AN_INIT)
            an->state = empty ? AN_AUTO : AN_MANUAL;
        if (an->state == AN_MANUAL && empty)
            return rt_raise(EXC(ValueError), "cannot switch from manual field specification to "
                                             "automatic field numbering");
        if (an->state == AN_AUTO && !empty)
            return rt_raise(EXC(ValueError), "cannot switch from automatic field numbering to "
                                             "manual field specification");
        if (empty)
            idx = an->next++;
    }
    Obj *obj = NULL;
    if (idx < 0) {
        int nkw = fa->kwnames ? (int)fa->kwnames->len : 0;
        for (int k = 0; k < nkw && !obj; k++) {
            StrObj *kn = AS_STR(fa->kwnames->items[k]);
            if (kn->len == first.e - first.b && memcmp(kn->s, first.s + first.b, kn->len) == 0)
                obj = fa->args[fa->nargs + k];
        }
        if (!obj)
            return rt_raise(EXC(KeyError), "%.*s", (int)(first.e - first.b), first.s + first.b);
    } else {
        if (idx >= fa->nargs)
            return rt_raise(EXC(IndexError),
                            "Replacement index %lld out of range for positional args tuple",
                            (long long)idx);
        obj = fa->args[idx];
    }
    obj = ref_new(obj);
    while (p < name.e) {
        char c = name.s[p++];
        bool attr = c == '.';
        Sub part = {name.s, p, p};
        if (attr) {
            while (p < name.e && name.s[p] != '.' && name.s[p] != '[')
                p++;
            part.e = p;
        } else if (c == '[') {
            while (p < name.e && name.s[p] != ']')
                p++;
            if (p == name.e) {
                DECREF(obj);
                return rt_raise(EXC(ValueError), "Missing ']' in format string");
            }
            part.e = p++;
        } else {
            DECREF(obj);
            return rt_raise(EXC(ValueError),
                            "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (part.b == part.e) {
            DECREF(obj);
            return rt_raise(EXC(ValueError), "Empty attribute in format string");
        }
        Obj *next = NULL;
        if (attr) {
            Obj *attrname = sub_str(part);
            if (attrname) {
                next = obj_getattr(obj, AS_STR(attrname));
                DECREF(attrname);
            }
        } else {
            int64_t i = get_integer(part);
            Obj *key = i == -2 ? NULL : i >= 0 ? int_new(i) : sub_str(part);
            if (key) {
                next = obj_getitem(obj, key);
                DECREF(key);
            }
        }
        DECREF(obj);
        if (!next)
            return NULL;
        obj = next;
    }
    return obj;
}

static Obj *build_string(Sub in, Obj *whole, const FArgs *fa, int depth, AutoNumber *an);

/* Formats obj by spec into w: ints, floats and strs directly (CPython's
 * fast paths, no intermediate object), anything else through its
 * __format__, whose result is written as a str. */
static bool render_field(Writer *w, Obj *obj, Sub spec)
{
    const char *sp = spec.s ? spec.s + spec.b : "";
    size_t n = spec.s ? spec.e - spec.b : 0;
    if (!user_format(obj)) {
        FmtBuf out = FMT_BUF_INIT;
        int r = format_builtin(obj, sp, n, &out);
        if (r == FB_SAME) {
            fmt_buf_free(&out);
            return w_str(w, obj);
        }
        if (r != FB_OTHER) {
            bool ok = r == FB_DONE && w_bytes(w, out.data, out.len);
            fmt_buf_free(&out);
            return ok;
        }
    }
    Obj *specobj = str_new(sp, n);
    if (!specobj)
        return false;
    Obj *r = format_object(obj, specobj);
    DECREF(specobj);
    if (!r)
        return false;
    bool ok = w_str(w, r);
    DECREF(r);
    return ok;
}

static bool output_markup(Writer *w, Sub field, Sub spec, bool expand, uint32_t conversion,
                          const FArgs *fa, int depth, AutoNumber *an)
{
    Obj *obj = field_object(field, fa, an);
    if (!obj)
        return false;
    if (conversion) {
        Obj *c;
        switch (conversion) {
        case 'r': c = obj_repr(obj); break;
        case 's': c = obj_str(obj); break;
        case 'a': c = obj_ascii(obj); break;
        default:
            if (conversion > 32 && conversion < 127)
                rt_raise(EXC(ValueError), "Unknown conversion specifier %c", (char)conversion);
            else
                rt_raise(EXC(ValueError), "Unknown conversion specifier \\x%x", (unsigned)conversion);
            c = NULL;
        }
        DECREF(obj);
        if (!c)
            return false;
        obj = c;
    }
    bool ok;
    if (expand) {
        Obj *s = build_string(spec, NULL, fa, depth - 1, an);
        if (!s) {
            DECREF(obj);
            return false;
        }
        Sub actual = {AS_STR(s)->s, 0, AS_STR(s)->len};
        ok = render_field(w, obj, actual);
        DECREF(s);
    } else {
        ok = render_field(w, obj, spec);
    }
    DECREF(obj);
    return ok;
}

/* CPython's parse_field: after a '{' at *pos, reads the field name, the
 * conversion and the format spec up to the matching '}'. */
static bool parse_field(Sub in, size_t *pos, Sub *field, Sub *spec, bool *expand, uint32_t *conv)
{
    const char *s = in.s;
    size_t p = *pos;
    char c = 0;
    *conv = 0;
    *spec = (Sub){NULL, 0, 0};
    *expand = false;
    field->s = s;
    field->b = p;
    while (p < in.e) {
        c = s[p++];
        if (c == '{') {
            rt_raise(EXC(ValueError), "unexpected '{' in field name");
            return false;
        }
        if (c == '[') {
            while (p < in.e && s[p] != ']')
                p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    field->e = p - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (p >= in.e) {
                rt_raise(EXC(ValueError), "end of string while looking for conversion specifier");
                return false;
            }
            p += fmt_utf8_decode(s + p, in.e - p, conv);
            if (p < in.e) {
                c = s[p++];
                if (c == '}') {
                    *pos = p;
                    return true;
                }
                if (c != ':') {
                    rt_raise(EXC(ValueError), "expected ':' after conversion specifier");
                    return false;
                }
            }
        }
        spec->s = s;
        spec->b = p;
        int count = 1;
        while (p < in.e) {
            c = s[p++];
            if (c == '{') {
                *expand = true;
                count++;
            } else if (c == '}' && --count == 0) {
                spec->e = p - 1;
                *pos = p;
                return true;
            }
        }
        rt_raise(EXC(ValueError), "unmatched '{' in format spec");
        return false;
    }
    if (c != '}') {
        rt_raise(EXC(ValueError), "expected '}' before end of string");
        return false;
    }
    *pos = p;
    return true;
}

/* Formats the text `in` (all of the str `whole`, or NULL for a part of
 * one), as CPython's build_string; depth bounds nested specs. */
static Obj *build_string(Sub in, Obj *whole, const FArgs *fa, int depth, AutoNumber *an)
{
    if (depth <= 0)
        return rt_raise(EXC(ValueError), "Max string recursion exceeded");
    Writer w;
    w_init(&w);
    size_t p = in.b;
    while (p < in.e) {
        /* CPython's MarkupIterator_next: literal text up to a brace. */
        size_t start = p;
        char c = 0;
        bool markup = false;
        while (p < in.e) {
            c = in.s[p++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = p >= in.e;
        size_t litend = p;
        if (markup && c == '}' && (at_end || in.s[p] != '}')) {
            rt_raise(EXC(ValueError), "Single '}' encountered in format string");
            goto fail;
        }
        if (markup && c == '{' && at_end) {
            rt_raise(EXC(ValueError), "Single '{' encountered in format string");
            goto fail;
        }
        if (markup) {
            if (in.s[p] == c) { /* {{ or }}: one brace of literal text */
                p++;
                markup = false;
            } else {
                litend--;
            }
        }
        Sub field, spec;
        bool expand = false;
        uint32_t conv = 0;
        if (markup && !parse_field(in, &p, &field, &spec, &expand, &conv))
            goto fail;
        if (litend > start) {
            if (!markup && p >= in.e)
                w.overallocate = false;
            /* All of the string: written as the object itself. */
            bool ok = whole && start == in.b && litend == in.e
                          ? w_str(&w, whole)
                          : w_bytes(&w, in.s + start, litend - start);
            if (!ok)
                goto fail;
        }
        if (markup) {
            if (p >= in.e)
                w.overallocate = false;
            if (!output_markup(&w, field, spec, expand, conv, fa, depth, an))
                goto fail;
        }
    }
    return w_finish(&w);
fail:
    w_free(&w);
    return NULL;
}

Obj *str_format_method(Obj *self, Obj **args, int nargs, TupleObj *kwnames)
{
    FArgs fa = {args, nargs, kwnames};
    AutoNumber an = {AN_INIT, 0};
    Sub in = {AS_STR(self)->s, 0, AS_STR(self)->len};
    return build_string(in, self, &fa, 2, &an);
}

/* ======================================================================
 * printf-style formatting: fmt % args (CPython's PyUnicode_Format)
 * ====================================================================== */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    StrObj *fmt;
    size_t pos;        /* byte offset of the next character of fmt */
    size_t chpos;      /* the same in code points (error messages) */
    Obj *args;         /* the tuple, the single value, or the value of a %(key) */
    bool args_owned;
    int64_t arglen;    /* tuple length, or -1 for a single value */
    int64_t argidx;    /* next tuple index; -2 before a single value is used */
    Obj *dict;         /* args when it is a mapping, for %(key) */
    Writer w;
} PCtx;

typedef struct {
    uint32_t ch;       /* the conversion character */
    int flags;
    int64_t width, prec;
    bool sign;         /* a numeric conversion: sign and zero padding apply */
} PArg;

static bool next_ch(PCtx *c, uint32_t *ch)
{
    if (c->pos >= c->fmt->len)
        return false;
    c->pos += fmt_utf8_decode(c->fmt->s + c->pos, c->fmt->len - c->pos, ch);
    c->chpos++;
    return true;
}

/* The next argument (borrowed). */
static Obj *next_arg(PCtx *c)
{
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        return c->arglen < 0 ? c->args : AS_TUPLE(c->args)->items[i];
    }
    return rt_raise(EXC(TypeError), "not enough arguments for format string");
}

/* PyMapping_Check: the types whose items are looked up by key. */
static bool is_mapping(Obj *o)
{
    switch (o->kind) {
    case K_DICT: case K_LIST: case K_TUPLE: case K_STR: case K_RANGE:
        return true;
    default:
        return TYPE(o)->user && type_lookup(TYPE(o), str_intern("__getitem__")) != NULL;
    }
}

static bool is_int(Obj *o) { return IS(o, K_INT) || IS(o, K_BOOL); }

/* An int taken by '*' for a width or a precision. */
static bool star_arg(PCtx *c, int64_t *out)
{
    Obj *v = next_arg(c);
    if (!v)
        return false;
    if (!is_int(v)) {
        rt_raise(EXC(TypeError), "* wants int");
        return false;
    }
    return int_as_ssize(v, out);
}

/* CPython's unicode_format_arg_parse: [(key)][flags][width][.prec][hlL]
 * and the conversion character, after the '%'. */
static bool parse_arg(PCtx *c, PArg *a)
{
    const char *s = c->fmt->s;
    size_t len = c->fmt->len;
    uint32_t ch = 0;
    if (c->pos < len && s[c->pos] == '(') {
        if (!c->dict) {
            rt_raise(EXC(TypeError), "format requires a mapping");
            return false;
        }
        next_ch(c, &ch);
        size_t keystart = c->pos;
        int depth = 1;
        while (depth > 0 && next_ch(c, &ch)) {
            if (ch == ')')
                depth--;
            else if (ch == '(')
                depth++;
        }
        if (depth > 0) {
            rt_raise(EXC(ValueError), "incomplete format key");
            return false;
        }
        Obj *key = str_new(s + keystart, c->pos - 1 - keystart);
        Obj *v = key ? obj_getitem(c->dict, key) : NULL;
        XDECREF(key);
        if (!v)
            return false;
        if (c->args_owned)
            DECREF(c->args);
        c->args = v;
        c->args_owned = true;
        c->arglen = -1;
        c->argidx = -2;
    }
    bool have;
    while ((have = next_ch(c, &ch))) {
        int f = ch == '-' ? F_LJUST : ch == '+' ? F_SIGN : ch == ' ' ? F_BLANK
              : ch == '#' ? F_ALT : ch == '0' ? F_ZERO : 0;
        if (!f)
            break;
        a->flags |= f;
    }
    if (have && ch == '*') {
        if (!star_arg(c, &a->width))
            return false;
        if (a->width < 0) {
            a->flags |= F_LJUST;
            a->width = a->width == INT64_MIN ? INT64_MAX : -a->width;
        }
        have = next_ch(c, &ch);
    } else if (have && ch >= '0' && ch <= '9') {
        a->width = ch - '0';
        while ((have = next_ch(c, &ch)) && ch >= '0' && ch <= '9') {
            if (a->width > (INT64_MAX - (ch - '0')) / 10) {
                rt_raise(EXC(ValueError), "width too big");
                return false;
            }
            a->width = a->width * 10 + (ch - '0');
        }
    }
    if (have && ch == '.') {
        a->prec = 0;
        have = next_ch(c, &ch);
        if (have && ch == '*') {
            if (!star_arg(c, &a->prec))
                return false;
            if (a->prec > INT32_MAX || a->prec < INT32_MIN) {
                rt_raise(EXC(OverflowError), "Python int too large to convert to C int");
                return false;
            }
            if (a->prec < 0)
                a->prec = 0;
            have = next_ch(c, &ch);
        } else if (have && ch >= '0' && ch <= '9') {
            a->prec = ch - '0';
            while ((have = next_ch(c, &ch)) && ch >= '0' && ch <= '9') {
                if (a->prec > (INT32_MAX - (int64_t)(ch - '0')) / 10) {
                    rt_raise(EXC(ValueError), "precision too big");
                    return false;
                }
                a->prec = a->prec * 10 + (ch - '0');
            }
        }
    }
    if (have && (ch == 'h' || ch == 'l' || ch == 'L'))
        have = next_ch(c, &ch);
    if (!have) {
        rt_raise(EXC(ValueError), "incomplete format");
        return false;
    }
    a->ch = ch;
    return true;
}

/* CPython's unicode_format_arg_output: pads the converted text p[0..n)
 * (the str object whole, if any, can be written as itself). */
static bool output(PCtx *c, PArg *a, const char *p, size_t n, Obj *whole)
{
    Writer *w = &c->w;
    char fill = a->sign && (a->flags & F_ZERO) ? '0' : ' ';
    int64_t len = (int64_t)u8_chars(p, n);
    if ((a->width == -1 || a->width <= len) && (a->prec == -1 || a->prec >= len) &&
        !(a->flags & (F_SIGN | F_BLANK)))
        return whole ? w_str(w, whole) : w_bytes(w, p, n);
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 && len > a->prec) {
        len = a->prec;
        n = u8_prefix(p, n, (size_t)len);
    }
    size_t pi = 0;
    char signchar = 0;
    if (a->sign) {
        if (n && (p[0] == '-' || p[0] == '+')) {
            signchar = p[0];
            len--;
            pi++;
        } else if (a->flags & F_SIGN) {
            signchar = '+';
        } else if (a->flags & F_BLANK) {
            signchar = ' ';
        } else {
            a->sign = false;
        }
    }
    int64_t width = a->width < len ? len : a->width;
    if (!w_room(w, (size_t)width + n + 2))
        return false;
    bool prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    FmtBuf b = FMT_BUF_INIT;
    if (a->sign) {
        if (fill != ' ')
            fmt_buf_putc(&b, signchar);
        if (width > len)
            width--;
    }
    if (prefix) {
        if (fill != ' ') {
            fmt_buf_put(&b, p + pi, 2);
            pi += 2;
        }
        width = width < 2 ? 0 : width - 2;
        len -= 2;
    }
    if (width > len && !(a->flags & F_LJUST)) {
        fmt_buf_fill_cp(&b, (uint32_t)fill, (size_t)(width - len));
        width = len;
    }
    if (fill == ' ') {
        if (a->sign)
            fmt_buf_putc(&b, signchar);
        if (prefix) {
            fmt_buf_put(&b, p + pi, 2);
            pi += 2;
        }
    }
    fmt_buf_put(&b, p + pi, n - pi);
    if (width > len)
        fmt_buf_fill_cp(&b, ' ', (size_t)(width - len));
    bool ok = w_bytes(w, b.data, b.len);
    fmt_buf_free(&b);
    return ok;
}

/* %d %i %u %o %x %X: CPython's mainformatlong and _PyUnicode_FormatLong
 * (sign, 0x/0o prefix with '#', digits zero-padded to the precision). */
static bool format_long(PCtx *c, PArg *a, Obj *v)
{
    char type = (char)a->ch;
    bool index_only = type == 'o' || type == 'x' || type == 'X';
    int64_t iv = 0;
    Obj *big = NULL; /* the value when it is outside int64 (a new reference) */
    if (is_int(v)) {
        iv = AS_INT(v);
        if (AS_BIG(v))
            big = ref_new(v);
    } else if (IS(v, K_FLOAT) && !index_only) {
        FmtBuf err = FMT_BUF_INIT;
        FmtStatus st = fmt_float_to_int(AS_FLOAT(v), &iv, &err);
        if (st == FMT_EOVERFLOW && isfinite(AS_FLOAT(v))) {
            BigInt bv = BIG_INIT;
            big_from_double(&bv, AS_FLOAT(v));
            if (!(big = int_from_big(&bv))) {
                fmt_buf_free(&err);
                return false;
            }
        } else if (st != FMT_OK) {
            raise_fmt(st, &err);
            return false;
        }
        fmt_buf_free(&err);
    } else {
        rt_raise(EXC(TypeError), "%%%c format: %s is required, not %s", type,
                 index_only ? "an integer" : "a real number", type_name(v));
        return false;
    }
    if (a->prec > 0 && !w_room(&c->w, (size_t)a->prec + 24)) {
        XDECREF(big);
        return false;
    }
    int base = type == 'o' ? 8 : index_only ? 16 : 10;
    FmtBuf digits = FMT_BUF_INIT, b = FMT_BUF_INIT;
    if (big) {
        Obj *text = int_to_base_str(big, base, false, type == 'X');
        DECREF(big);
        if (!text)
            return false;
        fmt_buf_put(&digits, AS_STR(text)->s, AS_STR(text)->len);
        DECREF(text);
    } else {
        fmt_int_to_base(iv, base, false, type == 'X', &digits);
    }
    const char *d = fmt_buf_cstr(&digits);
    bool neg = d[0] == '-';
    int64_t nd = (int64_t)digits.len - neg;
    if (neg)
        fmt_buf_putc(&b, '-');
    if ((a->flags & F_ALT) && base != 10) {
        fmt_buf_putc(&b, '0');
        fmt_buf_putc(&b, type == 'o' ? 'o' : type);
    }
    if (a->prec > nd)
        fmt_buf_fill_cp(&b, '0', (size_t)(a->prec - nd));
    fmt_buf_put(&b, d + neg, (size_t)nd);
    fmt_buf_free(&digits);
    a->sign = true;
    bool ok = output(c, a, b.data, b.len, NULL);
    fmt_buf_free(&b);
    return ok;
}

/* %e %E %f %F %g %G: CPython's formatfloat (precision 6 by default). */
static bool format_float(PCtx *c, PArg *a, Obj *v)
{
    double x;
    if (IS(v, K_FLOAT))
        x = AS_FLOAT(v);
    else if (is_int(v)) {
        if (!int_as_double(v, &x))
            return false;
    } else {
        rt_raise(EXC(TypeError), "must be real number, not %s", type_name(v));
        return false;
    }
    FmtBuf b = FMT_BUF_INIT;
    FmtStatus st = fmt_float_to_string(x, (char)a->ch, a->prec < 0 ? 6 : a->prec,
                                       (a->flags & F_ALT) ? FMT_DTS_ALT : 0, &b);
    if (st != FMT_OK) {
        fmt_buf_free(&b);
        rt_no_memory();
        return false;
    }
    a->sign = true;
    bool ok = output(c, a, b.data, b.len, NULL);
    fmt_buf_free(&b);
    return ok;
}

/* %c: an int code point or a one-character str. */
static bool format_char(PCtx *c, PArg *a, Obj *v)
{
    uint32_t cp;
    if (IS(v, K_STR) && AS_STR(v)->nchars == 1) {
        fmt_utf8_decode(AS_STR(v)->s, AS_STR(v)->len, &cp);
    } else if (is_int(v)) {
        if (AS_INT(v) < 0 || AS_INT(v) > 0x10ffff) {
            rt_raise(EXC(OverflowError), "%%c arg not in range(0x110000)");
            return false;
        }
        cp = (uint32_t)AS_INT(v);
    } else {
        rt_raise(EXC(TypeError), "%%c requires int or char");
        return false;
    }
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_put_cp(&b, cp);
    bool ok = output(c, a, b.data, b.len, NULL);
    fmt_buf_free(&b);
    return ok;
}

/* One conversion, after its '%' (CPython's unicode_format_arg). */
static bool format_arg(PCtx *c)
{
    if (c->pos < c->fmt->len && c->fmt->s[c->pos] == '%') {
        uint32_t ch;
        next_ch(c, &ch);
        return w_bytes(&c->w, "%", 1);
    }
    PArg a = {0, 0, -1, -1, false};
    if (!parse_arg(c, &a))
        return false;
    if (c->pos == c->fmt->len)
        c->w.overallocate = false;
    Obj *v = next_arg(c);
    if (!v)
        return false;
    bool ok;
    switch (a.ch) {
    case 's': case 'r': case 'a': {
        Obj *s;
        if (a.ch == 's' && IS(v, K_STR) && v->type == &type_str)
            s = ref_new(v);
        else
            s = a.ch == 's' ? obj_str(v) : a.ch == 'r' ? obj_repr(v) : obj_ascii(v);
        if (!s)
            return false;
        ok = output(c, &a, AS_STR(s)->s, AS_STR(s)->len, s);
        DECREF(s);
        break;
    }
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
        ok = format_long(c, &a, v);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        ok = format_float(c, &a, v);
        break;
    case 'c':
        ok = format_char(c, &a, v);
        break;
    default:
        rt_raise(EXC(ValueError), "unsupported format character '%c' (0x%x) at index %zu",
                 a.ch >= 31 && a.ch <= 126 ? (char)a.ch : '?', (unsigned)a.ch, c->chpos - 1);
        return false;
    }
    if (ok && c->dict && c->argidx < c->arglen) {
        rt_raise(EXC(TypeError), "not all arguments converted during string formatting");
        return false;
    }
    return ok;
}

Obj *str_mod_format(Obj *fmt, Obj *args)
{
    PCtx c = {.fmt = AS_STR(fmt), .args = args};
    bool tuple = IS(args, K_TUPLE);
    c.arglen = tuple ? (int64_t)AS_TUPLE(args)->len : -1;
    c.argidx = tuple ? 0 : -2;
    c.dict = !tuple && !IS(args, K_STR) && is_mapping(args) ? args : NULL;
    w_init(&c.w);
    const char *s = c.fmt->s;
    size_t len = c.fmt->len;
    Obj *r = NULL;
    while (c.pos < len) {
        bool ok;
        if (s[c.pos] != '%') {
            size_t start = c.pos;
            while (c.pos < len && s[c.pos] != '%')
                c.chpos += ((unsigned char)s[c.pos++] & 0xc0) != 0x80;
            if (c.pos == len)
                c.w.overallocate = false;
            ok = start == 0 && c.pos == len ? w_str(&c.w, fmt) : w_bytes(&c.w, s + start, c.pos - start);
        } else {
            c.pos++;
            c.chpos++;
            ok = format_arg(&c);
        }
        if (!ok)
            goto done;
    }
    if (c.argidx < c.arglen && !c.dict) {
        rt_raise(EXC(TypeError), "not all arguments converted during string formatting");
        goto done;
    }
    r = w_finish(&c.w);
done:
    w_free(&c.w);
    if (c.args_owned)
        DECREF(c.args);
    return r;
}

/* format(value, spec) looks up value.__format__, a bound method that holds
 * value while it runs (a user __str__ or __repr__ below can see it). */
Obj *str_format_value(Obj *value, Obj *spec)
{
    bool user = value->type->user;
    if (user)
        ref_inc(value, OWN_TEMP);
    Obj *r = format_value_impl(value, spec);
    if (user)
        DECREF(value);
    return r;
}
