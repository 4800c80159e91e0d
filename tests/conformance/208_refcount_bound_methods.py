# Checks: a bound method holds its __self__; each attribute access creates a new bound method.
import sys
class Greeter:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return 'hello ' + self.name
g = Greeter('ann')
print(sys.getrefcount(g))
m = g.hello
print(sys.getrefcount(g), sys.getrefcount(m))
m2 = g.hello
print(sys.getrefcount(g), m is m2, m == m2)
print(m(), m.__self__ is g)
del m
print(sys.getrefcount(g))
m2 = None
print(sys.getrefcount(g))
L = [1, 2]
app = L.append
print(sys.getrefcount(L))
app(3)
print(L, sys.getrefcount(L))
del app
print(sys.getrefcount(L))
methods = [g.hello, g.hello, g.hello]
print(sys.getrefcount(g))
methods.clear()
print(sys.getrefcount(g))
s = g.hello.__self__
print(sys.getrefcount(g))
