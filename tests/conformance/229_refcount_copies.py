# Checks: shallow copies (slices, list(), copy(), [x] * n, dict.copy) add a reference to every element.
import sys
x = ['element']
L = [x, x]
print(sys.getrefcount(x))
s = L[:]
print(sys.getrefcount(x))
c = list(L)
print(sys.getrefcount(x))
cp = L.copy()
print(sys.getrefcount(x))
del s, c, cp
print(sys.getrefcount(x))
many = [x] * 5
print(sys.getrefcount(x))
many = many + many
print(sys.getrefcount(x))
many = None
t = tuple(L)
print(sys.getrefcount(x))
d = {'a': x}
d2 = d.copy()
print(sys.getrefcount(x))
rev = L[::-1]
print(sys.getrefcount(x))
