# Checks: dict keys and values each hold a reference; overwriting a value drops the old one; keys are kept on overwrite.
import sys
k = 'key ' + str(len('abc'))
v1 = [1]
v2 = [2]
d = {}
d[k] = v1
print(sys.getrefcount(k), sys.getrefcount(v1))
d[k] = v2
print(sys.getrefcount(k), sys.getrefcount(v1), sys.getrefcount(v2))
k2 = 'key ' + str(3)
print(k2 == k, k2 is k)
d[k2] = v1
print(sys.getrefcount(k), sys.getrefcount(k2), sys.getrefcount(v1), sys.getrefcount(v2))
e = {k: v1, k2: v2}
print(sys.getrefcount(k), sys.getrefcount(k2), len(e))
del d[k]
print(sys.getrefcount(k), sys.getrefcount(v1))
f = d.copy()
print(sys.getrefcount(v2) if d else sys.getrefcount(v1))
print(list(d.items()) == [], len(f))
