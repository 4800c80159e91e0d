/* code: the bytecode and code objects. The instruction set follows
 * CPython 3.11's stack effects closely (LOAD_METHOD/PUSH_NULL + CALL,
 * BUILD_LIST 0 + LIST_EXTEND for constant displays...), so that the value
 * stack holds references exactly when CPython's does. */
#ifndef MEMVIZ_CODE_H
#define MEMVIZ_CODE_H

#include <stdint.h>

#include "obj.h"

/* ORDER OPCODE: keep op_names in code.c in step. */
#define OPCODES(X)                                                         \
    X(NOP) X(POP_TOP) X(COPY) X(SWAP) X(PUSH_NULL)                         \
    X(LOAD_CONST) X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME)                \
    X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL)                        \
    X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST)                              \
    X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE)           \
    X(LOAD_CLASSDEREF)                                                     \
    X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD)               \
    X(KW_NAMES) X(CALL) X(CALL_EX)                                         \
    X(BINARY_OP) X(UNARY_OP) X(COMPARE_OP) X(IS_OP) X(CONTAINS_OP)         \
    X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE)       \
    X(BUILD_LIST) X(BUILD_TUPLE) X(BUILD_SET) X(BUILD_MAP)                 \
    X(BUILD_CONST_KEY_MAP) X(BUILD_STRING)                                 \
    X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE)      \
    X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE)                          \
    X(FORMAT_VALUE)                                                        \
    X(JUMP) X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE)                       \
    X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP)                         \
    X(GET_ITER) X(FOR_ITER)                                                \
    X(RETURN_VALUE) X(YIELD_VALUE) X(MAKE_FUNCTION) X(BUILD_CLASS)         \
    X(UNPACK_SEQUENCE) X(UNPACK_EX)                                        \
    X(RAISE) X(SETUP_EXCEPT) X(SETUP_CLEANUP) X(POP_BLOCK)                 \
    X(PUSH_EXC_INFO) X(POP_EXCEPT) X(CHECK_EXC_MATCH) X(RERAISE)           \
    X(POP_EXCEPT_AND_RERAISE)                                              \
    X(IMPORT_NAME) X(IMPORT_FROM) X(LOAD_ASSERTION_ERROR)

typedef enum {
#define OPC_ENUM(n) OPC_##n,
    OPCODES(OPC_ENUM)
#undef OPC_ENUM
    OPC_COUNT
} Opcode;

/* MAKE_FUNCTION flags, as CPython's */
enum { MF_DEFAULTS = 1, MF_KWDEFAULTS = 2, MF_CLOSURE = 8 };
/* code flags */
enum { CO_VARARGS = 4, CO_VARKEYWORDS = 8, CO_GENERATOR = 32, CO_CLASSBODY = 1024 };
/* FORMAT_VALUE arg: conversion in the low 2 bits, 4 when a spec is on the stack */
enum { FV_NONE = 0, FV_STR = 1, FV_REPR = 2, FV_ASCII = 3, FV_HAS_SPEC = 4 };

typedef struct {
    uint8_t op;
    int32_t arg;
    int32_t line;
    int32_t col;
} Instr;

/* LOAD_GLOBAL's inline cache, one per name: where the name was found,
 * valid while neither namespace has changed its keys (CPython 3.11
 * specializes LOAD_GLOBAL the same way). */
typedef struct {
    const void *globals;       /* the namespace the entry was made for */
    uint64_t gversion, bversion;
    int64_t gix, bix;          /* entry in globals, else (gix < 0) in builtins */
} GlobalCache;

struct CodeObj {
    Obj h;
    Instr *code;
    int ncode;
    Obj **consts;          /* owned: each holds one reference */
    int nconsts;
    const char **names;    /* attribute/global names (ev_intern'ed) */
    StrObj **name_objs;    /* the same as shared str objects */
    int nnames;
    GlobalCache *gcache;   /* per name, made on the first LOAD_GLOBAL */
    Frame *spare_frame;    /* host memory of this code's last frame, kept for its next call */
    const char **varnames; /* locals: parameters first (ev_intern'ed) */
    int nlocals;
    const char **cellnames;/* cells created by this code (a parameter may be one) */
    int *cell2arg;         /* per cell: the parameter it starts from, or -1 */
    int ncells;
    const char **freenames;/* taken from the function's closure */
    int nfree;
    int argcount, kwonlyargcount;
    int flags;
    int stacksize, maxblocks;
    int firstline;
    const char *name;      /* ev_intern'ed */
    const char *qualname;  /* ev_intern'ed */
    const char *filename;  /* ev_intern'ed */
};

const char *op_name(int op);

#endif
