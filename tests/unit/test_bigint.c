/* bigint: arbitrary-precision arithmetic, conversions, text and hashes.
 * The expected values are CPython 3.11's (ints written in hex, floats as
 * C hex literals so they are exact). */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bigint.h"

typedef struct { const char *op, *a, *b, *r; } ArithCase;
typedef struct { const char *v; long long h; } HashCase;
typedef struct { const char *v; double d; int overflow; } DoubleCase;
typedef struct { const char *a, *b; double q; int overflow; } DivCase;
typedef struct { const char *v; double x; int cmp; } CmpCase;
typedef struct { double x; const char *v; } FromDoubleCase;
typedef struct { const char *v; int base, prefix, upper; const char *s; } StrCase;
typedef struct { const char *s; int base, invalid; const char *v; } ParseCase;
typedef struct { const char *v; unsigned long long bits; size_t size; } SizeCase;
typedef struct { const char *a, *e, *m, *r; } PowModCase;

static const ArithCase arith_cases[] = {
    {"add", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x7b7a43a7ef901fd29f05f9e837d9"},
    {"sub", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x7b5a43a7ef901fd29f05f9e837d9"},
    {"mul", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x7b6a43a7ef901fd29f05f9e837d90000000000000000000000000"},
    {"floordiv", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x0"},
    {"mod", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x10000000000000000000000000"},
    {"and", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x0"},
    {"or", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x7b7a43a7ef901fd29f05f9e837d9"},
    {"xor", "0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x7b7a43a7ef901fd29f05f9e837d9"},
    {"add", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x7b5a43a7ef901fd29f05f9e837d9"},
    {"sub", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x7b7a43a7ef901fd29f05f9e837d9"},
    {"mul", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x7b6a43a7ef901fd29f05f9e837d90000000000000000000000000"},
    {"floordiv", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x1"},
    {"mod", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x7b5a43a7ef901fd29f05f9e837d9"},
    {"and", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "0x7b60000000000000000000000000"},
    {"or", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x5bc58106fe02d60fa0617c827"},
    {"xor", "-0x10000000000000000000000000", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x7b65bc58106fe02d60fa0617c827"},
    {"add", "0x8000000000000000", "0x8000000000000000", "0x10000000000000000"},
    {"sub", "0x8000000000000000", "0x8000000000000000", "0x0"},
    {"mul", "0x8000000000000000", "0x8000000000000000", "0x40000000000000000000000000000000"},
    {"floordiv", "0x8000000000000000", "0x8000000000000000", "0x1"},
    {"mod", "0x8000000000000000", "0x8000000000000000", "0x0"},
    {"and", "0x8000000000000000", "0x8000000000000000", "0x8000000000000000"},
    {"or", "0x8000000000000000", "0x8000000000000000", "0x8000000000000000"},
    {"xor", "0x8000000000000000", "0x8000000000000000", "0x0"},
    {"add", "-0x8000000000000000", "-0x1", "-0x8000000000000001"},
    {"sub", "-0x8000000000000000", "-0x1", "-0x7fffffffffffffff"},
    {"mul", "-0x8000000000000000", "-0x1", "0x8000000000000000"},
    {"floordiv", "-0x8000000000000000", "-0x1", "0x8000000000000000"},
    {"mod", "-0x8000000000000000", "-0x1", "0x0"},
    {"and", "-0x8000000000000000", "-0x1", "-0x8000000000000000"},
    {"or", "-0x8000000000000000", "-0x1", "-0x1"},
    {"xor", "-0x8000000000000000", "-0x1", "0x7fffffffffffffff"},
    {"add", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0x100000000000000000000000010000000000000000000000000"},
    {"sub", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0xffffffffffffffffffffffffeffffffffffffffffffffffffe"},
    {"mul", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0x10000000000000000000000000ffffffffffffffffffffffffefffffffffffffffffffffffff"},
    {"floordiv", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0xfffffffffffffffffffffffff"},
    {"mod", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0x0"},
    {"and", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0x10000000000000000000000001"},
    {"or", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0xffffffffffffffffffffffffffffffffffffffffffffffffff"},
    {"xor", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000000000001", "0xffffffffffffffffffffffffeffffffffffffffffffffffffe"},
    {"add", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0xffffffffffffffffe29cd60e3ca35b4054460a9effffffcfc4"},
    {"sub", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x100000000000000001d6329f1c35ca4bfabb9f5610000003036"},
    {"mul", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x1d6329f1c35ca4bfabb9f5610000003038ffffffffffffffffa7d6822ab5ea11c0fcd21fdcffffff6f55"},
    {"floordiv", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x8b61313bbabce2c63"},
    {"mod", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "0x179f0cb47d5580adb2428317ffe93a720e"},
    {"and", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "0x1"},
    {"or", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0xffffffffffffffffe29cd60e3ca35b4054460a9effffffcfc5"},
    {"xor", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0xffffffffffffffffe29cd60e3ca35b4054460a9effffffcfc6"},
    {"add", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "0x1d6329f1c35ca4bfabb9f5610000003032"},
    {"sub", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "0x1d6329f1c35ca4bfabb9f5610000003040"},
    {"mul", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "-0xcdb6259c5788813db215b5a7000001518f"},
    {"floordiv", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "-0x432bcd9650d3c1b61acd9e94924925009"},
    {"mod", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "-0x6"},
    {"and", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "0x1d6329f1c35ca4bfabb9f5610000003039"},
    {"or", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "-0x7"},
    {"xor", "0x1d6329f1c35ca4bfabb9f5610000003039", "-0x7", "-0x1d6329f1c35ca4bfabb9f5610000003040"},
    {"add", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "-0x9f4f2726179a224501d762422c906590d91"},
    {"sub", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "-0x9f4f2726179a224501d762422c986590d91"},
    {"mul", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "-0x27d3c9c985e688914075d8908b25196436440000000"},
    {"floordiv", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "-0x27d3c9c985e688914075d8908b26"},
    {"mod", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "0x39a6f26f"},
    {"and", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "0x0"},
    {"or", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "-0x9f4f2726179a224501d762422c906590d91"},
    {"xor", "-0x9f4f2726179a224501d762422c946590d91", "0x40000000", "-0x9f4f2726179a224501d762422c906590d91"},
    {"add", "0x10000000000000000", "-0xffffffffffffffff", "0x1"},
    {"sub", "0x10000000000000000", "-0xffffffffffffffff", "0x1ffffffffffffffff"},
    {"mul", "0x10000000000000000", "-0xffffffffffffffff", "-0xffffffffffffffff0000000000000000"},
    {"floordiv", "0x10000000000000000", "-0xffffffffffffffff", "-0x2"},
    {"mod", "0x10000000000000000", "-0xffffffffffffffff", "-0xfffffffffffffffe"},
    {"and", "0x10000000000000000", "-0xffffffffffffffff", "0x10000000000000000"},
    {"or", "0x10000000000000000", "-0xffffffffffffffff", "-0xffffffffffffffff"},
    {"xor", "0x10000000000000000", "-0xffffffffffffffff", "-0x1ffffffffffffffff"},
    {"add", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "-0x9f4f271e60f5e7c608d565183c34c70d5b8"},
    {"sub", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "0x9f4f272dce3e5cc3fad95f6c1cf4041456a"},
    {"mul", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "-0x4ccd28afbc12ec3052117211b32187136af2127abe3a2d1930b6c7517cea6e9"},
    {"floordiv", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "-0x1"},
    {"mod", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "-0x9f4f271e60f5e7c608d565183c34c70d5b8"},
    {"and", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "0x1a024183af8009d29d04b9a03249"},
    {"or", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "-0x9f4f2720011a000100d602420c806110801"},
    {"xor", "0x7b6a43a7ef901fd29f05f9e837d9", "-0x9f4f2726179a224501d762422c946590d91", "-0x9f4f2721a13e183bf8d69f6bdccbfb13a4a"},
    {"add", "0x7fffffffffffffff", "0x1", "0x8000000000000000"},
    {"sub", "0x7fffffffffffffff", "0x1", "0x7ffffffffffffffe"},
    {"mul", "0x7fffffffffffffff", "0x1", "0x7fffffffffffffff"},
    {"floordiv", "0x7fffffffffffffff", "0x1", "0x7fffffffffffffff"},
    {"mod", "0x7fffffffffffffff", "0x1", "0x0"},
    {"and", "0x7fffffffffffffff", "0x1", "0x1"},
    {"or", "0x7fffffffffffffff", "0x1", "0x7fffffffffffffff"},
    {"xor", "0x7fffffffffffffff", "0x1", "0x7ffffffffffffffe"},
    {"add", "-0x1", "0x10000000000000000000000000", "0xfffffffffffffffffffffffff"},
    {"sub", "-0x1", "0x10000000000000000000000000", "-0x10000000000000000000000001"},
    {"mul", "-0x1", "0x10000000000000000000000000", "-0x10000000000000000000000000"},
    {"floordiv", "-0x1", "0x10000000000000000000000000", "-0x1"},
    {"mod", "-0x1", "0x10000000000000000000000000", "0xfffffffffffffffffffffffff"},
    {"and", "-0x1", "0x10000000000000000000000000", "0x10000000000000000000000000"},
    {"or", "-0x1", "0x10000000000000000000000000", "-0x1"},
    {"xor", "-0x1", "0x10000000000000000000000000", "-0x10000000000000000000000001"},
    {"rshift", "0x10000000000000000000000000", "0x5", "0x800000000000000000000000"},
    {"rshift", "-0x10000000000000000000000000", "0x5", "-0x800000000000000000000000"},
    {"rshift", "-0x10000000000000000000000000", "0x65", "-0x1"},
    {"rshift", "-0x10000000000000000000000000", "0x64", "-0x1"},
    {"rshift", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x40", "-0x10000000000000000000000000000000000"},
    {"rshift", "0x7b6a43a7ef901fd29f05f9e837d9", "0x0", "0x7b6a43a7ef901fd29f05f9e837d9"},
    {"rshift", "-0x1", "0xc8", "-0x1"},
    {"rshift", "0xffffffffffffffffffffffffffffffffffffffffffffffffff", "0xc7", "0x1"},
    {"lshift", "0x1", "0xc8", "0x100000000000000000000000000000000000000000000000000"},
    {"lshift", "-0x3", "0x64", "-0x30000000000000000000000000"},
    {"lshift", "0x7b6a43a7ef901fd29f05f9e837d9", "0x1f", "0x3db521d3f7c80fe94f82fcf41bec80000000"},
    {"lshift", "-0x9f4f2726179a224501d762422c946590d91", "0x3c", "-0x9f4f2726179a224501d762422c946590d91000000000000000"},
    {"pow", "0x3", "0x64", "0x5a4653ca673768565b41f775d6947d55cf3813d1"},
    {"pow", "-0x3", "0x65", "-0x10ed2fb5f35a6390311c5e66183bd78016da83b73"},
    {"pow", "0x2", "0x12c", "0x1000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {"pow", "-0x2", "0x12d", "-0x2000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {"pow", "0x56bc75e2d63100000", "0x3", "0x9f4f2726179a224501d762422c946590d91000000000000000"},
    {"pow", "-0x1", "0x400000000000000000", "0x1"},
    {"pow", "0x1", "0x10000000000000000000000000", "0x1"},
    {"pow", "0x0", "0x0", "0x1"},
    {"pow", "0x0", "0x5", "0x0"},
    {"pow", "0x7", "0x1", "0x7"},
    {"pow", "0x10000000000000001", "0x4", "0x10000000000000004000000000000000600000000000000040000000000000001"},
    {"invert", "0x0", "0x0", "-0x1"},
    {"neg", "0x0", "0x0", "0x0"},
    {"invert", "0x10000000000000000000000000", "0x0", "-0x10000000000000000000000001"},
    {"neg", "0x10000000000000000000000000", "0x0", "-0x10000000000000000000000000"},
    {"invert", "-0x10000000000000000000000000", "0x0", "0xfffffffffffffffffffffffff"},
    {"neg", "-0x10000000000000000000000000", "0x0", "0x10000000000000000000000000"},
    {"invert", "0x7fffffffffffffff", "0x0", "-0x8000000000000000"},
    {"neg", "0x7fffffffffffffff", "0x0", "-0x7fffffffffffffff"},
    {"invert", "-0x8000000000000000", "0x0", "0x7fffffffffffffff"},
    {"neg", "-0x8000000000000000", "0x0", "0x8000000000000000"},
    {"invert", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x0", "0xfffffffffffffffffffffffffffffffffffffffffffffffffc"},
    {"neg", "-0xfffffffffffffffffffffffffffffffffffffffffffffffffd", "0x0", "0xfffffffffffffffffffffffffffffffffffffffffffffffffd"},
};
static const HashCase hash_cases[] = {
    {"0x0", 0LL},
    {"0x1", 1LL},
    {"-0x1", -2LL},
    {"-0x2", -2LL},
    {"0x1ffffffffffffffe", 2305843009213693950LL},
    {"0x1fffffffffffffff", 0LL},
    {"0x2000000000000000", 1LL},
    {"-0x1fffffffffffffff", 0LL},
    {"-0x2000000000000000", -2LL},
    {"0x10000000000000000000000000", 549755813888LL},
    {"-0x10000000000000000000000000", -549755813888LL},
    {"0x10000000000000011", 25LL},
    {"0x7b6a43a7ef901fd29f05f9e837d9", 2294155578956035161LL},
    {"-0x9f4f2726179a224501d762422c946590d91", -700079490327251897LL},
    {"0x1d6329f1c35ca4bfabb9f5610000003039", 1388497483929629935LL},
    {"0xffffffffffffffffffffffffffffffffffffffffffffffffff", 131071LL},
};
static const DoubleCase double_cases[] = {
    {"0x20000000000001", 0x1.0000000000000p+53, 0},
    {"0x20000000000003", 0x1.0000000000002p+53, 0},
    {"-0x8000000000000000", -0x1.0000000000000p+63, 0},
    {"0xffffffffffffffff", 0x1.0000000000000p+64, 0},
    {"0x10000000000000000000000001", 0x1.0000000000000p+100, 0},
    {"0x7b6a43a7ef901fd29f05f9e837d9", 0x1.eda90e9fbe408p+110, 0},
    {"-0x9f4f2726179a224501d762422c946590d91", -0x1.3e9e4e4c2f344p+139, 0},
    {"0x8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x1.0000000000000p+1023, 0},
    {"0xfffffffffffffbffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 0x1.fffffffffffffp+1023, 0},
    {"0xfffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x1.fffffffffffffp+1023, 0},
    {"-0xfffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", -0x1.fffffffffffffp+1023, 0},
    {"0x40000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x1.0000000000000p+954, 0},
    {"0xfffffffffffffc00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0.0, 1},
    {"0x10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0.0, 1},
    {"-0x10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0.0, 1},
    {"0x1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0.0, 1},
};
static const DivCase truediv_cases[] = {
    {"0x1", "0x3", 0x1.5555555555555p-2, 0},
    {"0x400000000000000000", "0x100000000000000000", 0x1.0000000000000p+2, 0},
    {"0xc9f2c9cd04674edea40000000", "0x11b7aa4b87e16e1", 0x1.6cbeb88e0e9b3p+43, 0},
    {"0x1", "0x1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x0.0p+0, 0},
    {"0x1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "0x2bb13ff4f586652de947ea4c6025938e2be3ba26afd08e654f4df46021ab2af8599e7d61abf98801ce3c67d77b5b09dc086175ba434517ae57b2fcde5a38798e2d5d3733069f14a288f91017257af872d401fcfce0bc76a4fcfb3c300e3a8f11068ec3a77b903a386462b84a98126a058c9e5dc68000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x1.4000000000000p+3, 0},
    {"-0x1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "0x2bb13ff4f586652de947ea4c6025938e2be3ba26afd08e654f4df46021ab2af8599e7d61abf98801ce3c67d77b5b09dc086175ba434517ae57b2fcde5a38798e2d5d3733069f14a288f91017257af872d401fcfce0bc76a4fcfb3c300e3a8f11068ec3a77b903a386462b84a98126a058c9e5dc68000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", -0x1.4000000000000p+3, 0},
    {"0x5", "0x100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x0.0p+0, 0},
    {"0x0", "-0x10000000000000000000000000", -0x0.0p+0, 0},
    {"0x100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "0x3", 0.0, 1},
    {"0x10000000000000000000000000", "-0x3", -0x1.5555555555555p+98, 0},
    {"0x1", "0x40000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x0.0000000000001p-1022, 0},
    {"0x3", "0x80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x0.0000000000002p-1022, 0},
    {"0x1", "0x80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x0.0p+0, 0},
    {"0x100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001", "0x10000000000000000000", 0.0, 1},
};
static const CmpCase cmp_cases[] = {
    {"0x10000000000000000000000000", 0x1.0000000000000p+100, 0},
    {"0x10000000000000000000000001", 0x1.0000000000000p+100, 1},
    {"0xfffffffffffffffffffffffff", 0x1.0000000000000p+100, -1},
    {"-0x10000000000000000000000000", -0x1.0000000000000p+100, 0},
    {"-0x10000000000000000000000001", -0x1.0000000000000p+100, -1},
    {"0x0", 0x0.0p+0, 0},
    {"0x0", -0x0.0p+0, 0},
    {"0x0", 0x1.0000000000000p-1, -1},
    {"0x0", -0x1.0000000000000p-1, 1},
    {"0x1", 0x1.0000000000000p-1, 1},
    {"-0x1", -0x1.0000000000000p-1, -1},
    {"0x20000000000001", 0x1.0000000000000p+53, 1},
    {"0x20000000000001", 0x1.0000000000001p+53, -1},
    {"0x1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0x1.fffffffffffffp+1023, 1},
    {"-0x1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", -0x1.fffffffffffffp+1023, -1},
    {"0x10000000000000000000000000", INFINITY, -1},
    {"0x10000000000000000000000000", -INFINITY, 1},
    {"0x5", 0x1.6000000000000p+2, -1},
    {"0x5", 0x1.2000000000000p+2, 1},
    {"-0x5", -0x1.6000000000000p+2, 1},
    {"-0x5", -0x1.2000000000000p+2, -1},
};
static const FromDoubleCase from_double_cases[] = {
    {0x1.7e43c8800759cp+996, "0x17e43c8800759c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {-0x1.bc16d674ec800p+57, "-0x3782dace9d90000"},
    {0x1.ccccccccccccdp-1, "0x0"},
    {-0x1.ccccccccccccdp-1, "0x0"},
    {0x0.0p+0, "0x0"},
    {0x1.0000000000000p+63, "0x8000000000000000"},
    {-0x1.0000000000000p+63, "-0x8000000000000000"},
    {0x1.158e460913d00p+63, "0x8ac7230489e80000"},
    {0x1.d6f3457000000p+26, "0x75bcd15"},
    {-0x1.2eec2eb3869afp+100, "-0x12eec2eb3869af000000000000"},
    {0x1.0000000000000p+1023, "0x8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
};
static const StrCase str_cases[] = {
    {"0x0", 10, 0, 0, "0"},
    {"0x10000000000000000000000000", 10, 0, 0, "1267650600228229401496703205376"},
    {"-0x10000000000000000000000000", 10, 0, 0, "-1267650600228229401496703205376"},
    {"0x10000000000000000000000000", 16, 1, 0, "0x10000000000000000000000000"},
    {"-0x10000000000000000000000000", 16, 1, 1, "-0X10000000000000000000000000"},
    {"-0x10000000000000000000000000", 8, 1, 0, "-0o2000000000000000000000000000000000"},
    {"0x7b6a43a7ef901fd29f05f9e837d9", 2, 1, 0, "0b111101101101010010000111010011111101111100100000001111111010010100111110000010111111001111010000011011111011001"},
    {"0x7b6a43a7ef901fd29f05f9e837d9", 36, 0, 0, "5798xmwn4ruxv92m5f80k9"},
    {"-0x9f4f2726179a224501d762422c946590d91", 36, 0, 1, "-TT3DQPKHYRMLAOJV4QRUCZQWCK1"},
    {"0x1d6329f1c35ca4bfabb9f5610000003039", 7, 0, 0, "162311002124535240363254156332200436351052310331"},
    {"0x0", 2, 1, 0, "0b0"},
    {"0x10000000000000000", 16, 0, 1, "10000000000000000"},
};
static const ParseCase parse_cases[] = {
    {"0", 10, 0, "0x0"},
    {"-0", 10, 0, "0x0"},
    {"  +123456789012345678901234567890  ", 10, 0, "0x18ee90ff6c373e0ee4e3f0ad2"},
    {"1_000_000_000_000_000_000_000", 10, 0, "0x3635c9adc5dea00000"},
    {"0x_dead_beef_cafe_babe_1234", 0, 0, "0xdeadbeefcafebabe1234"},
    {"-0b1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111", 0, 0, "-0xfffffffffffffffffffffffff"},
    {"0o777777777777777777777777", 0, 0, "0xffffffffffffffffff"},
    {"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 36, 0, "0x88f924eeceeda7fe92e1f5b0fffffffffffffff"},
    {"ZZZZ", 36, 0, "0x19a0ff"},
    {"0000", 0, 0, "0x0"},
    {"0_0", 0, 0, "0x0"},
    {"123456789012345678901234567890", 7, 1, ""},
    {"12", 3, 0, "0x5"},
    {"1__0", 10, 1, ""},
    {"_1", 10, 1, ""},
    {"1_", 10, 1, ""},
    {"0x", 16, 1, ""},
    {"012", 0, 1, ""},
    {"0x1g", 16, 1, ""},
    {"", 10, 1, ""},
    {"  ", 10, 1, ""},
    {"- 1", 10, 1, ""},
    {"1 2", 10, 1, ""},
    {"0b102", 0, 1, ""},
    {"0xFFFF_FFFF_FFFF_FFFF_FFFF", 16, 0, "0xffffffffffffffffffff"},
    {"0o17", 8, 0, "0xf"},
    {"17", 8, 0, "0xf"},
    {"0b1", 2, 0, "0x1"},
    {"\t\n42\x0b\x0c\r", 10, 0, "0x2a"},
};
static const SizeCase size_cases[] = {
    {"0x0", 0, 28},
    {"0x1", 1, 28},
    {"-0x1", 1, 28},
    {"0x3fffffff", 30, 28},
    {"0x40000000", 31, 32},
    {"0x1000000000000000", 61, 36},
    {"-0x8000000000000000", 64, 36},
    {"0x10000000000000000000000000", 101, 40},
    {"-0x10000000000000000000000000", 101, 40},
    {"0xffffffffffffffffffffffffffffffffffffffffffffffffff", 200, 52},
    {"0x1249ad2594c37ceb0b2784c4ce0bf38ace408e211a7caab24308a82e8f10000000000000000000000000", 333, 72},
};
static const PowModCase powmod_cases[] = {
    {"0x3", "0x10000000000000000000000000", "0xc9f2c9cd04674edea40000007", "0x58c98bf71b22ad1b0e5d67611"},
    {"0x10000000000000000000000000", "-0x1", "0x61", "0x5b"},
    {"0x10000000000000000000000001", "-0x1", "0x400000000000000000", "0x1"},
    {"0x10000000000000000000000000", "0x10000000000000000000000000", "-0x100000000000000000007", "-0xa892e2ba111105acce36"},
    {"-0x5", "0x3", "0x10000000000000000000000000", "0xfffffffffffffffffffffff83"},
    {"0x7", "0x0", "0xd", "0x1"},
    {"0x7", "0x0", "0x1", "0x0"},
    {"-0x7b6a43a7ef901fd29f05f9e837d9", "0x3039", "0x1000000000000000d", "0x4435107bf853f448"},
    {"0x5", "0x10000000000000000", "-0xa8b8b452291fe821", "-0x6e4a2441b2cfe5f3"},
};

/* Reads a table value ("-0x1f"): int() with base 0. */
static BigInt val(const char *s)
{
    BigInt b = BIG_INIT;
    ck_assert_int_eq(big_from_str(&b, s, strlen(s), 0, NULL), BIG_OK);
    return b;
}

/* Asserts that b is the table value want (compared as numbers). */
static void assert_is(const BigInt *b, const char *want, const char *what)
{
    BigInt w = val(want);
    size_t n;
    char *got = big_to_str(b, 16, true, false, &n, NULL);
    ck_assert_msg(big_cmp(b, &w) == 0, "%s: got %s, want %s", what, got, want);
    /* and the representation is canonical: no leading zero digit */
    ck_assert(b->n == 0 || b->d[b->n - 1] != 0);
    ck_assert((b->n == 0) == (b->sign == 0));
    free(got);
    big_free(&w);
}

START_TEST(int64_round_trip)
{
    const int64_t vals[] = {0, 1, -1, 1 << 30, -(1 << 30), INT64_MAX, INT64_MIN, INT64_MIN + 1};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        BigInt b = BIG_INIT;
        int64_t back = 42;
        big_from_i64(&b, vals[i]);
        ck_assert(big_to_i64(&b, &back));
        ck_assert_int_eq(back, vals[i]);
        big_free(&b);
    }
    BigInt b = val("0x8000000000000000"); /* 2**63 */
    ck_assert(!big_to_i64(&b, NULL));
    big_free(&b);
    b = val("-0x8000000000000001");
    ck_assert(!big_to_i64(&b, NULL));
    big_free(&b);
    b = val("-0x8000000000000000");
    ck_assert(big_to_i64(&b, NULL));
    big_free(&b);
}
END_TEST

START_TEST(arithmetic_matches_python)
{
    for (size_t i = 0; i < sizeof arith_cases / sizeof arith_cases[0]; i++) {
        const ArithCase *c = &arith_cases[i];
        BigInt a = val(c->a), b = val(c->b), r = BIG_INIT;
        int64_t n = 0;
        big_to_i64(&b, &n);
        BigStatus st = BIG_OK;
        const char *op = c->op;
        if (!strcmp(op, "add")) st = big_add(&r, &a, &b);
        else if (!strcmp(op, "sub")) st = big_sub(&r, &a, &b);
        else if (!strcmp(op, "mul")) st = big_mul(&r, &a, &b);
        else if (!strcmp(op, "floordiv")) st = big_divmod(&r, NULL, &a, &b);
        else if (!strcmp(op, "mod")) st = big_divmod(NULL, &r, &a, &b);
        else if (!strcmp(op, "and")) big_and(&r, &a, &b);
        else if (!strcmp(op, "or")) big_or(&r, &a, &b);
        else if (!strcmp(op, "xor")) big_xor(&r, &a, &b);
        else if (!strcmp(op, "rshift")) big_rshift(&r, &a, (uint64_t)n);
        else if (!strcmp(op, "lshift")) st = big_lshift(&r, &a, (uint64_t)n);
        else if (!strcmp(op, "pow")) st = big_pow(&r, &a, &b);
        else if (!strcmp(op, "invert")) big_invert(&r, &a);
        else if (!strcmp(op, "neg")) big_neg(&r, &a);
        else ck_abort_msg("unknown op %s", op);
        ck_assert_int_eq(st, BIG_OK);
        char what[64];
        snprintf(what, sizeof what, "case %zu (%s)", i, op);
        assert_is(&r, c->r, what);
        big_free(&a);
        big_free(&b);
        big_free(&r);
    }
}
END_TEST

START_TEST(results_may_alias_operands)
{
    BigInt x = val("0x123456789abcdef0123456789"), y = BIG_INIT;
    big_copy(&y, &x);
    ck_assert_int_eq(big_mul(&x, &x, &x), BIG_OK); /* x = x * x */
    BigInt want = BIG_INIT;
    big_mul(&want, &y, &y);
    ck_assert_int_eq(big_cmp(&x, &want), 0);
    ck_assert_int_eq(big_sub(&x, &x, &x), BIG_OK);
    ck_assert(big_is_zero(&x));
    BigInt q = val("-0x10000000000000000000000001"), m = val("0x1000000001");
    ck_assert_int_eq(big_divmod(&q, &m, &q, &m), BIG_OK); /* both results alias */
    assert_is(&q, "-0xfffffffff0000001", "aliased quotient");
    assert_is(&m, "0xff0000000", "aliased remainder");
    big_free(&x);
    big_free(&y);
    big_free(&want);
    big_free(&q);
    big_free(&m);
}
END_TEST

START_TEST(division_by_zero)
{
    BigInt a = val("0x10000000000000000000000000"), z = BIG_INIT, r = BIG_INIT;
    double d;
    ck_assert_int_eq(big_divmod(&r, NULL, &a, &z), BIG_EZERODIV);
    ck_assert_int_eq(big_divmod(NULL, &r, &a, &z), BIG_EZERODIV);
    ck_assert_int_eq(big_truediv(&a, &z, &d), BIG_EZERODIV);
    ck_assert_int_eq(big_powmod(&r, &a, &a, &z), BIG_EZERODIV);
    ck_assert(big_is_zero(&r)); /* untouched */
    big_free(&a);
}
END_TEST

START_TEST(hash_matches_python)
{
    for (size_t i = 0; i < sizeof hash_cases / sizeof hash_cases[0]; i++) {
        BigInt b = val(hash_cases[i].v);
        ck_assert_msg(big_hash(&b) == hash_cases[i].h, "hash(%s)", hash_cases[i].v);
        big_free(&b);
    }
}
END_TEST

START_TEST(to_double_is_correctly_rounded)
{
    for (size_t i = 0; i < sizeof double_cases / sizeof double_cases[0]; i++) {
        const DoubleCase *c = &double_cases[i];
        BigInt b = val(c->v);
        double d = 12345.0;
        BigStatus st = big_to_double(&b, &d);
        if (c->overflow) {
            ck_assert_msg(st == BIG_EOVERFLOW, "float(%s) overflows", c->v);
            ck_assert(d == 12345.0);
        } else {
            ck_assert_msg(st == BIG_OK && d == c->d, "float(%s) = %a, want %a", c->v, d, c->d);
        }
        big_free(&b);
    }
}
END_TEST

START_TEST(true_division_is_correctly_rounded)
{
    for (size_t i = 0; i < sizeof truediv_cases / sizeof truediv_cases[0]; i++) {
        const DivCase *c = &truediv_cases[i];
        BigInt a = val(c->a), b = val(c->b);
        double q = 0;
        BigStatus st = big_truediv(&a, &b, &q);
        if (c->overflow)
            ck_assert_msg(st == BIG_EOVERFLOW, "%s / %s overflows", c->a, c->b);
        else
            ck_assert_msg(st == BIG_OK && q == c->q && signbit(q) == signbit(c->q),
                          "%s / %s = %a, want %a", c->a, c->b, q, c->q);
        big_free(&a);
        big_free(&b);
    }
}
END_TEST

START_TEST(compare_with_double_is_exact)
{
    for (size_t i = 0; i < sizeof cmp_cases / sizeof cmp_cases[0]; i++) {
        BigInt b = val(cmp_cases[i].v);
        ck_assert_msg(big_cmp_double(&b, cmp_cases[i].x) == cmp_cases[i].cmp, "%s vs %a",
                      cmp_cases[i].v, cmp_cases[i].x);
        big_free(&b);
    }
    BigInt b = val("0x10000000000000000000000000");
    ck_assert_int_eq(big_cmp_double(&b, NAN), 2);
    big_free(&b);
}
END_TEST

START_TEST(from_double_truncates)
{
    for (size_t i = 0; i < sizeof from_double_cases / sizeof from_double_cases[0]; i++) {
        BigInt b = BIG_INIT;
        big_from_double(&b, from_double_cases[i].x);
        assert_is(&b, from_double_cases[i].v, "int(float)");
        big_free(&b);
    }
}
END_TEST

START_TEST(to_str_in_bases)
{
    for (size_t i = 0; i < sizeof str_cases / sizeof str_cases[0]; i++) {
        const StrCase *c = &str_cases[i];
        BigInt b = val(c->v);
        size_t n = 0;
        BigStatus st = BIG_EINVALID;
        char *s = big_to_str(&b, c->base, c->prefix, c->upper, &n, &st);
        ck_assert_int_eq(st, BIG_OK);
        ck_assert_str_eq(s, c->s);
        ck_assert_uint_eq(n, strlen(c->s));
        free(s);
        big_free(&b);
    }
}
END_TEST

/* 10**k by repeated multiplication (checks the result as a side effect). */
static BigInt power_of_ten(uint64_t k)
{
    BigInt r = BIG_INIT, ten = BIG_INIT, e = BIG_INIT;
    big_from_i64(&ten, 10);
    big_from_u64(&e, k);
    ck_assert_int_eq(big_pow(&r, &ten, &e), BIG_OK);
    big_free(&ten);
    big_free(&e);
    return r;
}

START_TEST(decimal_limit_of_4300_digits)
{
    BigInt p = power_of_ten(4300), one = BIG_INIT, below = BIG_INIT;
    big_from_i64(&one, 1);
    big_sub(&below, &p, &one);
    size_t n = 0;
    BigStatus st;
    char *s = big_to_str(&below, 10, false, false, &n, &st); /* 4300 nines */
    ck_assert_int_eq(st, BIG_OK);
    ck_assert_uint_eq(n, 4300);
    ck_assert(s[0] == '9' && s[4299] == '9');
    free(s);
    big_neg(&below, &below); /* the sign does not count */
    s = big_to_str(&below, 10, false, false, &n, &st);
    ck_assert_uint_eq(n, 4301);
    free(s);
    ck_assert_ptr_null(big_to_str(&p, 10, false, false, &n, &st)); /* 4301 digits */
    ck_assert_int_eq(st, BIG_ELIMIT);
    s = big_to_str(&p, 16, true, false, &n, &st); /* no limit in hex */
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(st, BIG_OK);
    free(s);
    big_free(&p);
    /* far past the limit: refused from the bit length alone */
    p = power_of_ten(100000);
    ck_assert_ptr_null(big_to_str(&p, 10, false, false, &n, &st));
    ck_assert_int_eq(st, BIG_ELIMIT);
    big_free(&p);
    big_free(&one);
    big_free(&below);
}
END_TEST

START_TEST(from_str_follows_int_rules)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const ParseCase *c = &parse_cases[i];
        BigInt b = BIG_INIT;
        BigStatus st = big_from_str(&b, c->s, strlen(c->s), c->base, NULL);
        if (c->invalid) {
            ck_assert_msg(st == BIG_EINVALID, "int(%s, %d) is invalid", c->s, c->base);
        } else {
            ck_assert_msg(st == BIG_OK, "int(%s, %d)", c->s, c->base);
            assert_is(&b, c->v, c->s);
        }
        big_free(&b);
    }
}
END_TEST

START_TEST(from_str_digit_limit)
{
    size_t len = 5000;
    char *s = malloc(len + 1);
    memset(s, '7', len);
    s[len] = 0;
    BigInt b = BIG_INIT;
    size_t nd = 0;
    ck_assert_int_eq(big_from_str(&b, s, 4301, 10, &nd), BIG_ELIMIT);
    ck_assert_uint_eq(nd, 4301);
    ck_assert_int_eq(big_from_str(&b, s, 4300, 10, &nd), BIG_OK);
    ck_assert_uint_eq(big_bit_length(&b), 14284); /* 7 * (10**4300 - 1) / 9 */
    ck_assert_int_eq(big_from_str(&b, s, 5000, 16, &nd), BIG_OK); /* powers of 2: no limit */
    ck_assert_uint_eq(big_bit_length(&b), 4 * 5000 - 1);
    free(s);
    /* 3,000,001 bits of hex: past BIG_MAX_DIGITS, refused before parsing */
    len = 750001;
    s = malloc(len + 1);
    memset(s, 'f', len);
    s[len] = 0;
    ck_assert_int_eq(big_from_str(&b, s, len, 16, &nd), BIG_ETOOBIG);
    ck_assert_uint_eq(big_bit_length(&b), 4 * 5000 - 1); /* unchanged */
    free(s);
    big_free(&b);
}
END_TEST

START_TEST(bit_length_and_sizeof)
{
    for (size_t i = 0; i < sizeof size_cases / sizeof size_cases[0]; i++) {
        BigInt b = val(size_cases[i].v);
        ck_assert_uint_eq(big_bit_length(&b), size_cases[i].bits);
        ck_assert_uint_eq(big_sizeof(&b), size_cases[i].size);
        big_free(&b);
    }
}
END_TEST

START_TEST(powmod_matches_python)
{
    for (size_t i = 0; i < sizeof powmod_cases / sizeof powmod_cases[0]; i++) {
        const PowModCase *c = &powmod_cases[i];
        BigInt a = val(c->a), e = val(c->e), m = val(c->m), r = BIG_INIT;
        ck_assert_int_eq(big_powmod(&r, &a, &e, &m), BIG_OK);
        assert_is(&r, c->r, "pow(a, e, m)");
        big_free(&a);
        big_free(&e);
        big_free(&m);
        big_free(&r);
    }
    BigInt a = val("4"), e = val("-1"), m = val("0x10000000000000000000000000"), r = BIG_INIT;
    ck_assert_int_eq(big_powmod(&r, &a, &e, &m), BIG_ENOINVERSE);
    big_free(&a);
    big_free(&e);
    big_free(&m);
}
END_TEST

/* A few facts worth stating one by one. */
START_TEST(python_semantics_spot_checks)
{
    BigInt a = val("-0x10000000000000000000000000"), b = val("7"), r = BIG_INIT, m = BIG_INIT;
    /* floor division: -2**100 // 7 and -2**100 % 7 (the remainder has b's sign) */
    ck_assert_int_eq(big_divmod(&r, &m, &a, &b), BIG_OK);
    assert_is(&r, "-181092942889747057356671886483", "-2**100 // 7");
    assert_is(&m, "5", "-2**100 % 7");
    big_neg(&b, &b);
    ck_assert_int_eq(big_divmod(&r, &m, &a, &b), BIG_OK);
    assert_is(&r, "181092942889747057356671886482", "-2**100 // -7");
    assert_is(&m, "-2", "-2**100 % -7");
    /* -1 >> n stays -1; -5 >> 1 == -3 */
    BigInt m1 = val("-1"), m5 = val("-5");
    big_rshift(&r, &m1, 1000);
    assert_is(&r, "-1", "-1 >> 1000");
    big_rshift(&r, &m5, 1);
    assert_is(&r, "-3", "-5 >> 1");
    /* two's complement: -2**100 & 0xffff == 0, ~-1 == 0, -1 ^ x == ~x */
    BigInt mask = val("0xffff");
    big_and(&r, &a, &mask);
    ck_assert(big_is_zero(&r));
    big_invert(&r, &m1);
    ck_assert(big_is_zero(&r));
    big_xor(&r, &m1, &a);
    big_invert(&m, &a);
    ck_assert_int_eq(big_cmp(&r, &m), 0);
    /* a result that fits int64 reads back as one */
    BigInt c = val("0x10000000000000000000000000");
    big_add(&r, &a, &c);
    ck_assert(big_is_zero(&r));
    ck_assert_int_eq(r.sign, 0);
    int64_t v = 1;
    ck_assert(big_to_i64(&r, &v) && v == 0);
    /* comparisons order signs first */
    ck_assert_int_eq(big_cmp(&a, &c), -1);
    ck_assert_int_eq(big_cmp(&c, &a), 1);
    ck_assert_int_eq(big_cmp(&c, &c), 0);
    /* 0 ** 0 == 1 */
    BigInt zero = BIG_INIT;
    ck_assert_int_eq(big_pow(&r, &zero, &zero), BIG_OK);
    assert_is(&r, "1", "0 ** 0");
    big_free(&a);
    big_free(&b);
    big_free(&r);
    big_free(&m);
    big_free(&m1);
    big_free(&m5);
    big_free(&mask);
    big_free(&c);
}
END_TEST

/* Products of long factors go through Karatsuba's method (balanced and
 * lopsided); hashes of the results stand for their ~8,000-digit values. */
START_TEST(long_products_and_quotients)
{
    BigInt three = val("3"), seven = val("7"), five = val("5"), e = BIG_INIT;
    BigInt x = BIG_INIT, y = BIG_INIT, z = BIG_INIT, r = BIG_INIT, t = BIG_INIT;
    big_from_i64(&e, 5000);
    big_pow(&x, &three, &e);          /* 3**5000 */
    big_from_i64(&e, 3000);
    big_pow(&y, &seven, &e);          /* 7**3000 */
    ck_assert_int_eq(big_mul(&r, &x, &y), BIG_OK);
    ck_assert(big_hash(&r) == 1281765436651260052LL);
    ck_assert_int_eq(big_mul(&t, &x, &x), BIG_OK);
    ck_assert(big_hash(&t) == 789511957256596966LL);
    BigInt one = val("1"), k = val("12345");
    big_add(&z, &y, &one);
    ck_assert_int_eq(big_divmod(&t, NULL, &r, &z), BIG_OK); /* (x*y) // (y+1) */
    ck_assert(big_hash(&t) == 1993180350957201349LL);
    big_sub(&z, &y, &k);
    ck_assert_int_eq(big_divmod(NULL, &t, &r, &z), BIG_OK); /* (x*y) % (y-12345) */
    ck_assert(big_hash(&t) == 160681247322514629LL);
    big_from_i64(&e, 40000);
    big_pow(&z, &five, &e);           /* 5**40000: lopsided against 3**20 */
    big_from_i64(&e, 20);
    big_pow(&t, &three, &e);
    ck_assert_int_eq(big_mul(&r, &z, &t), BIG_OK);
    ck_assert(big_hash(&r) == 2092698719374607442LL);
    /* and exact division undoes the product */
    ck_assert_int_eq(big_divmod(&x, &y, &r, &t), BIG_OK);
    ck_assert_int_eq(big_cmp(&x, &z), 0);
    ck_assert(big_is_zero(&y));
    big_free(&three);
    big_free(&seven);
    big_free(&five);
    big_free(&e);
    big_free(&x);
    big_free(&y);
    big_free(&z);
    big_free(&r);
    big_free(&t);
    big_free(&one);
    big_free(&k);
}
END_TEST

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

START_TEST(size_guards_fail_fast)
{
    double t0 = seconds();
    BigInt two = val("2"), three = val("3"), e = val("1000000000"), r = BIG_INIT;
    ck_assert_int_eq(big_pow(&r, &two, &e), BIG_ETOOBIG);   /* 2**10**9 */
    ck_assert_int_eq(big_pow(&r, &three, &e), BIG_ETOOBIG); /* 3**10**9 */
    BigInt huge = val("0x10000000000000000000000000000000000000000000000000");
    ck_assert_int_eq(big_pow(&r, &two, &huge), BIG_ETOOBIG); /* exponent past int64 */
    ck_assert_int_eq(big_lshift(&r, &two, 3000000), BIG_ETOOBIG);
    ck_assert_int_eq(big_lshift(&r, &two, UINT64_MAX), BIG_ETOOBIG);
    ck_assert(big_is_zero(&r));
    /* 1 << 2,999,000: 99,967 digits, allowed; its square is not */
    BigInt one = val("1"), x = BIG_INIT;
    ck_assert_int_eq(big_lshift(&x, &one, 2999000), BIG_OK);
    ck_assert_uint_eq(x.n, 99967);
    ck_assert_int_eq(big_mul(&r, &x, &x), BIG_ETOOBIG);
    ck_assert_int_eq(big_add(&r, &x, &x), BIG_OK);
    /* the base +-1 and 0 take any exponent */
    BigInt m1 = val("-1"), zero = BIG_INIT;
    ck_assert_int_eq(big_pow(&r, &m1, &huge), BIG_OK);
    assert_is(&r, "1", "(-1) ** even");
    ck_assert_int_eq(big_pow(&r, &zero, &huge), BIG_OK);
    ck_assert(big_is_zero(&r));
    ck_assert(seconds() - t0 < 2.0);
    big_free(&two);
    big_free(&three);
    big_free(&e);
    big_free(&r);
    big_free(&huge);
    big_free(&one);
    big_free(&x);
    big_free(&m1);
}
END_TEST

static Suite *bigint_suite(void)
{
    Suite *s = suite_create("bigint");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, int64_round_trip);
    tcase_add_test(tc, arithmetic_matches_python);
    tcase_add_test(tc, results_may_alias_operands);
    tcase_add_test(tc, division_by_zero);
    tcase_add_test(tc, hash_matches_python);
    tcase_add_test(tc, to_double_is_correctly_rounded);
    tcase_add_test(tc, true_division_is_correctly_rounded);
    tcase_add_test(tc, compare_with_double_is_exact);
    tcase_add_test(tc, from_double_truncates);
    tcase_add_test(tc, to_str_in_bases);
    tcase_add_test(tc, decimal_limit_of_4300_digits);
    tcase_add_test(tc, from_str_follows_int_rules);
    tcase_add_test(tc, from_str_digit_limit);
    tcase_add_test(tc, bit_length_and_sizeof);
    tcase_add_test(tc, powmod_matches_python);
    tcase_add_test(tc, python_semantics_spot_checks);
    tcase_add_test(tc, long_products_and_quotients);
    tcase_add_test(tc, size_guards_fail_fast);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(bigint_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
