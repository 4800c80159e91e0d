# Checks: def, call, return values, implicit None, multiple return values, functions as values.
def add(a, b):
    return a + b
def greet(name):
    print('hi', name)
def nothing():
    return
def pair():
    return 1, 2
print(add(2, 3), add('a', 'b'), add([1], [2]))
r = greet('bob')
print(r, nothing())
x, y = pair()
print(x, y, pair())
f = add
print(f(10, 20), f is add)
def apply(fn, v):
    return fn(v)
def double(n):
    return n * 2
print(apply(double, 21), apply(str, 5))
def early(n):
    if n > 0:
        return 'positive'
    print('fell through')
print(early(1), early(-1))
def compose(f, g):
    return lambda x: f(g(x))
print(compose(double, len)('four'))
print(add.__name__, type(add).__name__)
