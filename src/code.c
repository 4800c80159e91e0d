/* code: opcode names, for traces and disassembly in tests. */
#include "code.h"

/* ORDER OPCODE */
static const char *const op_names[OPC_COUNT] = {
#define OPC_NAME(n) #n,
    OPCODES(OPC_NAME)
#undef OPC_NAME
};

const char *op_name(int op) { return op >= 0 && op < OPC_COUNT ? op_names[op] : "?"; }
