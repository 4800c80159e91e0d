# Checks: each slot of a list, tuple, dict (key and value) and set holds one reference.
import sys
x = [0]
print(sys.getrefcount(x))
L = [x, x, x]
print(sys.getrefcount(x))
t = (x, x)
print(sys.getrefcount(x))
d = {'one': x, 'two': x}
print(sys.getrefcount(x))
del L, t, d
print(sys.getrefcount(x))
key = (1, 'two words', len(x))
d = {key: 'v'}
print(sys.getrefcount(key))
s = {key}
print(sys.getrefcount(key))
s.discard(key)
print(sys.getrefcount(key))
d.pop(key)
print(sys.getrefcount(key))
L = []
for i in range(5):
    L.append(x)
print(sys.getrefcount(x))
L.pop()
L.remove(x)
print(sys.getrefcount(x))
L.clear()
print(sys.getrefcount(x))
nested = [[x], [[x]]]
print(sys.getrefcount(x))
nested[1] = None
print(sys.getrefcount(x))
