# Checks: lambdas capture enclosing variables in cells like def does; the cell keeps the object alive.
import sys
def make(obj):
    return lambda: obj
item = ['captured']
f = make(item)
print(sys.getrefcount(item), f() is item)
g = make(item)
print(sys.getrefcount(item))
del f, g
print(sys.getrefcount(item))
def make_many(obj):
    return [lambda: obj, lambda: obj]
fs = make_many(item)
print(sys.getrefcount(item))
fs = None
print(sys.getrefcount(item))
h = lambda x=item: x
print(sys.getrefcount(item))
