# Checks: a parameter adds one reference while the call runs (the caller's stack slot becomes the parameter).
import sys
def f(x):
    return sys.getrefcount(x)
a = [1, 2, 3]
print(f(a))
b = a
print(f(a))
print(sys.getrefcount(a))
def g(x):
    y = x
    return sys.getrefcount(x)
print(g(a))
def outer(v):
    return inner(v)
def inner(w):
    return sys.getrefcount(w)
print(outer(a))
def two(p, q):
    return sys.getrefcount(p)
print(two(a, a))
print(f([5, 6]))
saved = []
def keep(x):
    saved.append(x)
    return sys.getrefcount(x)
print(keep(a), sys.getrefcount(a))
saved.pop()
print(sys.getrefcount(a))
