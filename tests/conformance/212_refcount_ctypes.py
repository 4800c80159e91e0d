# Checks: ctypes.c_long.from_address(id(x)).value reads the bare reference count, without getrefcount's extra one.
import sys
import ctypes
def ref_count(address):
    return ctypes.c_long.from_address(address).value
a = [1, 2, 3]
print(ref_count(id(a)), sys.getrefcount(a))
b = a
print(ref_count(id(a)), sys.getrefcount(a))
c = [a, a]
print(ref_count(id(a)))
del b, c
print(ref_count(id(a)))
addr = id(a)
print(ref_count(addr))
d = {'k': a}
print(ref_count(addr))
x = 2.5 * len(a)
print(ref_count(id(x)))
y = x
print(ref_count(id(x)))
s = 'runtime ' + str(len(a))
print(ref_count(id(s)))
class P:
    pass
p = P()
print(ref_count(id(p)))
p.me = p
print(ref_count(id(p)))
print(ctypes.c_ssize_t.from_address(id(a)).value, ctypes.c_int.from_address(id(a)).value)
