# Checks: swapping and unpacking rebind names without leaking references.
import sys
a = ['a list']
b = {'a': 'dict'}
a, b = b, a
print(sys.getrefcount(a), sys.getrefcount(b))
x, y = a, a
print(sys.getrefcount(a))
x, y = y, x
print(sys.getrefcount(a))
del x, y
print(sys.getrefcount(a))
pair = (a, b)
p, q = pair
print(sys.getrefcount(a), sys.getrefcount(pair))
first, (second, third) = b, (a, a)
print(sys.getrefcount(a), sys.getrefcount(b))
for u, v in [(a, b)]:
    pass
print(sys.getrefcount(a), sys.getrefcount(b))
