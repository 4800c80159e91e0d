# Checks: dict and set methods add and drop references: setdefault, update, pop, get, add, discard, clear.
import sys
v = ['value']
k = ('runtime', len(v))
d = {}
d.setdefault(k, v)
print(sys.getrefcount(k), sys.getrefcount(v))
d.setdefault(k, [])
print(sys.getrefcount(v))
got = d.get(k)
print(sys.getrefcount(v))
del got
d.update({'other': v})
print(sys.getrefcount(v))
out = d.pop(k)
print(sys.getrefcount(k), sys.getrefcount(v))
del out
d.clear()
print(sys.getrefcount(v))
s = set()
s.add(k)
s.add(k)
print(sys.getrefcount(k))
s.discard(k)
print(sys.getrefcount(k))
s.add(k)
s.clear()
print(sys.getrefcount(k))
