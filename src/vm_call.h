/* vm_call: binding call arguments to a new frame's parameters. */
#ifndef MEMVIZ_VM_CALL_H
#define MEMVIZ_VM_CALL_H

#include "vm.h"

/* A frame for calling func with vectorcall arguments (nargs positional,
 * then one value per name of kwnames). With caller NULL the arguments are
 * borrowed (each is incref'd into the frame) and the frame takes its own
 * reference to func; with a caller frame, the arguments are the caller's
 * stack slots: the frame takes their references and sets each taken slot
 * to NULL, and the caller hands over func itself. NULL with TypeError when
 * the arguments do not fit the parameters. */
Frame *vm_bind_call(FuncObj *func, Obj **args, int nargs, TupleObj *kwnames, Frame *caller);

/* f(*args, **kwargs): pos is a tuple, kwargs a dict or NULL (borrowed). */
Obj *vm_call_ex(Obj *callable, Obj *pos, Obj *kwargs);

Frame *vm_frame_alloc(CodeObj *co, FuncObj *func, DictObj *globals);
const char *vm_local_name(CodeObj *co, int i);

#endif
