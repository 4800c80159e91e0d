# Checks: the bare count through ctypes for object() instances (no GC head,
# unlike every other instance) next to their neighbours in the heap.
import ctypes
import sys

x = object()
y = object()
z = [y, y]
print(ctypes.c_long.from_address(id(x)).value, sys.getrefcount(x))
print(ctypes.c_long.from_address(id(y)).value, sys.getrefcount(y))


class P:
    pass


p = P()
q = object()
pair = (p, q, q)
print(ctypes.c_long.from_address(id(p)).value, ctypes.c_long.from_address(id(q)).value)
print(ctypes.c_long.from_address(id(type(q))).value > 0)
del z
print(ctypes.c_long.from_address(id(y)).value)
