# Checks: list methods add and drop element references: insert, pop, remove, extend, index, sort, reverse.
import sys
x = {'x': 1}
L = []
L.insert(0, x)
L.insert(0, x)
print(sys.getrefcount(x))
L.extend([x, x])
print(sys.getrefcount(x))
L.reverse()
L.sort(key=len)
print(sys.getrefcount(x))
popped = L.pop()
print(sys.getrefcount(x))
del popped
print(sys.getrefcount(x))
L.remove(x)
print(sys.getrefcount(x), L.index(x), L.count(x))
L[0] = None
print(sys.getrefcount(x))
del L[:]
print(sys.getrefcount(x), L)
