# Checks: each extra name bound to an object adds one reference; del and rebinding remove it.
import sys
a = [1, 2, 3]
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
c = b
print(sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c))
del b
print(sys.getrefcount(a))
c = None
print(sys.getrefcount(a))
x = y = z = {'shared': True}
print(sys.getrefcount(x))
y = 'rebound'
print(sys.getrefcount(x))
del z
print(sys.getrefcount(x))
p = [0]
q = p
p = [0]
print(sys.getrefcount(p), sys.getrefcount(q))
