# Checks: refcounts of user exception classes and their subclasses; ctypes reads a type's address one word past an object.
import sys
class E(Exception): pass
print(sys.getrefcount(E))
class F(E): pass
print(sys.getrefcount(E), sys.getrefcount(F))
class L(ValueError): pass
print(sys.getrefcount(L))
e = E()
print(sys.getrefcount(E))
import ctypes
class A: pass
a = A()
L = [1, 2]
f = 2.5 * len(L)
for o in (a, L, f):
    print(ctypes.c_long.from_address(id(o) + 8).value == id(type(o)))
