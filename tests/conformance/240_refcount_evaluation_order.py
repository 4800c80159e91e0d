# Checks: operands already on the evaluation stack count: method receivers, left operands, keyword arguments, displays.
import sys
L = []
L.append(sys.getrefcount(L))
print(L)
a = [0]
r = a + [sys.getrefcount(a)]
print(r)
r = [sys.getrefcount(a)] + a
print(r)
def kw(x, y):
    return y
print(kw(x=a, y=sys.getrefcount(a)))
print(kw(a, sys.getrefcount(a)))
d = {}
d['n'] = sys.getrefcount(d)
print(d)
t = (a, (a, sys.getrefcount(a)))
print(t[1][1])
s = {sys.getrefcount(a), len(a)}
print(sorted(s))
print(a == a and sys.getrefcount(a))
c = a if sys.getrefcount(a) > 0 else None
print(sys.getrefcount(a))
x = [a, a][0] is a and sys.getrefcount(a)
print(x)
