# Checks: import m, import m as n, from m import x, and that they name the same module objects.
import sys
import gc as g
import sys as system
from sys import getrefcount
from sys import getsizeof, intern
import ctypes
g.disable()
print(type(sys).__name__, type(g).__name__, type(ctypes).__name__)
print(sys is system, getrefcount is sys.getrefcount, getsizeof is sys.getsizeof)
print(sys.__name__, g.__name__, system.__name__)
data = [1, 2, 3]
print(getrefcount(data), sys.getrefcount(data), system.getrefcount(data))
print(getsizeof(data) == sys.getsizeof(data))
s = intern('interned string!')
print(s == 'interned string!', intern(s) is s)
def inside():
    import sys as inner_sys
    return inner_sys is sys
print(inside())
print(ctypes.c_long.__name__)
