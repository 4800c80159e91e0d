/* ops: operator codes shared by the syntax tree, the bytecode and the
 * runtime (BINARY_OP's and COMPARE_OP's arguments are these). */
#ifndef MEMVIZ_OPS_H
#define MEMVIZ_OPS_H

typedef enum {
    OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_AND_BITS, OP_OR_BITS, OP_XOR, OP_MATMUL,
    OP_NEG, OP_POS, OP_INVERT, OP_NOT,
    OP_AND, OP_OR,
    OP_COUNT
} Op;

typedef enum {
    CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,
    CMP_IS, CMP_IS_NOT, CMP_IN, CMP_NOT_IN,
    CMP_COUNT
} CmpOp;

#endif
