# Checks: a __repr__ returning a non-string, through str() and repr(); recursion through __init__ and plain recursion.
class R:
    def __repr__(self): return 5
try:
    print(R())
except TypeError as e:
    print(e)
try:
    repr(R())
except TypeError as e:
    print(e)
class N:
    def __init__(self, n):
        self.child = N(n + 1)
try:
    N(0)
except RecursionError as e:
    print(e)
def f(): return f()
try:
    f()
except RecursionError as e:
    print(e)
