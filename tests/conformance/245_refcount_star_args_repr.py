# Checks: f(*args) passes the tuple itself, f(**kw) unpacks a copy; list repr takes no reference; an uncaught exception prints str(e).
import sys
def f(x): return sys.getrefcount(x)
o = []; args = (o,); kw = {"x": o}
print(f(*args)); print(f(**kw))
L = [o]
print(f(*L), f(*args, **{}))
class E(Exception):
    def __str__(self):
        return "custom"
class R:
    def __repr__(self):
        return str(sys.getrefcount(self))
r = R()
print(repr([r]), [[r]])
try:
    raise E("x")
except E as e:
    print(e, repr(e))
