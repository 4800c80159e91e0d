# Checks: refcounts CPython shows while print/max build argument tuples, while a dict hashes a key, through __getattr__, f(*[...]) and format().
import sys
class R:
    def __repr__(self): return str(sys.getrefcount(self))
r = R()
print(r)
print(r, r)
s = f'{r}'; print(s)
class K:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print(sys.getrefcount(self), sys.getrefcount(o)); return self.v > o.v
a = K(1); b = K(2); max(a, b)
class H:
    def __hash__(self): print(sys.getrefcount(self)); return 1
h = H(); d = {}
d[h] = 1
d2 = {h: 2}
class G:
    def __getattr__(self, n): return sys.getrefcount(self)
g = G(); x = g.foo; print(x)
def f(x, y): return sys.getrefcount(x)
a = [1]; print(f(*[a, 3]))
print(format(r), f"{r}", f"{r!r}", f"{r!r:>3}", "%s" % r)
