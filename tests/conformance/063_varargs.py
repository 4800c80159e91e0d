# Checks: *args collects extra positional arguments into a tuple.
def total(*args):
    print(type(args).__name__, args)
    return sum(args)
print(total())
print(total(1))
print(total(1, 2, 3))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def with_default(a, b=10, *more):
    return a, b, more
print(with_default(1), with_default(1, 2), with_default(1, 2, 3, 4))
def kwonly(*args, sep='-'):
    return sep.join(args)
print(kwonly('a', 'b', 'c'), kwonly('a', 'b', sep='+'))
def count_args(*a):
    return len(a)
print(count_args(1, 2, 3, 4, 5))
