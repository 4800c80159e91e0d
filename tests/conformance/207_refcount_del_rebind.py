# Checks: del and rebinding drop references; the last reference frees the object and its contents.
import sys
inner = ['inner', 'list']
outer = [inner]
print(sys.getrefcount(inner))
del outer
print(sys.getrefcount(inner))
outer = [inner]
outer = 'something else'
print(sys.getrefcount(inner))
holder = {'slot': inner}
holder['slot'] = None
print(sys.getrefcount(inner))
holder['slot'] = inner
del holder['slot']
print(sys.getrefcount(inner))
a = b = inner
del a
b = 0
print(sys.getrefcount(inner))
chain = [[[inner]]]
print(sys.getrefcount(inner))
chain[0][0] = []
print(sys.getrefcount(inner))
t = (inner, 1.5)
L = [t]
print(sys.getrefcount(inner), sys.getrefcount(t))
L.pop()
print(sys.getrefcount(t))
t = None
print(sys.getrefcount(inner))
