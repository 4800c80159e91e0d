/* run: a scenario from file to exit status, headless (batch and trace). */
#ifndef MEMVIZ_RUN_H
#define MEMVIZ_RUN_H

#include <stdbool.h>
#include <stdint.h>

typedef enum { RUN_BATCH, RUN_TRACE } RunMode;

typedef struct {
    const char *file;
    RunMode mode;
    bool events;          /* record events (off: --no-events) */
    int64_t max_steps;
    uint64_t max_heap;
    bool check_refs;      /* --check-refs: verify refcounts at every line */
} RunOptions;

enum { RUN_DEFAULT_MAX_STEPS = 10000000 };
#define RUN_DEFAULT_MAX_HEAP (256ull << 20)

/* Runs the scenario; returns the exit status: 0 it ran to the end, 1 it
 * failed (syntax error, uncaught exception, a limit), 2 the file could not
 * be read. Program output goes to stdout (in trace mode as events),
 * errors to stderr. */
int run_file(const RunOptions *opt);

#endif
