# Checks: a literal inside a function is one constant of the function's code: every call returns the same object.
import sys
def label():
    return 'a label, constant'
a = label()
print(sys.getrefcount(a))
b = label()
print(sys.getrefcount(a), a is b)
def fresh():
    return ['a', 'new', 'list']
c = fresh()
d = fresh()
print(sys.getrefcount(c), c is d, c == d)
def ratio():
    return 0.75
r1 = ratio()
r2 = ratio()
print(sys.getrefcount(r1), r1 is r2)
def computed(v):
    return v * 0.5
k1 = computed(3)
k2 = computed(3)
print(sys.getrefcount(k1), k1 is k2, k1 == k2)
