# Checks: a function's return value moves to the caller; locals are dropped when the frame ends.
import sys
def make():
    result = ['made', 'here']
    print('inside', sys.getrefcount(result))
    return result
m = make()
print('outside', sys.getrefcount(m))
def passthrough(x):
    return x
a = [0]
b = passthrough(a)
print(sys.getrefcount(a))
def many_locals(x):
    y = x
    z = [x, x]
    print('inside', sys.getrefcount(x))
    return None
many_locals(a)
print('after', sys.getrefcount(a))
def pair(x):
    return x, x
p = pair(a)
print(sys.getrefcount(a), sys.getrefcount(p))
del p
print(sys.getrefcount(a))
def build(n):
    out = []
    for i in range(n):
        out.append(a)
    return out
big = build(4)
print(sys.getrefcount(a), sys.getrefcount(big))
big = None
print(sys.getrefcount(a))
