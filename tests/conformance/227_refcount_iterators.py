# Checks: an iterator holds its container until it is exhausted, then lets it go.
import sys
L = [[1], [2]]
print(sys.getrefcount(L))
it = iter(L)
print(sys.getrefcount(L))
first = next(it)
print(sys.getrefcount(L), sys.getrefcount(first))
second = next(it)
print(sys.getrefcount(L))
print(next(it, 'done'))
print(sys.getrefcount(L))
it2 = iter(L)
del it2
print(sys.getrefcount(L))
t = (L, L)
ti = iter(t)
print(sys.getrefcount(t))
for x in ti:
    pass
print(sys.getrefcount(t))
d = {'a': L}
di = iter(d)
print(sys.getrefcount(d))
del di
r = reversed(L)
print(sys.getrefcount(L))
print(list(r), sys.getrefcount(L))
