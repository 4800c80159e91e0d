# Checks: refcounts seen inside __init__ and __call__ (CPython packs the arguments into a tuple, and keywords into a dict); self.b = B(self).
import sys
class C:
    def __init__(self, x, y=None):
        print(sys.getrefcount(self), sys.getrefcount(x))
o = []
C(o)
C(x=o)
C(o, y=1)
class A:
    def __call__(self, x):
        return sys.getrefcount(self), sys.getrefcount(x)
a = A()
print(a(o), a(x=o))
class B:
    def __init__(self, parent):
        print('in B', sys.getrefcount(parent))
class P:
    def __init__(self):
        self.b = B(self)
p = P()
print(sys.getrefcount(p))
