# Checks: arguments already evaluated for a pending call stay referenced on the evaluation stack.
import sys
p = [1]
q = [2]
print(sys.getrefcount(p))
print(p, q, sys.getrefcount(p))
print(p, p, sys.getrefcount(p))
print(sys.getrefcount(p), p)
print(sys.getrefcount(q), q, sys.getrefcount(q))
L = [p, sys.getrefcount(p)]
print(L)
del L
t = (p, q, sys.getrefcount(q))
print(t[2])
del t
d = {'a': p, 'n': sys.getrefcount(p)}
print(d['n'])
del d
def show(*args):
    return args[-1]
print(show(p, p, p, sys.getrefcount(p)))
print(sys.getrefcount(p))
