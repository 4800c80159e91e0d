# Checks: default values are stored with the function and hold a reference for as long as the function lives.
import sys
sentinel = ['default', 'list']
print(sys.getrefcount(sentinel))
def f(x=sentinel):
    return sys.getrefcount(x)
print(sys.getrefcount(sentinel))
print(f())
print(f([1]))
def g(a=sentinel, b=sentinel):
    return a is b
print(sys.getrefcount(sentinel), g())
del f
print(sys.getrefcount(sentinel))
g = None
print(sys.getrefcount(sentinel))
def make_with_default(v):
    def inner(q=v):
        return q
    return inner
h = make_with_default(sentinel)
print(sys.getrefcount(sentinel))
h = 0
print(sys.getrefcount(sentinel))
