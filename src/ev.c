#include "ev.h"

#include <stdlib.h>
#include <string.h>

#include "xmem.h"

bool ev_on = true;
uint32_t ev_line;

static EvSink sink;
static void *sink_arg;
uint64_t ev_emitted;
#define emitted ev_emitted
EvRecord *ev_ring;
size_t ev_ring_mask;
bool ev_ring_only;

static void update_ring_only(void);

void ev_set_sink(EvSink s, void *arg)
{
    sink = s;
    sink_arg = arg;
    update_ring_only();
}

uint64_t ev_count(void) { return emitted; }

/* ---- the recorder ring ---- */
#define ring ev_ring
#define ring_mask ev_ring_mask

static void update_ring_only(void) { ev_ring_only = ring && !sink; }

void ev_record_start(size_t capacity)
{
    free(ring);
    ring = xcalloc(capacity, sizeof *ring);
    ring_mask = capacity - 1;
    update_ring_only();
}

void ev_record_stop(void)
{
    free(ring);
    ring = NULL;
    ring_mask = 0;
    update_ring_only();
}

const EvRecord *ev_record_get(uint64_t seq)
{
    if (!ring || seq == 0 || seq > emitted || emitted - seq > ring_mask)
        return NULL;
    return &ring[(seq - 1) & ring_mask];
}

void ev_record_event(const EvRecord *r, Event *out)
{
    uint8_t kind = (uint8_t)(r->obj >> 48);
    *out = (Event){.kind = kind, .okind = (uint8_t)(r->obj >> 56), .line = (uint32_t)(r->index_line >> 32),
                   .addr = r->obj & EV_ADDR_MASK, .value = r->value, .tname = r->tname,
                   .owner = OWNER(r->owner >> 56, r->owner & EV_OWNER_MASK, (uint32_t)r->index_line, r->name)};
    if (kind == EV_MOVE)
        out->from = OWNER(r->from >> 56, r->from & EV_OWNER_MASK, r->from_index, NULL);
}

void ev_emit(Event *e)
{
    e->line = ev_line;
    if (ring)
        ev_ring_put(e->kind, e->addr, e->okind, e->value, e->tname, &e->owner,
                    e->kind == EV_MOVE ? &e->from : NULL);
    else
        emitted++;
    if (sink)
        sink(e, sink_arg);
}

/* ---- interned names: open addressing over host strings ---- */
static char **names;
static size_t names_cap, names_len;

static uint64_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

const char *ev_intern(const char *s)
{
    if (!s)
        return NULL;
    if (names_len * 2 >= names_cap) {
        size_t ncap = names_cap ? names_cap * 2 : 256;
        char **n = xcalloc(ncap, sizeof *n);
        for (size_t i = 0; i < names_cap; i++) {
            if (!names[i])
                continue;
            size_t j = str_hash(names[i]) & (ncap - 1);
            while (n[j])
                j = (j + 1) & (ncap - 1);
            n[j] = names[i];
        }
        free(names);
        names = n;
        names_cap = ncap;
    }
    size_t j = str_hash(s) & (names_cap - 1);
    while (names[j]) {
        if (strcmp(names[j], s) == 0)
            return names[j];
        j = (j + 1) & (names_cap - 1);
    }
    names[j] = xstrdup(s);
    names_len++;
    return names[j];
}

void ev_shutdown(void)
{
    ev_record_stop();
    emitted = 0;
    for (size_t i = 0; i < names_cap; i++)
        free(names[i]);
    free(names);
    names = NULL;
    names_cap = names_len = 0;
}

/* ---- emit helpers ---- */
/* The hot paths: with no sink (batch mode) an event goes straight into the
 * ring without building an Event first. */
void ev_ref(EvKind kind, Obj *o, Owner w)
{
    if (!sink && ring) {
        ev_ring_ref((uint8_t)kind, o, &w, NULL);
        return;
    }
    Event e = {.kind = (uint8_t)kind, .okind = o->kind, .addr = o->addr,
               .value = o->refcnt, .tname = o->type ? o->type->name : "?",
               .owner = w};
    ev_emit(&e);
}

void ev_move(Obj *o, Owner from, Owner to)
{
    if (!ev_on)
        return;
    if (!sink && ring) {
        ev_ring_ref(EV_MOVE, o, &to, &from);
        return;
    }
    Event e = {.kind = EV_MOVE, .okind = o->kind, .addr = o->addr,
               .value = o->refcnt, .tname = o->type ? o->type->name : "?",
               .owner = to, .from = from};
    ev_emit(&e);
}

void ev_obj(EvKind kind, Obj *o, int64_t value)
{
    if (!ev_on)
        return;
    if (ev_ring_only) {
        ev_ring_put((uint8_t)kind, o->addr, o->kind, value, o->type ? o->type->name : "?", NULL, NULL);
        return;
    }
    Event e = {.kind = (uint8_t)kind, .okind = o->kind, .addr = o->addr,
               .value = value, .tname = o->type ? o->type->name : "?"};
    ev_emit(&e);
}

void ev_frame(EvKind kind, uint32_t serial, const char *fname)
{
    if (!ev_on)
        return;
    if (ev_ring_only) {
        Owner frame = OWNER(OWN_FRAME, 0, serial, fname);
        ev_ring_put((uint8_t)kind, 0, 0, serial, NULL, &frame, NULL);
        return;
    }
    Event e = {.kind = (uint8_t)kind, .value = serial,
               .owner = OWNER(OWN_FRAME, 0, serial, fname)};
    ev_emit(&e);
}

void ev_output(const char *text, size_t len)
{
    if (!ev_on)
        return;
    Event e = {.kind = EV_OUTPUT, .text = text, .len = len};
    ev_emit(&e);
}

/* ---- text form ---- */
static const char *const kind_names[EV_COUNT] = {
    [EV_ALLOC] = "alloc", [EV_FREE] = "free", [EV_INCREF] = "incref",
    [EV_DECREF] = "decref", [EV_MOVE] = "move", [EV_CALL] = "call",
    [EV_RETURN] = "return", [EV_LINE] = "line", [EV_OUTPUT] = "output",
    [EV_RAISE] = "raise",
};

const char *ev_kind_name(EvKind k) { return k < EV_COUNT ? kind_names[k] : "?"; }

static void print_owner(FILE *out, const Owner *w)
{
    const char *n = w->name ? w->name : "?";
    switch (w->kind) {
    case OWN_NONE: fputs("temp", out); break;
    case OWN_NAME:
        if (w->addr) /* a namespace dict (module globals, class body) */
            fprintf(out, "name:%s@0x%llx", n, (unsigned long long)w->addr);
        else
            fprintf(out, "name:%s@%u", n, w->index);
        break;
    case OWN_STACK: fprintf(out, "stack[%u]@%llu", w->index, (unsigned long long)w->addr); break;
    case OWN_SLOT: fprintf(out, "slot[%u]@0x%llx", w->index, (unsigned long long)w->addr); break;
    case OWN_KEY: fprintf(out, "key@0x%llx", (unsigned long long)w->addr); break;
    case OWN_ATTR: fprintf(out, "attr:%s@0x%llx", n, (unsigned long long)w->addr); break;
    case OWN_CELL: fprintf(out, "cell@0x%llx", (unsigned long long)w->addr); break;
    case OWN_CONST: fprintf(out, "const[%u]@0x%llx", w->index, (unsigned long long)w->addr); break;
    case OWN_AST: fputs("ast", out); break;
    case OWN_FRAME:
        if (w->addr) /* a frame object's own references */
            fprintf(out, "frame:%s@0x%llx", n, (unsigned long long)w->addr);
        else
            fprintf(out, "frame@%u", w->index);
        break;
    case OWN_ITER: fprintf(out, "iter@0x%llx", (unsigned long long)w->addr); break;
    case OWN_METHOD: fprintf(out, "method@0x%llx", (unsigned long long)w->addr); break;
    case OWN_TYPE: fprintf(out, "type@0x%llx", (unsigned long long)w->addr); break;
    case OWN_EXC: fprintf(out, "exc:%s@0x%llx", n, (unsigned long long)w->addr); break;
    case OWN_FUNC: fprintf(out, "func:%s@0x%llx", n, (unsigned long long)w->addr); break;
    case OWN_MODULE: fprintf(out, "module:%s", n); break;
    default: fputs("?", out); break;
    }
}

static void print_text(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

void ev_print(FILE *out, uint64_t seq, const Event *e)
{
    fprintf(out, "%llu L%u %s", (unsigned long long)seq, e->line, ev_kind_name(e->kind));
    switch (e->kind) {
    case EV_ALLOC:
        fprintf(out, " %s 0x%llx size=%lld\n", e->tname, (unsigned long long)e->addr, (long long)e->value);
        break;
    case EV_FREE:
        fprintf(out, " %s 0x%llx\n", e->tname, (unsigned long long)e->addr);
        break;
    case EV_INCREF:
    case EV_DECREF:
        fprintf(out, " %s 0x%llx rc=%lld ", e->tname, (unsigned long long)e->addr, (long long)e->value);
        print_owner(out, &e->owner);
        fputc('\n', out);
        break;
    case EV_MOVE:
        fprintf(out, " %s 0x%llx rc=%lld ", e->tname, (unsigned long long)e->addr, (long long)e->value);
        print_owner(out, &e->from);
        fputs(" -> ", out);
        print_owner(out, &e->owner);
        fputc('\n', out);
        break;
    case EV_CALL:
    case EV_RETURN:
    case EV_LINE:
        fprintf(out, " %s@%lld\n", e->owner.name ? e->owner.name : "?", (long long)e->value);
        break;
    case EV_OUTPUT:
        fputc(' ', out);
        print_text(out, e->text, e->len);
        fputc('\n', out);
        break;
    case EV_RAISE:
        fprintf(out, " %s 0x%llx\n", e->tname, (unsigned long long)e->addr);
        break;
    default:
        fputc('\n', out);
    }
}
