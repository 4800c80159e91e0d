/* ev: the event stream. Every change of the simulated memory state is one
 * Event, emitted through ev_emit; it is the only thing history, model and
 * UI read. When recording is off (ev_on false), nothing is built at all. */
#ifndef MEMVIZ_EV_H
#define MEMVIZ_EV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "obj.h"

typedef enum {
    EV_ALLOC,    /* addr: new object (rc 1, held by a temporary); value: size */
    EV_FREE,     /* addr: object deallocated; its block returns to the heap */
    EV_INCREF,   /* owner takes a reference; value: new refcount */
    EV_DECREF,   /* owner drops a reference; value: new refcount */
    EV_MOVE,     /* a reference passes from `from` to owner; count unchanged */
    EV_CALL,     /* frame `value` entered: owner.name is the function */
    EV_RETURN,   /* frame `value` left */
    EV_LINE,     /* execution reached line `line` of frame `value` */
    EV_OUTPUT,   /* the program wrote text: text/len */
    EV_RAISE,    /* exception object addr raised (name: its type) */
    EV_COUNT
} EvKind;

typedef struct {
    uint8_t kind;        /* EvKind */
    uint8_t okind;       /* ObjKind of addr's object */
    uint32_t line;       /* source line being executed */
    uint64_t addr;
    int64_t value;
    const char *tname;   /* interned type name of addr's object */
    Owner owner;
    Owner from;          /* EV_MOVE only */
    const char *text;    /* EV_OUTPUT: the bytes (valid during the sink call) */
    size_t len;
} Event;

extern bool ev_on;         /* false: emit nothing (--no-events) */
extern uint32_t ev_line;   /* the line the VM executes now */

typedef void (*EvSink)(const Event *e, void *arg);

/* The recorder: the compact form in which events are kept for the history
 * (stepping back and forth without re-running). It is a ring: the last
 * capacity events stay, older ones are overwritten; every event costs the
 * same to record, however long the run. Output text is not kept. */
typedef struct {
    uint64_t obj;          /* address | kind << 48 | object kind << 56 */
    int64_t value;
    uint64_t owner;        /* owner address | owner kind << 56 */
    const char *name;      /* the owner's name */
    uint64_t index_line;   /* owner index | line << 32 */
    const char *tname;
    uint64_t from;         /* EV_MOVE only (else stale): address | kind << 56 */
    uint64_t from_index;   /* EV_MOVE only */
} EvRecord;

/* The ring, for the inline fast path below (ev.c owns it). */
extern EvRecord *ev_ring;
extern size_t ev_ring_mask;
extern uint64_t ev_emitted;
extern bool ev_ring_only;   /* recording into the ring with no sink attached */

/* Writes one record into the ring (the recorder's only writer). Fields
 * are packed into whole words: every store counts on the hottest path. */
#define EV_ADDR_MASK ((1ull << 48) - 1)
#define EV_OWNER_MASK ((1ull << 56) - 1)
static inline void ev_ring_put(uint8_t kind, uint64_t addr, uint8_t okind, int64_t value,
                               const char *tname, const Owner *w, const Owner *from)
{
    EvRecord *r = &ev_ring[ev_emitted++ & ev_ring_mask];
    r->obj = addr | (uint64_t)kind << 48 | (uint64_t)okind << 56;
    r->value = value;
    r->owner = w ? w->addr | (uint64_t)w->kind << 56 : 0;
    r->name = w ? w->name : NULL;
    r->index_line = (w ? w->index : 0) | (uint64_t)ev_line << 32;
    r->tname = tname;
    if (from) {
        r->from = from->addr | (uint64_t)from->kind << 56;
        r->from_index = from->index;
    }
}

/* A refcount event of o (the hot path of ref_inc/ref_dec/ref_move in batch
 * mode); the object's alloc event names its type. */
static inline void ev_ring_ref(uint8_t kind, const Obj *o, const Owner *w, const Owner *from)
{
    ev_ring_put(kind, o->addr, o->kind, o->refcnt, NULL, w, from);
}

void ev_record_start(size_t capacity);   /* a power of two */
void ev_record_stop(void);               /* frees the ring */
/* Record number seq (1-based), or NULL when it was overwritten or not yet
 * made. Valid until the next event. */
const EvRecord *ev_record_get(uint64_t seq);
void ev_record_event(const EvRecord *r, Event *out);  /* back to an Event */

/* Routes every event to sink (NULL: drop them). */
void ev_set_sink(EvSink sink, void *arg);
void ev_emit(Event *e);
uint64_t ev_count(void);   /* events emitted so far */

/* A stable copy of s, alive until ev_shutdown (names in events). */
const char *ev_intern(const char *s);
void ev_shutdown(void);

/* The stable one-line text form of --trace (README "Trace format"). */
void ev_print(FILE *out, uint64_t seq, const Event *e);
const char *ev_kind_name(EvKind k);

/* Helpers the engine calls (they check ev_on themselves). */
void ev_ref(EvKind kind, Obj *o, Owner w);
void ev_move(Obj *o, Owner from, Owner to);
void ev_obj(EvKind kind, Obj *o, int64_t value);
void ev_frame(EvKind kind, uint32_t serial, const char *fname);
void ev_output(const char *text, size_t len);

#endif
