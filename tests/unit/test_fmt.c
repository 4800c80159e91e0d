/* Unit tests of fmt: every expected string is what CPython 3.11 prints.
 * Str hashes are CPython's under PYTHONHASHSEED=0. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

#define LIT(s) s, sizeof(s) - 1

/* The buffer's contents as a C string; "" when still empty. */
static const char *str(const FmtBuf *b)
{
    return fmt_buf_cstr(b);
}

/* Checks a (status, output-or-message) pair against a case. */
static void check_result(FmtStatus st, const FmtBuf *out, const FmtBuf *err,
                         FmtStatus want_st, const char *want, const char *what)
{
    ck_assert_msg(st == want_st, "%s: status %d, want %d (%s)", what, st,
                  want_st, st ? str(err) : str(out));
    if (st == FMT_OK)
        ck_assert_msg(strcmp(str(out), want) == 0, "%s: got '%s', want '%s'",
                      what, str(out), want);
    else
        ck_assert_msg(strcmp(str(err), want) == 0,
                      "%s: message '%s', want '%s'", what, str(err), want);
}

/* s repeated n times, then tail; caller frees. */
static char *repeat(const char *s, size_t n, const char *tail)
{
    size_t len = strlen(s), tlen = strlen(tail);
    char *r = malloc(len * n + tlen + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(r + i * len, s, len);
    memcpy(r + len * n, tail, tlen + 1);
    return r;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- cases: what CPython 3.11 answers ---------------------------------- */

typedef struct {
    double x;
    const char *repr;
} FloatReprCase;

static const FloatReprCase float_repr_cases[] = {
    {0x1.0000000000000p+0, "1.0"},
    {0x1.999999999999ap-4, "0.1"},
    {0x1.3333333333334p-2, "0.30000000000000004"},
    {0x1.1c37937e08000p+53, "1e+16"},
    {0x1.4f8b588e368f1p-17, "1e-05"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.c12218377de66p+46, "123456789012345.6"},
    {0x1.1eb2d66005835p+997, "1.5e+300"},
    {-0x0.0p+0, "-0.0"},
    {INFINITY, "inf"},
    {-INFINITY, "-inf"},
    {NAN, "nan"},
    {0x0.0p+0, "0.0"},
    {0x1.c6bf526340000p+49, "1000000000000000.0"},
    {0x1.1c37937e07fffp+53, "9999999999999998.0"},
    {0x1.18b54f22aeb03p+50, "1234567890123456.8"},
    {0x1.1c37937e08002p+54, "2.000000000000001e+16"},
    {0x0.0000000000001p-1022, "5e-324"},
    {0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {-0x1.4000000000000p+1, "-2.5"},
    {0x1.5555555555555p-2, "0.3333333333333333"},
    {0x1.5555555555555p-1, "0.6666666666666666"},
    {0x1.9000000000000p+6, "100.0"},
    {0x1.0f0cf064dd592p+73, "1e+22"},
    {0x1.52d02c7e14af6p+76, "1e+23"},
    {0x1.0000000000000p-1, "0.5"},
    {0x1.921f9f01b866ep+1, "3.14159"},
    {-0x1.ad7f29abcaf48p-24, "-1e-07"},
    {0x1.edd2f1a9fbe77p+6, "123.456"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.0000000000000p+63, "9.223372036854776e+18"},
    {0x1.0624dd2f1a9fcp-10, "0.001"},
    {0x1.249ad2594c37dp+332, "1e+100"},
    {0x0.0000000000003p-1022, "1.5e-323"},
};

typedef struct {
    double x;
    const char *spec;
    FmtStatus st;
    const char *out;
} FloatFormatCase;

static const FloatFormatCase float_format_cases[] = {
    {0x1.2d687e4189375p+20, ",.2f", FMT_OK, "1,234,567.89"},
    {0x1.0000000000000p+0, "", FMT_OK, "1.0"},
    {0x1.1c37937e08000p+53, "", FMT_OK, "1e+16"},
    {0x1.0000000000000p+0, ".3", FMT_OK, "1.0"},
    {0x1.1c37937e08000p+53, ".3", FMT_OK, "1e+16"},
    {0x1.e240000000000p+16, ".3", FMT_OK, "1.23e+05"},
    {0x1.34a0000000000p+10, ".0", FMT_OK, "1e+03"},
    {0x1.0000000000000p+0, "#.0e", FMT_OK, "1.e+00"},
    {0x1.0000000000000p+0, "#", FMT_OK, "1.0"},
    {0x1.8000000000000p+0, "#g", FMT_OK, "1.50000"},
    {0x0.0p+0, "g", FMT_OK, "0"},
    {0x1.4f8b588e368f1p-17, "%", FMT_OK, "0.001000%"},
    {0x1.0000000000000p-2, ".1%", FMT_OK, "25.0%"},
    {-0x0.0p+0, "z", FMT_OK, "0.0"},
    {-0x1.a36e2eb1c432dp-14, "z.2f", FMT_OK, "0.00"},
    {-0x1.a36e2eb1c432dp-14, ".2f", FMT_OK, "-0.00"},
    {INFINITY, "010", FMT_OK, "0000000inf"},
    {-INFINITY, "=+10", FMT_OK, "-      inf"},
    {NAN, "+", FMT_OK, "+nan"},
    {NAN, "010.3f", FMT_OK, "0000000nan"},
    {-INFINITY, "F", FMT_OK, "-INF"},
    {NAN, "E", FMT_OK, "NAN"},
    {0x1.8000000000000p+0, "*<+10,.2e", FMT_OK, "+1.50e+00*"},
    {0x1.921f9f01b866ep+1, ".2f", FMT_OK, "3.14"},
    {0x1.921f9f01b866ep+1, "8.3f", FMT_OK, "   3.142"},
    {0x1.921f9f01b866ep+1, "<8.3f", FMT_OK, "3.142   "},
    {0x1.921f9f01b866ep+1, "^9.1f", FMT_OK, "   3.1   "},
    {-0x1.921f9f01b866ep+1, "08.2f", FMT_OK, "-0003.14"},
    {-0x1.921f9f01b866ep+1, "=+9.2f", FMT_OK, "-    3.14"},
    {0x1.b7cdfd9d7bdbbp-34, "g", FMT_OK, "1e-10"},
    {0x1.b7cdfd9d7bdbbp-34, ".3e", FMT_OK, "1.000e-10"},
    {0x1.d6f3454000000p+26, "_.1f", FMT_OK, "123_456_789.0"},
    {0x1.2d68700000000p+20, "n", FMT_OK, "1.23457e+06"},
    {0x1.2d68700000000p+20, ".10n", FMT_OK, "1234567"},
    {0x1.999999999999ap-4, ".20f", FMT_OK, "0.10000000000000000555"},
    {0x1.999999999999ap-4, ".30g", FMT_OK, "0.100000000000000005551115123126"},
    {0x1.7e43c8800759cp+996, ".5e", FMT_OK, "1.00000e+300"},
    {0x0.0000000000001p-1022, "e", FMT_OK, "4.940656e-324"},
    {0x1.4000000000000p+1, ".0f", FMT_OK, "2"},
    {0x1.c000000000000p+1, ".0f", FMT_OK, "4"},
    {0x1.0000000000000p-3, ".2f", FMT_OK, "0.12"},
    {0x1.0000000000000p+0, "E", FMT_OK, "1.000000E+00"},
    {0x1.5af1d78b58c40p+66, "G", FMT_OK, "1E+20"},
    {0x1.8000000000000p+3, "#.3g", FMT_OK, "12.0"},
    {0x1.3480000000000p+10, "015,.1f", FMT_OK, "0,000,001,234.0"},
    {0x1.3480000000000p+10, "09,", FMT_OK, "001,234.0"},
    {0x1.0000000000000p+0, ".2", FMT_OK, "1.0"},
    {0x1.9000000000000p+6, ".2", FMT_OK, "1e+02"},
    {0x1.4f8b588e368f1p-17, ".2", FMT_OK, "1e-05"},
    {0x1.8000000000000p+0, "d", FMT_EVALUE,
     "Unknown format code 'd' for object of type 'float'"},
    {0x1.8000000000000p+0, "s", FMT_EVALUE,
     "Unknown format code 's' for object of type 'float'"},
    {0x1.8000000000000p+0, "c", FMT_EVALUE,
     "Unknown format code 'c' for object of type 'float'"},
    {0x1.8000000000000p+0, "x", FMT_EVALUE,
     "Unknown format code 'x' for object of type 'float'"},
    {0x1.8000000000000p+0, "abc", FMT_EVALUE,
     "Invalid format specifier 'abc' for object of type 'float'"},
    {0x1.8000000000000p+0, ".", FMT_EVALUE,
     "Format specifier missing precision"},
    {0x1.8000000000000p+0, ",_", FMT_EVALUE,
     "Cannot specify both ',' and '_'."},
    {0x1.8000000000000p+0, "_,", FMT_EVALUE,
     "Cannot specify both ',' and '_'."},
    {0x1.8000000000000p+0, ",n", FMT_EVALUE, "Cannot specify ',' with 'n'."},
    {0x1.0000000000000p+0, ".3000000000f", FMT_EVALUE, "precision too big"},
    {0x1.8000000000000p+0, "\360\237\230\200", FMT_EVALUE,
     "Unknown format code '\\x1f600' for object of type 'float'"},
    {0x1.8000000000000p+0, "\001", FMT_EVALUE,
     "Unknown format code '\\x1' for object of type 'float'"},
    {0x1.0000000000000p+1, "+", FMT_OK, "+2.0"},
    {0x1.0000000000000p+1, " ", FMT_OK, " 2.0"},
    {0x1.0000000000000p+1, "-", FMT_OK, "2.0"},
    {-0x1.0000000000000p+1, " ", FMT_OK, "-2.0"},
    {0x1.e848000000000p+19, ",", FMT_OK, "1,000,000.0"},
    {0x1.1c37937e08000p+53, ",", FMT_OK, "1e+16"},
    {0x1.edd2f1a9fbe77p+6, "_", FMT_OK, "123.456"},
    {0x1.0000000000000p-1, "=^10", FMT_OK, "===0.5===="},
    {0x1.c000000000000p+2, "x^+#12.3g", FMT_OK, "xxx+7.00xxxx"},
};

typedef struct {
    int64_t v;
    const char *spec;
    FmtStatus st;
    const char *out;
} IntFormatCase;

static const IntFormatCase int_format_cases[] = {
    {-5, "08", FMT_OK, "-0000005"},
    {255, "x", FMT_OK, "ff"},
    {255, "#X", FMT_OK, "0XFF"},
    {-255, "#010x", FMT_OK, "-0x00000ff"},
    {255, "_b", FMT_OK, "1111_1111"},
    {12345678, "_x", FMT_OK, "bc_614e"},
    {12345678, "#_o", FMT_OK, "0o5706_0516"},
    {65, "c", FMT_OK, "A"},
    {65, "05c", FMT_OK, "0000A"},
    {128512, "c", FMT_OK, "\360\237\230\200"},
    {128512, "*^5c", FMT_OK, "**\360\237\230\200**"},
    {1234567, ",", FMT_OK, "1,234,567"},
    {1234567, "_", FMT_OK, "1_234_567"},
    {-1234567, "+015,", FMT_OK, "-00,001,234,567"},
    {1234, "08,", FMT_OK, "0,001,234"},
    {1234, "09,", FMT_OK, "0,001,234"},
    {1234, "010,", FMT_OK, "00,001,234"},
    {1234, "0=10,", FMT_OK, "00,001,234"},
    {1234, "*^11,", FMT_OK, "***1,234***"},
    {123, "=^+10,", FMT_OK, "===+123==="},
    {42, "", FMT_OK, "42"},
    {42, "d", FMT_OK, "42"},
    {42, " d", FMT_OK, " 42"},
    {42, "+", FMT_OK, "+42"},
    {-42, "+", FMT_OK, "-42"},
    {42, "<6", FMT_OK, "42    "},
    {42, "^6", FMT_OK, "  42  "},
    {42, ">6", FMT_OK, "    42"},
    {42, "=6", FMT_OK, "    42"},
    {42, "0<6", FMT_OK, "420000"},
    {42, "\303\251>5", FMT_OK, "\303\251\303\251\303\25142"},
    {42, "#b", FMT_OK, "0b101010"},
    {42, "#o", FMT_OK, "0o52"},
    {0, "#x", FMT_OK, "0x0"},
    {42, "n", FMT_OK, "42"},
    {1234567, "n", FMT_OK, "1234567"},
    {5, "e", FMT_OK, "5.000000e+00"},
    {5, "%", FMT_OK, "500.000000%"},
    {5, ".2f", FMT_OK, "5.00"},
    {1000000000000000LL, "g", FMT_OK, "1e+15"},
    {9223372036854775807LL, ",", FMT_OK, "9,223,372,036,854,775,807"},
    {INT64_MIN, "#b", FMT_OK,
     "-0b1000000000000000000000000000000000000000000000000000000000000000"},
    {INT64_MIN, "x", FMT_OK, "-8000000000000000"},
    {INT64_MIN, ",", FMT_OK, "-9,223,372,036,854,775,808"},
    {5, ".2d", FMT_EVALUE,
     "Precision not allowed in integer format specifier"},
    {5, ".2", FMT_EVALUE, "Precision not allowed in integer format specifier"},
    {5, "s", FMT_EVALUE, "Unknown format code 's' for object of type 'int'"},
    {5, "z", FMT_EVALUE,
     "Negative zero coercion (z) not allowed in integer format specifier"},
    {5, "+c", FMT_EVALUE,
     "Sign not allowed with integer format specifier 'c'"},
    {5, " c", FMT_EVALUE,
     "Sign not allowed with integer format specifier 'c'"},
    {5, "#c", FMT_EVALUE,
     "Alternate form (#) not allowed with integer format specifier 'c'"},
    {-1, "c", FMT_EOVERFLOW, "%c arg not in range(0x110000)"},
    {1114112, "c", FMT_EOVERFLOW, "%c arg not in range(0x110000)"},
    {5, "abc", FMT_EVALUE,
     "Invalid format specifier 'abc' for object of type 'int'"},
    {5, "\303\251", FMT_EVALUE,
     "Unknown format code '\\xe9' for object of type 'int'"},
    {5, "\303\251\303\251", FMT_EVALUE,
     "Invalid format specifier '\303\251\303\251' for object of type 'int'"},
    {5, ",c", FMT_EVALUE, "Cannot specify ',' with 'c'."},
    {5, ",n", FMT_EVALUE, "Cannot specify ',' with 'n'."},
    {5, ",x", FMT_EVALUE, "Cannot specify ',' with 'x'."},
    {5, "_,", FMT_EVALUE, "Cannot specify both ',' and '_'."},
    {5, ",_", FMT_EVALUE, "Cannot specify both ',' and '_'."},
    {5, ".", FMT_EVALUE, "Format specifier missing precision"},
    {5, "999999999999999999999999999999", FMT_EVALUE,
     "Too many decimal digits in format string"},
    {5, "\001", FMT_EVALUE,
     "Unknown format code '\\x1' for object of type 'int'"},
    {5, ",b", FMT_EVALUE, "Cannot specify ',' with 'b'."},
    {5, "_c", FMT_EVALUE, "Cannot specify '_' with 'c'."},
};

typedef struct {
    const char *s;
    size_t len;
    const char *spec;
    FmtStatus st;
    const char *out;
    size_t outlen;
} StrFormatCase;

static const StrFormatCase str_format_cases[] = {
    {"abc", 3, "", FMT_OK, "abc", 3},
    {"abc", 3, "s", FMT_OK, "abc", 3},
    {"abc", 3, "5", FMT_OK, "abc  ", 5},
    {"abc", 3, ">5", FMT_OK, "  abc", 5},
    {"abc", 3, "^6", FMT_OK, " abc  ", 6},
    {"abc", 3, "*^8.2", FMT_OK, "***ab***", 8},
    {"\346\227\245\346\234\254", 6, "*^7", FMT_OK,
     "**\346\227\245\346\234\254***", 11},
    {"\346\227\245\346\234\254\350\252\236", 9, ".2", FMT_OK,
     "\346\227\245\346\234\254", 6},
    {"abc", 3, "05", FMT_OK, "abc00", 5},
    {"abc", 3, ".0", FMT_OK, "", 0},
    {"abc", 3, ".10", FMT_OK, "abc", 3},
    {"ab", 2, "\303\251<4", FMT_OK, "ab\303\251\303\251", 6},
    {"abc", 3, "+", FMT_EVALUE, "Sign not allowed in string format specifier",
     0},
    {"abc", 3, " ", FMT_EVALUE, "Space not allowed in string format specifier",
     0},
    {"abc", 3, "z", FMT_EVALUE,
     "Negative zero coercion (z) not allowed in string format specifier", 0},
    {"abc", 3, "#", FMT_EVALUE,
     "Alternate form (#) not allowed in string format specifier", 0},
    {"abc", 3, "=5", FMT_EVALUE,
     "'=' alignment not allowed in string format specifier", 0},
    {"abc", 3, ",", FMT_EVALUE, "Cannot specify ',' with 's'.", 0},
    {"abc", 3, "_", FMT_EVALUE, "Cannot specify '_' with 's'.", 0},
    {"abc", 3, "d", FMT_EVALUE,
     "Unknown format code 'd' for object of type 'str'", 0},
    {"abc", 3, "abc", FMT_EVALUE,
     "Invalid format specifier 'abc' for object of type 'str'", 0},
    {"abc", 3, ".", FMT_EVALUE, "Format specifier missing precision", 0},
    {"\360\237\230\200x", 5, ">4.1", FMT_OK, "   \360\237\230\200", 7},
    {"", 0, "3", FMT_OK, "   ", 3},
    {"a\000b", 3, "5", FMT_OK, "a\000b  ", 5},
};

typedef struct {
    const char *s;
    size_t len;
    const char *repr;
} StrReprCase;

static const StrReprCase str_repr_cases[] = {
    {"", 0, "''"},
    {"abc", 3, "'abc'"},
    {"a'b", 3, "\"a'b\""},
    {"a\"b", 3, "'a\"b'"},
    {"a'b\"", 4, "'a\\'b\"'"},
    {"\\", 1, "'\\\\'"},
    {"\012\015\011", 3, "'\\n\\r\\t'"},
    {"\000\037\177", 3, "'\\x00\\x1f\\x7f'"},
    {"\302\200\302\237\302\240\302\255", 8, "'\\x80\\x9f\\xa0\\xad'"},
    {"\303\251\346\227\245\346\234\254\360\237\230\200", 12,
     "'\303\251\346\227\245\346\234\254\360\237\230\200'"},
    {"\342\200\250\342\200\251", 6, "'\\u2028\\u2029'"},
    {"\355\240\200", 3, "'\\ud800'"},
    {"\363\240\200\201\364\217\277\277", 8, "'\\U000e0001\\U0010ffff'"},
    {"\315\270\356\200\200", 5, "'\\u0378\\ue000'"},
    {"\303\277\304\200", 4, "'\303\277\304\200'"},
    {"\033[0m", 4, "'\\x1b[0m'"},
    {"tab\011here", 8, "'tab\\there'"},
};

typedef struct {
    const char *s;
    size_t len;
    int base;
    FmtStatus st;
    int64_t v;
    const char *msg;
} ParseIntCase;

static const ParseIntCase parse_int_cases[] = {
    {"0", 1, 10, FMT_OK, 0, NULL},
    {"42", 2, 10, FMT_OK, 42, NULL},
    {" -42 ", 5, 10, FMT_OK, -42, NULL},
    {"+7", 2, 10, FMT_OK, 7, NULL},
    {"1_000", 5, 10, FMT_OK, 1000, NULL},
    {"1__000", 6, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '1__000'"},
    {"_1", 2, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '_1'"},
    {"1_", 2, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '1_'"},
    {"abc", 3, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: 'abc'"},
    {"abc", 3, 16, FMT_OK, 2748, NULL},
    {"ff", 2, 16, FMT_OK, 255, NULL},
    {"0xff", 4, 16, FMT_OK, 255, NULL},
    {"0xff", 4, 0, FMT_OK, 255, NULL},
    {"0XfF", 4, 0, FMT_OK, 255, NULL},
    {"0o17", 4, 0, FMT_OK, 15, NULL},
    {"0b101", 5, 0, FMT_OK, 5, NULL},
    {"0b101", 5, 2, FMT_OK, 5, NULL},
    {"0b102", 5, 2, FMT_EVALUE, 0,
     "invalid literal for int() with base 2: '0b102'"},
    {"0x_1f", 5, 16, FMT_OK, 31, NULL},
    {"0x_1f", 5, 0, FMT_OK, 31, NULL},
    {"0x", 2, 16, FMT_EVALUE, 0,
     "invalid literal for int() with base 16: '0x'"},
    {"010", 3, 0, FMT_EVALUE, 0,
     "invalid literal for int() with base 0: '010'"},
    {"000", 3, 0, FMT_OK, 0, NULL},
    {"0_0", 3, 0, FMT_OK, 0, NULL},
    {"0_1", 3, 0, FMT_EVALUE, 0,
     "invalid literal for int() with base 0: '0_1'"},
    {"10", 2, 0, FMT_OK, 10, NULL},
    {"z", 1, 36, FMT_OK, 35, NULL},
    {"Z", 1, 36, FMT_OK, 35, NULL},
    {"zz", 2, 35, FMT_EVALUE, 0,
     "invalid literal for int() with base 35: 'zz'"},
    {"9223372036854775807", 19, 10, FMT_OK, 9223372036854775807LL, NULL},
    {"-9223372036854775808", 20, 10, FMT_OK, INT64_MIN, NULL},
    {"9223372036854775808", 19, 10, FMT_EOVERFLOW, 0, FMT_MSG_INT_RANGE},
    {"-9223372036854775809", 20, 10, FMT_EOVERFLOW, 0, FMT_MSG_INT_RANGE},
    {"99999999999999999999999", 23, 10, FMT_EOVERFLOW, 0, FMT_MSG_INT_RANGE},
    {"0x8000000000000000", 18, 0, FMT_EOVERFLOW, 0, FMT_MSG_INT_RANGE},
    {"-0x8000000000000000", 19, 0, FMT_OK, INT64_MIN, NULL},
    {"", 0, 10, FMT_EVALUE, 0, "invalid literal for int() with base 10: ''"},
    {" ", 1, 10, FMT_EVALUE, 0, "invalid literal for int() with base 10: ' '"},
    {"-", 1, 10, FMT_EVALUE, 0, "invalid literal for int() with base 10: '-'"},
    {"1 2", 3, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '1 2'"},
    {"\331\241\331\242", 4, 10, FMT_OK, 12, NULL},
    {" \302\240 12\342\200\203 ", 10, 10, FMT_OK, 12, NULL},
    {"\0345", 2, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '\\x1c5'"},
    {"12\000", 3, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '12\\x00'"},
    {"\1771", 2, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '\\x7f1'"},
    {"5", 1, 1, FMT_EVALUE, 0, "int() base must be >= 2 and <= 36, or 0"},
    {"5", 1, 37, FMT_EVALUE, 0, "int() base must be >= 2 and <= 36, or 0"},
    {"5", 1, -1, FMT_EVALUE, 0, "int() base must be >= 2 and <= 36, or 0"},
    {"it's", 4, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: \"it's\""},
    {"1.5", 3, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '1.5'"},
    {"\331\243x", 3, 10, FMT_EVALUE, 0,
     "invalid literal for int() with base 10: '\331\243x'"},
};

typedef struct {
    const char *s;
    size_t len;
    FmtStatus st;
    const char *out;
} ParseFloatCase;

static const ParseFloatCase parse_float_cases[] = {
    {"1.5", 3, FMT_OK, "1.5"},
    {"  -2.5e3  ", 10, FMT_OK, "-2500.0"},
    {"1_000.000_1", 11, FMT_OK, "1000.0001"},
    {"1e1_0", 5, FMT_OK, "10000000000.0"},
    {"1_e10", 5, FMT_EVALUE, "could not convert string to float: '1_e10'"},
    {"_1", 2, FMT_EVALUE, "could not convert string to float: '_1'"},
    {"1_", 2, FMT_EVALUE, "could not convert string to float: '1_'"},
    {"1__0", 4, FMT_EVALUE, "could not convert string to float: '1__0'"},
    {"5._5", 4, FMT_EVALUE, "could not convert string to float: '5._5'"},
    {".5", 2, FMT_OK, "0.5"},
    {"5.", 2, FMT_OK, "5.0"},
    {"inf", 3, FMT_OK, "inf"},
    {"-Infinity", 9, FMT_OK, "-inf"},
    {"+nAn", 4, FMT_OK, "nan"},
    {"-nan", 4, FMT_OK, "nan"},
    {"infin", 5, FMT_EVALUE, "could not convert string to float: 'infin'"},
    {"nanx", 4, FMT_EVALUE, "could not convert string to float: 'nanx'"},
    {"-0", 2, FMT_OK, "-0.0"},
    {"1e-400", 6, FMT_OK, "0.0"},
    {"1e400", 5, FMT_OK, "inf"},
    {"1e", 2, FMT_EVALUE, "could not convert string to float: '1e'"},
    {"1e+", 3, FMT_EVALUE, "could not convert string to float: '1e+'"},
    {".e5", 3, FMT_EVALUE, "could not convert string to float: '.e5'"},
    {"+.5", 3, FMT_OK, "0.5"},
    {"0x10", 4, FMT_EVALUE, "could not convert string to float: '0x10'"},
    {"1,5", 3, FMT_EVALUE, "could not convert string to float: '1,5'"},
    {"", 0, FMT_EVALUE, "could not convert string to float: ''"},
    {"   ", 3, FMT_EVALUE, "could not convert string to float: '   '"},
    {"\331\241.\331\242e\331\243", 8, FMT_OK, "1200.0"},
    {"\342\200\203 1.5 \343\200\200", 11, FMT_OK, "1.5"},
    {"1.5\000", 4, FMT_EVALUE,
     "could not convert string to float: '1.5\\x00'"},
    {"abc", 3, FMT_EVALUE, "could not convert string to float: 'abc'"},
    {"\303\251", 2, FMT_EVALUE,
     "could not convert string to float: '\303\251'"},
    {"1e99999999999999999", 19, FMT_OK, "inf"},
    {"4.9406564584124654e-324", 23, FMT_OK, "5e-324"},
    {"2.4703282292062328e-324", 23, FMT_OK, "5e-324"},
    {"1.7976931348623159e308", 22, FMT_OK, "inf"},
    {"0.1", 3, FMT_OK, "0.1"},
    {"0.30000000000000004", 19, FMT_OK, "0.30000000000000004"},
    {"111111111111111111111111111111", 30, FMT_OK, "1.111111111111111e+29"},
};

typedef struct {
    int64_t v;
    int64_t h;
} HashIntCase;

static const HashIntCase hash_int_cases[] = {
    {0LL, 0LL},
    {1LL, 1LL},
    {-1LL, -2LL},
    {-2LL, -2LL},
    {2305843009213693950LL, 2305843009213693950LL},
    {2305843009213693951LL, 0LL},
    {2305843009213693952LL, 1LL},
    {4611686018427387904LL, 2LL},
    {9223372036854775807LL, 3LL},
    {INT64_MIN, -4LL},
    {-2305843009213693951LL, 0LL},
    {123456789LL, 123456789LL},
    {-123456789LL, -123456789LL},
};

typedef struct {
    double x;
    int64_t h;
} HashFloatCase;

static const HashFloatCase hash_float_cases[] = {
    {0x0.0p+0, 0LL},
    {-0x0.0p+0, 0LL},
    {0x1.0000000000000p+0, 1LL},
    {-0x1.0000000000000p+0, -2LL},
    {0x1.8000000000000p+0, 1152921504606846977LL},
    {-0x1.0000000000000p-1, -1152921504606846976LL},
    {0x1.999999999999ap-4, 230584300921369408LL},
    {0x1.7e43c8800759cp+996, 1224995262755759164LL},
    {0x0.0000000000001p-1022, 16777216LL},
    {INFINITY, 314159LL},
    {-INFINITY, -314159LL},
    {0x1.0000000000000p+61, 1LL},
    {0x1.0000000000000p+70, 512LL},
    {-0x1.0000000000000p+63, -4LL},
    {0x1.80d43de9cc603p-32, 518336995053438909LL},
    {0x1.e240c9fbe76c9p+16, 1819310134279660096LL},
};

typedef struct {
    int64_t items[3];
    size_t n;
    int64_t h;
} HashTupleCase;

static const HashTupleCase hash_tuple_cases[] = {
    {{0}, 0, 5740354900026072187LL},
    {{1LL}, 1, -6644214454873602895LL},
    {{1LL, 2LL}, 2, -3550055125485641917LL},
    {{1LL, 2LL, 3LL}, 3, 529344067295497451LL},
    {{-2LL}, 1, 8078679518589016365LL},
    {{0LL, 0LL}, 2, -8458139203682520985LL},
    {{2LL, -5LL}, 2, -652890028026790339LL},
};

typedef struct {
    const char *s;
    size_t len;
    int64_t h;
} HashStrCase;

static const HashStrCase hash_str_cases[] = {
    {"", 0, 0LL},
    {"a", 1, 4644417185603328019LL},
    {"abc", 3, -4594863902769663758LL},
    {"hello world!", 12, 839851713330019024LL},
    {"\303\251", 2, 6047309291227476195LL},
    {"\303\251t\303\251", 5, -1033370291238291217LL},
    {"\346\227\245\346\234\254", 6, 6243316497235261705LL},
    {"\360\237\230\200x", 5, -8926728262118538918LL},
    {"\355\240\200", 3, 5926611903945376553LL},
    {"a\000b", 3, -2562947060344435835LL},
};

typedef struct {
    char op;
    int64_t a, b;
    FmtStatus st;
    const char *out;
} IntOpCase;

static const IntOpCase int_op_cases[] = {
    {'/', 7, 2, FMT_OK, "3.5"},
    {'/', -7, 2, FMT_OK, "-3.5"},
    {'/', 1, 3, FMT_OK, "0.3333333333333333"},
    {'/', 0, -5, FMT_OK, "-0.0"},
    {'/', 1, 0, FMT_EZERODIV, "division by zero"},
    {'/', 9223372036854775807LL, 3, FMT_OK, "3.0744573456182584e+18"},
    {'/', INT64_MIN, 7, FMT_OK, "-1.3176245766935393e+18"},
    {'/', 9223372036854775806LL, 9223372036854775807LL, FMT_OK, "1.0"},
    {'/', 9007199254740993LL, 1, FMT_OK, "9007199254740992.0"},
    {'/', INT64_MIN, -1, FMT_OK, "9.223372036854776e+18"},
    {'f', 7, 2, FMT_OK, "3"},
    {'f', -7, 2, FMT_OK, "-4"},
    {'f', 7, -2, FMT_OK, "-4"},
    {'f', -7, -2, FMT_OK, "3"},
    {'f', 0, 5, FMT_OK, "0"},
    {'f', 1, 0, FMT_EZERODIV, "integer division or modulo by zero"},
    {'f', INT64_MIN, -1, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'f', INT64_MIN, 1, FMT_OK, "-9223372036854775808"},
    {'f', INT64_MIN, 9223372036854775807LL, FMT_OK, "-2"},
    {'%', 7, 2, FMT_OK, "1"},
    {'%', -7, 2, FMT_OK, "1"},
    {'%', 7, -2, FMT_OK, "-1"},
    {'%', -7, -2, FMT_OK, "-1"},
    {'%', 1, 0, FMT_EZERODIV, "integer modulo by zero"},
    {'%', INT64_MIN, -1, FMT_OK, "0"},
    {'%', INT64_MIN, 9223372036854775807LL, FMT_OK, "9223372036854775806"},
    {'%', 9223372036854775807LL, INT64_MIN, FMT_OK, "-1"},
    {'d', 7, -2, FMT_OK, "(-4, -1)"},
    {'d', -7, 2, FMT_OK, "(-4, 1)"},
    {'d', 1, 0, FMT_EZERODIV, "integer division or modulo by zero"},
    {'d', INT64_MIN, -1, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'d', INT64_MIN, 2, FMT_OK, "(-4611686018427387904, 0)"},
    {'p', 2, 10, FMT_OK, "1024"},
    {'p', 2, 62, FMT_OK, "4611686018427387904"},
    {'p', 2, 63, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'p', -2, 63, FMT_OK, "-9223372036854775808"},
    {'p', -2, 64, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'p', 3, 39, FMT_OK, "4052555153018976267"},
    {'p', 3, 40, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'p', 0, 0, FMT_OK, "1"},
    {'p', 0, 1000000000000000000LL, FMT_OK, "0"},
    {'p', 1, 9223372036854775807LL, FMT_OK, "1"},
    {'p', -1, 9223372036854775807LL, FMT_OK, "-1"},
    {'p', -1, 9223372036854775806LL, FMT_OK, "1"},
    {'p', 7, 0, FMT_OK, "1"},
    {'p', 2, -1, FMT_OK, "0.5"},
    {'p', -2, -3, FMT_OK, "-0.125"},
    {'p', 0, -1, FMT_EZERODIV, "0.0 cannot be raised to a negative power"},
    {'p', 10, -2, FMT_OK, "0.01"},
    {'p', 10, 18, FMT_OK, "1000000000000000000"},
    {'p', 10, 19, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'<', 1, 62, FMT_OK, "4611686018427387904"},
    {'<', 1, 63, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'<', -1, 63, FMT_OK, "-9223372036854775808"},
    {'<', -1, 64, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'<', 3, 61, FMT_OK, "6917529027641081856"},
    {'<', -3, 61, FMT_OK, "-6917529027641081856"},
    {'<', -4, 61, FMT_OK, "-9223372036854775808"},
    {'<', 0, 1000000000000000000LL, FMT_OK, "0"},
    {'<', 5, -1, FMT_EVALUE, "negative shift count"},
    {'<', 5, 0, FMT_OK, "5"},
    {'<', 9223372036854775807LL, 1, FMT_EOVERFLOW, FMT_MSG_INT_RANGE},
    {'>', -1, 1, FMT_OK, "-1"},
    {'>', -8, 2, FMT_OK, "-2"},
    {'>', -9, 2, FMT_OK, "-3"},
    {'>', 7, 1, FMT_OK, "3"},
    {'>', INT64_MIN, 63, FMT_OK, "-1"},
    {'>', INT64_MIN, 64, FMT_OK, "-1"},
    {'>', 9223372036854775807LL, 1000000000000000000LL, FMT_OK, "0"},
    {'>', -5, 1000000000000000000LL, FMT_OK, "-1"},
    {'>', 5, -1, FMT_EVALUE, "negative shift count"},
    {'>', INT64_MIN, 1, FMT_OK, "-4611686018427387904"},
};

typedef struct {
    char op;
    double a, b;
    FmtStatus st;
    const char *out;
} FloatOpCase;

static const FloatOpCase float_op_cases[] = {
    {'/', 0x1.0000000000000p+0, 0x0.0p+0, FMT_EZERODIV,
     "float division by zero"},
    {'/', 0x1.0000000000000p+0, -0x0.0p+0, FMT_EZERODIV,
     "float division by zero"},
    {'/', -0x1.0000000000000p+0, 0x1.0000000000000p+2, FMT_OK, "-0.25"},
    {'f', 0x1.e000000000000p+2, 0x1.0000000000000p+1, FMT_OK, "3.0"},
    {'f', -0x1.e000000000000p+2, 0x1.0000000000000p+1, FMT_OK, "-4.0"},
    {'f', 0x1.e000000000000p+2, -0x1.0000000000000p+1, FMT_OK, "-4.0"},
    {'f', -0x0.0p+0, 0x1.0000000000000p+0, FMT_OK, "-0.0"},
    {'f', 0x0.0p+0, -0x1.0000000000000p+0, FMT_OK, "-0.0"},
    {'f', 0x1.0000000000000p+0, 0x0.0p+0, FMT_EZERODIV,
     "float floor division by zero"},
    {'f', INFINITY, 0x1.8000000000000p+1, FMT_OK, "nan"},
    {'f', 0x1.4000000000000p+2, INFINITY, FMT_OK, "0.0"},
    {'f', -0x1.4000000000000p+2, INFINITY, FMT_OK, "-1.0"},
    {'f', 0x1.1ccf385ebc8a0p+1023, 0x0.730d67819e8d2p-1022, FMT_OK, "inf"},
    {'%', 0x1.e000000000000p+2, 0x1.0000000000000p+1, FMT_OK, "1.5"},
    {'%', -0x1.e000000000000p+2, 0x1.0000000000000p+1, FMT_OK, "0.5"},
    {'%', 0x1.e000000000000p+2, -0x1.0000000000000p+1, FMT_OK, "-0.5"},
    {'%', -0x0.0p+0, 0x1.4000000000000p+2, FMT_OK, "0.0"},
    {'%', 0x0.0p+0, -0x1.4000000000000p+2, FMT_OK, "-0.0"},
    {'%', 0x1.4000000000000p+2, INFINITY, FMT_OK, "5.0"},
    {'%', -0x1.4000000000000p+2, INFINITY, FMT_OK, "inf"},
    {'%', INFINITY, 0x1.8000000000000p+1, FMT_OK, "nan"},
    {'%', 0x1.0000000000000p+0, 0x0.0p+0, FMT_EZERODIV, "float modulo"},
    {'%', 0x1.999999999999ap-4, 0x1.47ae147ae147bp-7, FMT_OK,
     "3.469446951953614e-18"},
    {'d', -0x0.0p+0, 0x1.0000000000000p+0, FMT_OK, "(-0.0, 0.0)"},
    {'d', 0x1.c000000000000p+2, -0x1.0000000000000p+1, FMT_OK, "(-4.0, -1.0)"},
    {'d', 0x1.0000000000000p+0, 0x0.0p+0, FMT_EZERODIV, "float divmod()"},
    {'d', -0x1.e000000000000p+2, 0x1.0000000000000p+1, FMT_OK, "(-4.0, 0.5)"},
    {'p', 0x0.0p+0, -0x1.0000000000000p+0, FMT_EZERODIV,
     "0.0 cannot be raised to a negative power"},
    {'p', -0x0.0p+0, -0x1.0000000000000p+1, FMT_EZERODIV,
     "0.0 cannot be raised to a negative power"},
    {'p', 0x0.0p+0, 0x0.0p+0, FMT_OK, "1.0"},
    {'p', NAN, 0x0.0p+0, FMT_OK, "1.0"},
    {'p', NAN, 0x1.0000000000000p+0, FMT_OK, "nan"},
    {'p', 0x1.0000000000000p+0, NAN, FMT_OK, "1.0"},
    {'p', 0x1.0000000000000p+1, NAN, FMT_OK, "nan"},
    {'p', 0x1.0000000000000p-1, INFINITY, FMT_OK, "0.0"},
    {'p', 0x1.0000000000000p+1, INFINITY, FMT_OK, "inf"},
    {'p', -0x1.0000000000000p+0, INFINITY, FMT_OK, "1.0"},
    {'p', 0x1.0000000000000p-1, -INFINITY, FMT_OK, "inf"},
    {'p', 0x1.0000000000000p+1, -INFINITY, FMT_OK, "0.0"},
    {'p', INFINITY, 0x1.8000000000000p+1, FMT_OK, "inf"},
    {'p', -INFINITY, 0x1.8000000000000p+1, FMT_OK, "-inf"},
    {'p', -INFINITY, 0x1.0000000000000p+1, FMT_OK, "inf"},
    {'p', -INFINITY, -0x1.8000000000000p+1, FMT_OK, "-0.0"},
    {'p', -INFINITY, -0x1.0000000000000p+1, FMT_OK, "0.0"},
    {'p', -0x0.0p+0, 0x1.8000000000000p+1, FMT_OK, "-0.0"},
    {'p', -0x0.0p+0, 0x1.0000000000000p+1, FMT_OK, "0.0"},
    {'p', -0x0.0p+0, 0x1.0000000000000p-1, FMT_OK, "0.0"},
    {'p', -0x1.0000000000000p+1, 0x1.8000000000000p+1, FMT_OK, "-8.0"},
    {'p', -0x1.0000000000000p+1, -0x1.0000000000000p+1, FMT_OK, "0.25"},
    {'p', -0x1.0000000000000p+0, 0x1.7e43c8800759cp+996, FMT_OK, "1.0"},
    {'p', -0x1.0000000000000p+0, 0x1.7e43c8800759dp+996, FMT_OK, "1.0"},
    {'p', 0x1.4000000000000p+3, 0x1.9000000000000p+8, FMT_EOVERFLOW,
     "(34, 'Numerical result out of range')"},
    {'p', -0x1.4000000000000p+3, 0x1.9100000000000p+8, FMT_EOVERFLOW,
     "(34, 'Numerical result out of range')"},
    {'p', 0x1.4000000000000p+3, -0x1.9000000000000p+8, FMT_OK, "0.0"},
    {'p', 0x1.0000000000000p+1, 0x1.0000000000000p-1, FMT_OK,
     "1.4142135623730951"},
    {'p', -0x1.0000000000000p+3, 0x1.5555555555555p-2, FMT_EVALUE,
     "negative number cannot be raised to a fractional power"},
    {'p', -0x1.0000000000000p+1, 0x1.0000000000000p-1, FMT_EVALUE,
     "negative number cannot be raised to a fractional power"},
};

typedef struct {
    double x;
    FmtStatus st;
    int64_t v;
    const char *msg;
} FloatToIntCase;

static const FloatToIntCase float_to_int_cases[] = {
    {0x0.0p+0, FMT_OK, 0, NULL},
    {-0x0.0p+0, FMT_OK, 0, NULL},
    {0x1.ccccccccccccdp-1, FMT_OK, 0, NULL},
    {-0x1.ccccccccccccdp-1, FMT_OK, 0, NULL},
    {0x1.8000000000000p+0, FMT_OK, 1, NULL},
    {-0x1.8000000000000p+0, FMT_OK, -1, NULL},
    {0x1.bc16d674ec800p+59, FMT_OK, 1000000000000000000LL, NULL},
    {-0x1.0000000000000p+63, FMT_OK, INT64_MIN, NULL},
    {0x1.0000000000000p+63, FMT_EOVERFLOW, 0, FMT_MSG_INT_RANGE},
    {-0x1.0000000000001p+63, FMT_EOVERFLOW, 0, FMT_MSG_INT_RANGE},
    {NAN, FMT_EVALUE, 0, "cannot convert float NaN to integer"},
    {INFINITY, FMT_EOVERFLOW, 0, "cannot convert float infinity to integer"},
    {-INFINITY, FMT_EOVERFLOW, 0, "cannot convert float infinity to integer"},
    {0x1.e240c9fbe76c9p+16, FMT_OK, 123456, NULL},
    {0x1.0000000000001p+52, FMT_OK, 4503599627370497LL, NULL},
};

typedef struct {
    int64_t i;
    double x;
    int cmp;
} IntFloatCmpCase;

static const IntFloatCmpCase int_float_cmp_cases[] = {
    {0, 0x0.0p+0, 0},
    {0, -0x0.0p+0, 0},
    {1, 0x1.0000000000000p-1, 1},
    {1, 0x1.8000000000000p+0, -1},
    {-1, -0x1.0000000000000p-1, -1},
    {-1, -0x1.8000000000000p+0, 1},
    {9007199254740993LL, 0x1.0000000000000p+53, 1},
    {9007199254740992LL, 0x1.0000000000000p+53, 0},
    {9223372036854775807LL, 0x1.0000000000000p+63, -1},
    {INT64_MIN, -0x1.0000000000000p+63, 0},
    {INT64_MIN, -0x1.0000000000002p+63, 1},
    {9223372036854775807LL, 0x1.fffffffffffffp+62, 1},
    {5, NAN, 2},
    {5, INFINITY, -1},
    {5, -INFINITY, 1},
    {-3, -0x1.8000000000000p+1, 0},
};

/* ---- FmtBuf ------------------------------------------------------------ */

START_TEST(test_buf_basics)
{
    FmtBuf b = FMT_BUF_INIT;
    ck_assert_str_eq(fmt_buf_cstr(&b), "");
    ck_assert_uint_eq(b.len, 0);
    fmt_buf_putc(&b, 'a');
    fmt_buf_put(&b, "bcd", 2);
    fmt_buf_puts(&b, "-x");
    ck_assert_str_eq(str(&b), "abc-x");
    ck_assert_uint_eq(b.len, 5);
    fmt_buf_printf(&b, "[%d|%s|%05lld]", -42, "s", 7LL);
    ck_assert_str_eq(str(&b), "abc-x[-42|s|00007]");
    fmt_buf_truncate(&b, 3);
    ck_assert_str_eq(str(&b), "abc");
    fmt_buf_truncate(&b, 10); /* longer: no effect */
    ck_assert_uint_eq(b.len, 3);
    fmt_buf_clear(&b);
    ck_assert_str_eq(str(&b), "");
    ck_assert_ptr_nonnull(b.data);
    fmt_buf_put(&b, NULL, 0);
    ck_assert_uint_eq(b.len, 0);
    fmt_buf_free(&b);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(test_buf_code_points)
{
    FmtBuf b;
    fmt_buf_init(&b);
    fmt_buf_put_cp(&b, 'A');
    fmt_buf_put_cp(&b, 0xe9);
    fmt_buf_put_cp(&b, 0x65e5);
    fmt_buf_put_cp(&b, 0x1f600);
    fmt_buf_put_cp(&b, 0xd800);     /* a lone surrogate: 3 bytes */
    fmt_buf_put_cp(&b, 0x110000);   /* not Unicode: U+FFFD */
    ck_assert_str_eq(str(&b), "A\303\251\346\227\245\360\237\230\200"
                              "\355\240\200\357\277\275");
    fmt_buf_clear(&b);
    fmt_buf_fill_cp(&b, '*', 3);
    fmt_buf_fill_cp(&b, 0xe9, 2);
    fmt_buf_fill_cp(&b, 'x', 0);
    ck_assert_str_eq(str(&b), "***\303\251\303\251");
    char *s = fmt_buf_take(&b);
    ck_assert_str_eq(s, "***\303\251\303\251");
    ck_assert_ptr_null(b.data);
    free(s);
    s = fmt_buf_take(&b); /* empty buffer: an empty string */
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

START_TEST(test_buf_growth)
{
    FmtBuf b = FMT_BUF_INIT;
    for (int i = 0; i < 10000; i++)
        fmt_buf_putc(&b, (char)('a' + i % 26));
    ck_assert_uint_eq(b.len, 10000);
    ck_assert_int_eq(b.data[9999], 'a' + 9999 % 26);
    ck_assert_int_eq(b.data[10000], '\0');
    fmt_buf_reserve(&b, 100000);
    ck_assert_uint_ge(b.cap, 110001);
    ck_assert_uint_eq(b.len, 10000);
    fmt_buf_free(&b);
}
END_TEST

/* ---- UTF-8 and Unicode properties -------------------------------------- */

START_TEST(test_utf8_decode)
{
    static const struct {
        const char *s;
        size_t len;
        uint32_t cp;
        size_t used;
    } cases[] = {
        {LIT("A"), 'A', 1},
        {LIT("\303\251"), 0xe9, 2},
        {LIT("\346\227\245"), 0x65e5, 3},
        {LIT("\360\237\230\200"), 0x1f600, 4},
        {LIT("\355\240\200"), 0xd800, 3},       /* lone surrogate */
        {LIT("\364\217\277\277"), 0x10ffff, 4},
        {LIT("\377"), 0xfffd, 1},                 /* never valid */
        {LIT("\200"), 0xfffd, 1},                 /* stray continuation */
        {LIT("\346\227"), 0xfffd, 1},             /* truncated */
        {LIT("\300\257"), 0xfffd, 1},             /* overlong '/' */
        {LIT("\340\200\257"), 0xfffd, 1},         /* overlong '/' */
        {LIT("\364\220\200\200"), 0xfffd, 1},     /* beyond U+10FFFF */
        {LIT("\303A"), 0xfffd, 1},                /* bad continuation */
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        uint32_t cp = 0;
        size_t used = fmt_utf8_decode(cases[i].s, cases[i].len, &cp);
        ck_assert_msg(cp == cases[i].cp && used == cases[i].used,
                      "case %zu: U+%04X in %zu bytes", i, (unsigned)cp, used);
    }
    ck_assert_uint_eq(fmt_utf8_length(LIT("")), 0);
    ck_assert_uint_eq(fmt_utf8_length(LIT("abc")), 3);
    ck_assert_uint_eq(fmt_utf8_length(LIT("\346\227\245\346\234\254x")), 3);
    ck_assert_uint_eq(fmt_utf8_length(LIT("a\377\360\237\230\200")), 3);
}
END_TEST

START_TEST(test_unicode_properties)
{
    static const uint32_t printable[] = {'a', ' ', '~', 0xe9, 0x1f600, 0x65e5};
    static const uint32_t unprintable[] = {
        0x7f, 0x1f, '\n', 0x80, 0x9f, 0xa0, 0xad, 0x2028, 0x2029, 0xd800,
        0xe000, 0x378, 0xe0001, 0x10ffff, 0x3000};
    for (size_t i = 0; i < COUNT(printable); i++)
        ck_assert_msg(fmt_uni_isprintable(printable[i]), "U+%04X",
                      (unsigned)printable[i]);
    for (size_t i = 0; i < COUNT(unprintable); i++)
        ck_assert_msg(!fmt_uni_isprintable(unprintable[i]), "U+%04X",
                      (unsigned)unprintable[i]);

    static const uint32_t spaces[] = {' ', '\t', '\n', '\v', '\f', '\r', 0x1c,
                                      0x1f, 0x85, 0xa0, 0x1680, 0x2000,
                                      0x200a, 0x2028, 0x202f, 0x3000};
    static const uint32_t not_spaces[] = {'a', 0, 0x1b, 0x200b, 0xfeff, 0xad};
    for (size_t i = 0; i < COUNT(spaces); i++)
        ck_assert_msg(fmt_uni_isspace(spaces[i]), "U+%04X",
                      (unsigned)spaces[i]);
    for (size_t i = 0; i < COUNT(not_spaces); i++)
        ck_assert_msg(!fmt_uni_isspace(not_spaces[i]), "U+%04X",
                      (unsigned)not_spaces[i]);

    ck_assert_int_eq(fmt_uni_decimal('7'), 7);
    ck_assert_int_eq(fmt_uni_decimal('a'), -1);
    ck_assert_int_eq(fmt_uni_decimal(0x661), 1);   /* ARABIC-INDIC ONE */
    ck_assert_int_eq(fmt_uni_decimal(0x6f0), 0);
    ck_assert_int_eq(fmt_uni_decimal(0xff10), 0);  /* FULLWIDTH ZERO */
    ck_assert_int_eq(fmt_uni_decimal(0xff19), 9);
    ck_assert_int_eq(fmt_uni_decimal(0xff1a), -1);
    ck_assert_int_eq(fmt_uni_decimal(0x1d7ce), 0); /* runs back to back */
    ck_assert_int_eq(fmt_uni_decimal(0x1d7d7), 9);
    ck_assert_int_eq(fmt_uni_decimal(0x1d7d8), 0);
    ck_assert_int_eq(fmt_uni_decimal(0xbc), -1);   /* VULGAR FRACTION */
}
END_TEST

/* ---- repr -------------------------------------------------------------- */

START_TEST(test_str_repr)
{
    for (size_t i = 0; i < COUNT(str_repr_cases); i++) {
        FmtBuf b = FMT_BUF_INIT;
        fmt_str_repr(str_repr_cases[i].s, str_repr_cases[i].len, &b);
        ck_assert_msg(strcmp(str(&b), str_repr_cases[i].repr) == 0,
                      "case %zu: %s", i, str(&b));
        fmt_buf_free(&b);
    }
    /* Appends. */
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_puts(&b, "x=");
    fmt_str_repr(LIT("it's"), &b);
    ck_assert_str_eq(str(&b), "x=\"it's\"");
    fmt_buf_free(&b);
}
END_TEST

START_TEST(test_float_repr)
{
    for (size_t i = 0; i < COUNT(float_repr_cases); i++) {
        FmtBuf b = FMT_BUF_INIT;
        fmt_float_repr(float_repr_cases[i].x, &b);
        ck_assert_msg(strcmp(str(&b), float_repr_cases[i].repr) == 0,
                      "case %zu: got %s, want %s", i, str(&b),
                      float_repr_cases[i].repr);
        fmt_buf_free(&b);
    }
}
END_TEST

START_TEST(test_float_repr_round_trips)
{
    /* Every power of two and its neighbours: where the shortest digits
     * are hardest to find. */
    FmtBuf b = FMT_BUF_INIT;
    for (int e = -1074; e <= 1023; e++) {
        double p = ldexp(1.0, e);
        double xs[3] = {p, nextafter(p, 0), nextafter(p, INFINITY)};
        for (int k = 0; k < 3; k++) {
            if (isinf(xs[k]))
                continue;
            fmt_buf_clear(&b);
            fmt_float_repr(xs[k], &b);
            ck_assert_msg(strtod(str(&b), NULL) == xs[k], "2**%d: %s", e,
                          str(&b));
        }
    }
    fmt_buf_free(&b);
}
END_TEST

START_TEST(test_float_to_string)
{
    static const struct {
        double x;
        char code;
        int64_t prec;
        unsigned flags;
        const char *out;
    } cases[] = {
        {1.0, 'e', 3, 0, "1.000e+00"},
        {2.5, 'f', 2, FMT_DTS_SIGN, "+2.50"},
        {1.0, 'g', 3, FMT_DTS_ALT, "1.00"},
        {1e-10, 'G', 3, 0, "1E-10"},
        {NAN, 'f', 2, FMT_DTS_SIGN, "+nan"},
        {-INFINITY, 'E', 2, 0, "-INF"},
        {123.0, 'f', 0, 0, "123"},
        {123.0, 'f', 0, FMT_DTS_ALT, "123."},
        {0.5, 'f', 0, 0, "0"},      /* half to even */
        {1.5, 'f', 0, 0, "2"},
        {-0.0, 'f', 1, FMT_DTS_NO_NEG_0, "0.0"},
        {-0.0, 'r', 0, 0, "-0"},
        {1e16, 'r', 0, FMT_DTS_ADD_DOT_0, "1e+16"},
        {1e15, 'r', 0, 0, "1000000000000000"},
        {0.1, 'r', 99, FMT_DTS_ADD_DOT_0, "0.1"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        FmtBuf b = FMT_BUF_INIT;
        FmtStatus st = fmt_float_to_string(cases[i].x, cases[i].code,
                                           cases[i].prec, cases[i].flags, &b);
        ck_assert_int_eq(st, FMT_OK);
        ck_assert_msg(strcmp(str(&b), cases[i].out) == 0, "case %zu: %s", i,
                      str(&b));
        fmt_buf_free(&b);
    }
    FmtBuf b = FMT_BUF_INIT;
    ck_assert_int_eq(fmt_float_to_string(1.0, 'f', FMT_MAX_OUTPUT + 1, 0, &b),
                     FMT_EMEMORY);
    ck_assert_uint_eq(b.len, 0);
    /* A long fixed output is exact digits then zeros. */
    ck_assert_int_eq(fmt_float_to_string(0.1, 'f', 2000, 0, &b), FMT_OK);
    ck_assert_uint_eq(b.len, 2002);
    const char *digits = "0.1000000000000000055511151231257827021181583";
    ck_assert_int_eq(strncmp(b.data, digits, strlen(digits)), 0);
    ck_assert_int_eq(b.data[2001], '0');
    fmt_buf_free(&b);
}
END_TEST

START_TEST(test_int_to_base)
{
    static const struct {
        int64_t v;
        int base;
        bool prefix, upper;
        const char *out;
    } cases[] = {
        {5, 2, true, false, "0b101"},
        {-5, 2, true, false, "-0b101"},
        {8, 8, true, false, "0o10"},
        {-255, 16, true, false, "-0xff"},
        {0, 16, true, false, "0x0"},
        {255, 16, true, true, "0XFF"},
        {255, 16, false, true, "FF"},
        {255, 16, false, false, "ff"},
        {INT64_MIN, 16, true, false, "-0x8000000000000000"},
        {INT64_MIN, 8, true, false, "-0o1000000000000000000000"},
        {INT64_MIN, 10, false, false, "-9223372036854775808"},
        {INT64_MAX, 10, true, false, "9223372036854775807"},
        {1295, 36, false, false, "zz"},
        {-1295, 36, true, true, "-ZZ"},
        {48, 7, true, false, "66"},
        {0, 10, false, false, "0"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        FmtBuf b = FMT_BUF_INIT;
        fmt_int_to_base(cases[i].v, cases[i].base, cases[i].prefix,
                        cases[i].upper, &b);
        ck_assert_msg(strcmp(str(&b), cases[i].out) == 0, "case %zu: %s", i,
                      str(&b));
        fmt_buf_free(&b);
    }
    FmtBuf b = FMT_BUF_INIT;
    fmt_int_to_base(INT64_MIN, 2, true, false, &b);
    ck_assert_uint_eq(b.len, 67);
    ck_assert_int_eq(strncmp(b.data, "-0b10000", 8), 0);
    fmt_buf_clear(&b);
    fmt_int_str(-42, &b);
    fmt_int_str(7, &b);
    ck_assert_str_eq(str(&b), "-427");
    fmt_buf_free(&b);
}
END_TEST

/* ---- format specs ------------------------------------------------------ */

START_TEST(test_spec_parse_fields)
{
    FmtSpec f;
    FmtBuf err = FMT_BUF_INIT;
    ck_assert_int_eq(fmt_spec_parse(LIT("*^+z#010,.3f"), FMT_KIND_FLOAT, NULL,
                                    &f, &err), FMT_OK);
    ck_assert(!f.empty);
    ck_assert_uint_eq(f.fill, '*');
    ck_assert_int_eq(f.align, '^');
    ck_assert_int_eq(f.sign, '+');
    ck_assert(f.no_neg_zero && f.alternate);
    ck_assert_int_eq(f.width, 10); /* the '0' after a fill is a digit */
    ck_assert_int_eq(f.grouping, ',');
    ck_assert_int_eq(f.precision, 3);
    ck_assert_uint_eq(f.type, 'f');

    ck_assert_int_eq(fmt_spec_parse(LIT(""), FMT_KIND_INT, NULL, &f, &err),
                     FMT_OK);
    ck_assert(f.empty);
    ck_assert_int_eq(fmt_spec_parse(LIT("08"), FMT_KIND_INT, NULL, &f, &err),
                     FMT_OK);
    ck_assert(f.fill == '0' && f.align == '=' && f.width == 8);
    ck_assert_uint_eq(f.type, 'd');
    ck_assert_int_eq(fmt_spec_parse(LIT("08"), FMT_KIND_STR, NULL, &f, &err),
                     FMT_OK);
    ck_assert(f.fill == '0' && f.align == '<' && f.width == 8);
    ck_assert_uint_eq(f.type, 's');
    ck_assert_int_eq(fmt_spec_parse(LIT("<08"), FMT_KIND_INT, NULL, &f, &err),
                     FMT_OK);
    ck_assert(f.fill == '0' && f.align == '<');
    ck_assert_int_eq(fmt_spec_parse(LIT("\303\251>5"), FMT_KIND_FLOAT, NULL,
                                    &f, &err), FMT_OK);
    ck_assert(f.fill == 0xe9 && f.align == '>' && f.width == 5);
    ck_assert_uint_eq(f.type, 0);
    ck_assert_int_eq(f.precision, -1);
    /* Unicode digits count in widths, as in CPython. */
    ck_assert_int_eq(fmt_spec_parse(LIT("\331\243"), FMT_KIND_INT, NULL, &f,
                                    &err), FMT_OK);
    ck_assert_int_eq(f.width, 3);

    /* A failed parse leaves *out alone. */
    f.width = 1234;
    ck_assert_int_eq(fmt_spec_parse(LIT("abc"), FMT_KIND_INT, "bool", &f,
                                    &err), FMT_EVALUE);
    ck_assert_str_eq(str(&err), "Invalid format specifier 'abc' for object "
                                "of type 'bool'");
    ck_assert_int_eq(f.width, 1234);
    ck_assert_int_eq(fmt_spec_parse(LIT(".x"), FMT_KIND_INT, NULL, &f, NULL),
                     FMT_EVALUE);
    /* Long specs are fine too. */
    char *longspec = repeat("9", 40, "");
    ck_assert_int_eq(fmt_spec_parse(longspec, 40, FMT_KIND_INT, NULL, &f,
                                    &err), FMT_EVALUE);
    ck_assert_str_eq(str(&err), "Too many decimal digits in format string");
    free(longspec);
    fmt_buf_free(&err);
}
END_TEST

START_TEST(test_format_int)
{
    for (size_t i = 0; i < COUNT(int_format_cases); i++) {
        const IntFormatCase *c = &int_format_cases[i];
        FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
        FmtStatus st = fmt_format_int(c->v, c->spec, strlen(c->spec), NULL,
                                      &out, &err);
        char what[64];
        snprintf(what, sizeof what, "format(%lld, '%s')", (long long)c->v,
                 c->spec);
        check_result(st, &out, &err, c->st, c->out, what);
        fmt_buf_free(&out);
        fmt_buf_free(&err);
    }
}
END_TEST

START_TEST(test_format_float)
{
    for (size_t i = 0; i < COUNT(float_format_cases); i++) {
        const FloatFormatCase *c = &float_format_cases[i];
        FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
        FmtStatus st = fmt_format_float(c->x, c->spec, strlen(c->spec), NULL,
                                        &out, &err);
        char what[64];
        snprintf(what, sizeof what, "format(%g, '%s')", c->x, c->spec);
        check_result(st, &out, &err, c->st, c->out, what);
        fmt_buf_free(&out);
        fmt_buf_free(&err);
    }
}
END_TEST

START_TEST(test_format_str)
{
    for (size_t i = 0; i < COUNT(str_format_cases); i++) {
        const StrFormatCase *c = &str_format_cases[i];
        FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
        FmtStatus st = fmt_format_str(c->s, c->len, c->spec, strlen(c->spec),
                                      NULL, &out, &err);
        char what[64];
        snprintf(what, sizeof what, "format('%s', '%s')", c->s, c->spec);
        check_result(st, &out, &err, c->st, c->out, what);
        if (st == FMT_OK) /* outputs may hold a NUL */
            ck_assert(out.len == c->outlen &&
                      memcmp(out.data, c->out, c->outlen) == 0);
        fmt_buf_free(&out);
        fmt_buf_free(&err);
    }
}
END_TEST

START_TEST(test_format_misc)
{
    FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
    /* Results are appended; a failure leaves the output alone. */
    fmt_buf_puts(&out, "x=");
    ck_assert_int_eq(fmt_format_int(42, LIT(">5"), NULL, &out, &err), FMT_OK);
    ck_assert_int_eq(fmt_format_int(42, LIT(".2"), NULL, &out, &err),
                     FMT_EVALUE);
    ck_assert_int_eq(fmt_format_float(1.5, LIT("d"), NULL, &out, NULL),
                     FMT_EVALUE);
    ck_assert_str_eq(str(&out), "x=   42");
    /* The type name shows in messages. */
    ck_assert_int_eq(fmt_format_int(1, LIT("s"), "bool", &out, &err),
                     FMT_EVALUE);
    ck_assert_str_eq(str(&err), "Unknown format code 's' for object of type "
                                "'bool'");
    /* Widths past FMT_MAX_OUTPUT are a MemoryError. */
    ck_assert_int_eq(fmt_format_int(1, LIT("99999999999"), NULL, &out, &err),
                     FMT_EMEMORY);
    ck_assert_int_eq(fmt_format_float(1.0, LIT("99999999999"), NULL, &out,
                                      &err), FMT_EMEMORY);
    ck_assert_int_eq(fmt_format_float(1.0, LIT(".999999999f"), NULL, &out,
                                      &err), FMT_EMEMORY);
    ck_assert_int_eq(fmt_format_str(LIT("a"), LIT("99999999999"), NULL, &out,
                                    &err), FMT_EMEMORY);
    ck_assert_int_eq(fmt_format_int(65, LIT("99999999999c"), NULL, &out,
                                    &err), FMT_EMEMORY);
    ck_assert_str_eq(str(&out), "x=   42");
    /* A huge precision only truncates a str. */
    ck_assert_int_eq(fmt_format_str(LIT("abc"), LIT(".99999999999"), NULL,
                                    &out, &err), FMT_OK);
    ck_assert_str_eq(str(&out), "x=   42abc");
    /* Zero padding with separators; a separator never comes first, so
     * the result can be one longer than the width. */
    fmt_buf_clear(&out);
    ck_assert_int_eq(fmt_format_int(1, LIT("01000,"), NULL, &out, &err),
                     FMT_OK);
    ck_assert_uint_eq(out.len, 1001);
    ck_assert_int_eq(strncmp(out.data, "0,000,00", 8), 0);
    ck_assert_str_eq(out.data + 993, ",000,001");
    /* Parsed specs can be applied more than once. */
    FmtSpec spec;
    ck_assert_int_eq(fmt_spec_parse(LIT("+.1f"), FMT_KIND_FLOAT, NULL, &spec,
                                    &err), FMT_OK);
    fmt_buf_clear(&out);
    fmt_spec_float(0.25, &spec, NULL, &out, &err);
    fmt_spec_float(-1.0, &spec, NULL, &out, &err);
    ck_assert_str_eq(str(&out), "+0.2-1.0");
    ck_assert_int_eq(fmt_spec_parse(LIT(""), FMT_KIND_STR, NULL, &spec,
                                    &err), FMT_OK);
    ck_assert_int_eq(fmt_spec_str(LIT("a\0b"), &spec, NULL, &out, &err),
                     FMT_OK);
    ck_assert_uint_eq(out.len, 11);
    fmt_buf_free(&out);
    fmt_buf_free(&err);
}
END_TEST

/* ---- parsing ----------------------------------------------------------- */

START_TEST(test_parse_int)
{
    for (size_t i = 0; i < COUNT(parse_int_cases); i++) {
        const ParseIntCase *c = &parse_int_cases[i];
        FmtBuf err = FMT_BUF_INIT;
        int64_t v = 12345;
        FmtStatus st = fmt_parse_int(c->s, c->len, c->base, &v, &err);
        ck_assert_msg(st == c->st, "case %zu ('%s', %d): status %d", i, c->s,
                      c->base, st);
        if (st == FMT_OK) {
            ck_assert_msg(v == c->v, "case %zu: %lld", i, (long long)v);
        } else {
            ck_assert_int_eq(v, 12345);
            ck_assert_msg(strcmp(str(&err), c->msg) == 0, "case %zu: %s", i,
                          str(&err));
        }
        fmt_buf_free(&err);
    }
}
END_TEST

START_TEST(test_parse_int_long)
{
    FmtBuf err = FMT_BUF_INIT;
    int64_t v;
    char *s = repeat("1", 4300, "");
    ck_assert_int_eq(fmt_parse_int(s, 4300, 10, &v, &err), FMT_EOVERFLOW);
    ck_assert_str_eq(str(&err), FMT_MSG_INT_RANGE);
    free(s);
    s = repeat("1", 4301, "");
    ck_assert_int_eq(fmt_parse_int(s, 4301, 10, &v, &err), FMT_EVALUE);
    ck_assert_str_eq(str(&err),
                     "Exceeds the limit (4300 digits) for integer string "
                     "conversion: value has 4301 digits; use "
                     "sys.set_int_max_str_digits() to increase the limit");
    free(s);
    /* The limit wins over a bad character after the digits, and counts
     * zeros too, but not underscores. */
    s = repeat("0", 5000, "x");
    ck_assert_int_eq(fmt_parse_int(s, 5001, 10, &v, &err), FMT_EVALUE);
    ck_assert_ptr_nonnull(strstr(str(&err), "value has 5000 digits"));
    free(s);
    s = repeat("1_", 4300, "1");
    ck_assert_int_eq(fmt_parse_int(s, strlen(s), 10, &v, &err), FMT_EVALUE);
    ck_assert_ptr_nonnull(strstr(str(&err), "value has 4301 digits"));
    free(s);
    /* Powers of two have no limit. */
    s = repeat("0", 5000, "1f");
    ck_assert_int_eq(fmt_parse_int(s, 5002, 16, &v, &err), FMT_OK);
    ck_assert_int_eq(v, 31);
    free(s);
    /* The message quotes at most 200 characters of the repr. */
    s = repeat("a", 250, "");
    ck_assert_int_eq(fmt_parse_int(s, 250, 10, &v, &err), FMT_EVALUE);
    char *want = repeat("a", 199, "");
    ck_assert_int_eq(strncmp(str(&err), "invalid literal for int() with base "
                                        "10: 'aaa", 43), 0);
    ck_assert_str_eq(str(&err) + 41, want);
    free(want);
    free(s);
    fmt_buf_free(&err);
}
END_TEST

START_TEST(test_parse_float)
{
    for (size_t i = 0; i < COUNT(parse_float_cases); i++) {
        const ParseFloatCase *c = &parse_float_cases[i];
        FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
        double v = 42.0;
        FmtStatus st = fmt_parse_float(c->s, c->len, &v, &err);
        if (st == FMT_OK)
            fmt_float_repr(v, &out);
        else
            ck_assert(v == 42.0);
        char what[64];
        snprintf(what, sizeof what, "float('%s')", c->s);
        check_result(st, &out, &err, c->st, c->out, what);
        fmt_buf_free(&out);
        fmt_buf_free(&err);
    }
    double v;
    ck_assert_int_eq(fmt_parse_float(LIT("-0"), &v, NULL), FMT_OK);
    ck_assert(v == 0 && signbit(v));
    ck_assert_int_eq(fmt_parse_float(LIT("-nan"), &v, NULL), FMT_OK);
    ck_assert(isnan(v) && signbit(v)); /* as math.copysign(1, v) == -1.0 */
    ck_assert_int_eq(fmt_parse_float(LIT("1e-5"), &v, NULL), FMT_OK);
    ck_assert(v == 1e-5);
    char *s = repeat("0", 3000, ".5e3000");
    ck_assert_int_eq(fmt_parse_float(s, strlen(s), &v, NULL), FMT_OK);
    ck_assert(isinf(v));
    free(s);
    s = repeat("0", 3000, "1e1"); /* leading zeros are only zeros */
    ck_assert_int_eq(fmt_parse_float(s, strlen(s), &v, NULL), FMT_OK);
    ck_assert(v == 10.0);
    free(s);
    char *frac = repeat("0", 3000, "1e3002");
    s = repeat("0.", 1, frac);
    ck_assert_int_eq(fmt_parse_float(s, strlen(s), &v, NULL), FMT_OK);
    ck_assert(v == 10.0);
    free(frac);
    free(s);
}
END_TEST

/* ---- hashes ------------------------------------------------------------ */

START_TEST(test_hash_numbers)
{
    for (size_t i = 0; i < COUNT(hash_int_cases); i++)
        ck_assert_msg(fmt_hash_int(hash_int_cases[i].v) == hash_int_cases[i].h,
                      "hash(%lld)", (long long)hash_int_cases[i].v);
    for (size_t i = 0; i < COUNT(hash_float_cases); i++)
        ck_assert_msg(fmt_hash_float(hash_float_cases[i].x) ==
                          hash_float_cases[i].h,
                      "hash(%g)", hash_float_cases[i].x);
    ck_assert_int_eq(fmt_hash_float(NAN), 0);
    /* Equal numbers hash alike. */
    static const int64_t ints[] = {0, 1, -1, -2, 1000, -123456789,
                                   (int64_t)1 << 53, -((int64_t)1 << 62),
                                   INT64_MIN};
    for (size_t i = 0; i < COUNT(ints); i++)
        ck_assert_int_eq(fmt_hash_float((double)ints[i]),
                         fmt_hash_int(ints[i]));
    for (size_t i = 0; i < COUNT(hash_tuple_cases); i++)
        ck_assert_msg(fmt_hash_tuple(hash_tuple_cases[i].items,
                                     hash_tuple_cases[i].n) ==
                          hash_tuple_cases[i].h,
                      "tuple case %zu", i);
}
END_TEST

START_TEST(test_hash_str)
{
    for (size_t i = 0; i < COUNT(hash_str_cases); i++)
        ck_assert_msg(fmt_hash_str(hash_str_cases[i].s, hash_str_cases[i].len)
                          == hash_str_cases[i].h,
                      "hash of case %zu", i);
    /* Deterministic, spread, never -1. */
    ck_assert_int_eq(fmt_hash_str(LIT("abc")), fmt_hash_str(LIT("abc")));
    ck_assert_int_ne(fmt_hash_str(LIT("abc")), fmt_hash_str(LIT("abd")));
    char key[16];
    int low_bits[8] = {0};
    for (int i = 0; i < 800; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        int64_t h = fmt_hash_str(key, (size_t)n);
        ck_assert_int_ne(h, -1);
        low_bits[h & 7]++;
    }
    for (int i = 0; i < 8; i++)
        ck_assert_msg(low_bits[i] > 60, "slot %d: %d", i, low_bits[i]);
}
END_TEST

/* ---- arithmetic -------------------------------------------------------- */

START_TEST(test_int_checked)
{
    int64_t r = 99;
    ck_assert(!fmt_int_add(INT64_MAX - 1, 1, &r) && r == INT64_MAX);
    ck_assert(fmt_int_add(INT64_MAX, 1, &r) && r == INT64_MAX);
    ck_assert(fmt_int_add(INT64_MIN, -1, &r));
    ck_assert(!fmt_int_add(INT64_MIN, INT64_MAX, &r) && r == -1);
    ck_assert(!fmt_int_sub(INT64_MIN + 1, 1, &r) && r == INT64_MIN);
    ck_assert(fmt_int_sub(INT64_MIN, 1, &r));
    ck_assert(fmt_int_sub(0, INT64_MIN, &r));
    ck_assert(!fmt_int_sub(-1, INT64_MIN, &r) && r == INT64_MAX);
    ck_assert(!fmt_int_mul(-4, (int64_t)1 << 61, &r) && r == INT64_MIN);
    ck_assert(fmt_int_mul(4, (int64_t)1 << 61, &r));
    ck_assert(fmt_int_mul(INT64_MIN, -1, &r));
    ck_assert(!fmt_int_mul(INT64_MIN, 1, &r) && r == INT64_MIN);
    ck_assert(!fmt_int_mul(0, INT64_MIN, &r) && r == 0);
    ck_assert(!fmt_int_mul(-3037000499LL, 3037000499LL, &r) &&
              r == -9223372030926249001LL);
    ck_assert(fmt_int_mul(3037000500LL, 3037000500LL, &r));
    ck_assert(!fmt_int_neg(INT64_MAX, &r) && r == -INT64_MAX);
    ck_assert(fmt_int_neg(INT64_MIN, &r) && r == -INT64_MAX);
}
END_TEST

START_TEST(test_int_ops)
{
    for (size_t i = 0; i < COUNT(int_op_cases); i++) {
        const IntOpCase *c = &int_op_cases[i];
        FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
        FmtStatus st = FMT_OK;
        int64_t r = 0, r2 = 0;
        double d = 0;
        FmtNum num;
        switch (c->op) {
        case '/':
            st = fmt_int_truediv(c->a, c->b, &d, &err);
            if (!st)
                fmt_float_repr(d, &out);
            break;
        case 'f':
            st = fmt_int_floordiv(c->a, c->b, &r, &err);
            if (!st)
                fmt_int_str(r, &out);
            break;
        case '%':
            st = fmt_int_mod(c->a, c->b, &r, &err);
            if (!st)
                fmt_int_str(r, &out);
            break;
        case 'd':
            st = fmt_int_divmod(c->a, c->b, &r, &r2, &err);
            if (!st)
                fmt_buf_printf(&out, "(%lld, %lld)", (long long)r,
                               (long long)r2);
            break;
        case 'p':
            st = fmt_int_pow(c->a, c->b, &num, &err);
            if (!st && num.is_float)
                fmt_float_repr(num.f, &out);
            else if (!st)
                fmt_int_str(num.i, &out);
            break;
        case '<':
            st = fmt_int_lshift(c->a, c->b, &r, &err);
            if (!st)
                fmt_int_str(r, &out);
            break;
        default:
            st = fmt_int_rshift(c->a, c->b, &r, &err);
            if (!st)
                fmt_int_str(r, &out);
            break;
        }
        char what[80];
        snprintf(what, sizeof what, "%lld %c %lld", (long long)c->a, c->op,
                 (long long)c->b);
        check_result(st, &out, &err, c->st, c->out, what);
        fmt_buf_free(&out);
        fmt_buf_free(&err);
    }
}
END_TEST

START_TEST(test_float_ops)
{
    for (size_t i = 0; i < COUNT(float_op_cases); i++) {
        const FloatOpCase *c = &float_op_cases[i];
        FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
        FmtStatus st;
        double r = 0, r2 = 0;
        switch (c->op) {
        case '/': st = fmt_float_truediv(c->a, c->b, &r, &err); break;
        case 'f': st = fmt_float_floordiv(c->a, c->b, &r, &err); break;
        case '%': st = fmt_float_mod(c->a, c->b, &r, &err); break;
        case 'p': st = fmt_float_pow(c->a, c->b, &r, &err); break;
        default: st = fmt_float_divmod(c->a, c->b, &r, &r2, &err); break;
        }
        if (st == FMT_OK && c->op == 'd') {
            fmt_buf_putc(&out, '(');
            fmt_float_repr(r, &out);
            fmt_buf_puts(&out, ", ");
            fmt_float_repr(r2, &out);
            fmt_buf_putc(&out, ')');
        } else if (st == FMT_OK) {
            fmt_float_repr(r, &out);
        }
        char what[80];
        snprintf(what, sizeof what, "%g %c %g", c->a, c->op, c->b);
        check_result(st, &out, &err, c->st, c->out, what);
        fmt_buf_free(&out);
        fmt_buf_free(&err);
    }
}
END_TEST

START_TEST(test_float_int_conversions)
{
    for (size_t i = 0; i < COUNT(float_to_int_cases); i++) {
        const FloatToIntCase *c = &float_to_int_cases[i];
        FmtBuf err = FMT_BUF_INIT;
        int64_t v = 777;
        FmtStatus st = fmt_float_to_int(c->x, &v, &err);
        ck_assert_msg(st == c->st, "int(%g): status %d", c->x, st);
        if (st == FMT_OK)
            ck_assert_msg(v == c->v, "int(%g) == %lld", c->x, (long long)v);
        else
            ck_assert_str_eq(str(&err), c->msg);
        fmt_buf_free(&err);
    }
    for (size_t i = 0; i < COUNT(int_float_cmp_cases); i++) {
        const IntFloatCmpCase *c = &int_float_cmp_cases[i];
        ck_assert_msg(fmt_int_float_cmp(c->i, c->x) == c->cmp,
                      "cmp(%lld, %g)", (long long)c->i, c->x);
    }
}
END_TEST

static Suite *fmt_suite(void)
{
    Suite *s = suite_create("fmt");
    TCase *tc = tcase_create("buf");
    tcase_add_test(tc, test_buf_basics);
    tcase_add_test(tc, test_buf_code_points);
    tcase_add_test(tc, test_buf_growth);
    suite_add_tcase(s, tc);
    tc = tcase_create("unicode");
    tcase_add_test(tc, test_utf8_decode);
    tcase_add_test(tc, test_unicode_properties);
    suite_add_tcase(s, tc);
    tc = tcase_create("repr");
    tcase_add_test(tc, test_str_repr);
    tcase_add_test(tc, test_float_repr);
    tcase_add_test(tc, test_float_repr_round_trips);
    tcase_add_test(tc, test_float_to_string);
    tcase_add_test(tc, test_int_to_base);
    suite_add_tcase(s, tc);
    tc = tcase_create("format");
    tcase_add_test(tc, test_spec_parse_fields);
    tcase_add_test(tc, test_format_int);
    tcase_add_test(tc, test_format_float);
    tcase_add_test(tc, test_format_str);
    tcase_add_test(tc, test_format_misc);
    suite_add_tcase(s, tc);
    tc = tcase_create("parse");
    tcase_add_test(tc, test_parse_int);
    tcase_add_test(tc, test_parse_int_long);
    tcase_add_test(tc, test_parse_float);
    suite_add_tcase(s, tc);
    tc = tcase_create("hash");
    tcase_add_test(tc, test_hash_numbers);
    tcase_add_test(tc, test_hash_str);
    suite_add_tcase(s, tc);
    tc = tcase_create("arith");
    tcase_add_test(tc, test_int_checked);
    tcase_add_test(tc, test_int_ops);
    tcase_add_test(tc, test_float_ops);
    tcase_add_test(tc, test_float_int_conversions);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(fmt_suite());
    /* In one process, so valgrind and the sanitizers see every test. */
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
