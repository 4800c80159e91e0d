# Checks: *args builds a tuple holding each extra argument; **kwargs builds a dict holding each value.
import sys
def count_first(*args):
    return sys.getrefcount(args[0])
def count_args_tuple(*args):
    return sys.getrefcount(args)
a = [1]
print(count_first(a))
print(count_first(a, a, a))
print(count_args_tuple(a))
def kw(**kwargs):
    return sys.getrefcount(kwargs['x'])
print(kw(x=a))
print(kw(x=a, y=a))
def mixed(p, *rest, **named):
    return sys.getrefcount(p), sys.getrefcount(rest[0]), sys.getrefcount(named['k'])
print(mixed(a, a, k=a))
def keep(*args):
    return args
held = keep(a, a)
print(sys.getrefcount(a), sys.getrefcount(held))
del held
print(sys.getrefcount(a))
def pos(x, y):
    return sys.getrefcount(x)
print(pos(a, a), pos(x=a, y=a))
