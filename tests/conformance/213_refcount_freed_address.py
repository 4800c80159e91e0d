# Checks: the count read at a freed object's address is 0; the address is then reused by the next list.
import ctypes
import gc
gc.disable()
def ref_count(address):
    return ctypes.c_long.from_address(address).value
a = [1, 2, 3]
addr = id(a)
print(ref_count(addr))
del a
print(ref_count(addr) == 0)
b = [4, 5, 6]
print(id(b) == addr, ref_count(addr))
c = b
print(ref_count(addr))
del b
del c
print(ref_count(addr))
f = 1.25 * len([0, 0])
faddr = id(f)
print(ref_count(faddr))
f = None
print(ref_count(faddr))
g = 3.5 * len([0])
print(id(g) == faddr, ref_count(faddr))
