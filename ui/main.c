/* memviz: command line. Parses the options and runs the scenario. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

#ifndef MEMVIZ_VERSION
#define MEMVIZ_VERSION "0.1.0"
#endif

static void usage(FILE *out)
{
    fputs("Usage: memviz [OPTIONS] FILE\n"
          "Run a MiniPy scenario on a simulated CPython heap and show its memory.\n"
          "\n"
          "  --batch FILE       run headless: stdout is what the program prints;\n"
          "                     an uncaught exception prints a traceback, exit 1\n"
          "  --trace FILE       print the event stream, one event per line\n"
          "  --no-events        do not record events (fastest)\n"
          "  --max-steps N      stop after N bytecode instructions (default 10000000)\n"
          "  --max-heap SIZE    simulated heap limit, suffixes K M G (default 256M);\n"
          "                     past it the scenario gets MemoryError\n"
          "  --check-refs       verify every refcount against what holds it, at\n"
          "                     every line (slow; a self-test of memviz)\n"
          "  --help             show this help and exit\n"
          "  --version          show the version and exit\n"
          "\n"
          "memviz FILE runs the scenario headless, as --batch does.\n"
          "Exit status: 0 the scenario ran, 1 it failed, 2 usage or file error.\n",
          out);
}

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("memviz: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'memviz --help' for more information.\n", stderr);
    return 2;
}

static int parse_count(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return -1;
    *out = v;
    return 0;
}

static int parse_size(const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-')
        return -1;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10;
    else if (*end == 'M' || *end == 'm')
        shift = 20;
    else if (*end == 'G' || *end == 'g')
        shift = 30;
    if (shift)
        end++;
    if (*end == 'B' || *end == 'b' || (*end == 'i' && end[1] == 'B'))
        end += *end == 'i' ? 2 : 1;
    if (*end || v == 0 || v > (1ull << (40 - shift)))
        return -1;
    *out = v << shift;
    return 0;
}

int main(int argc, char **argv)
{
    RunOptions opt = {.mode = RUN_BATCH, .events = true, .max_steps = RUN_DEFAULT_MAX_STEPS,
                      .max_heap = RUN_DEFAULT_MAX_HEAP};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        char name[32];
        if (a[0] == '-' && a[1] == '-' && eq && (size_t)(eq - a) < sizeof name) {
            snprintf(name, sizeof name, "%.*s", (int)(eq - a), a);
            a = name;
            val = eq + 1;
        }
        bool takes = !strcmp(a, "--max-steps") || !strcmp(a, "--max-heap");
        bool mode = !strcmp(a, "--batch") || !strcmp(a, "--trace");
        /* --batch FILE, or --batch as a mode with FILE given anywhere */
        if (mode && !val && i + 1 < argc && argv[i + 1][0] != '-')
            val = argv[++i];
        if (takes && !val) {
            if (i + 1 >= argc)
                return bad_usage("option '%s' needs a value", a);
            val = argv[++i];
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("memviz %s\n", MEMVIZ_VERSION);
            return 0;
        } else if (mode) {
            if (opt.file && val)
                return bad_usage("more than one scenario given ('%s')", val);
            if (val)
                opt.file = val;
            opt.mode = !strcmp(a, "--trace") ? RUN_TRACE : RUN_BATCH;
        } else if (!strcmp(a, "--check-refs")) {
            opt.check_refs = true; /* test hook: verify every refcount at each line */
        } else if (!strcmp(a, "--no-events")) {
            opt.events = false;
        } else if (!strcmp(a, "--max-steps")) {
            long long n;
            if (parse_count(val, &n) < 0)
                return bad_usage("--max-steps needs a positive number, not '%s'", val);
            opt.max_steps = n;
        } else if (!strcmp(a, "--max-heap")) {
            unsigned long long n;
            if (parse_size(val, &n) < 0)
                return bad_usage("--max-heap needs a size such as 64M or 1G, not '%s'", val);
            opt.max_heap = n;
        } else if (a[0] == '-' && a[1]) {
            return bad_usage("unknown option '%s'", a);
        } else {
            if (opt.file)
                return bad_usage("more than one scenario given ('%s')", a);
            opt.file = a;
        }
    }
    if (!opt.file) {
        usage(stderr);
        return 2;
    }
    return run_file(&opt);
}
