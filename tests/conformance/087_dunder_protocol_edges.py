# Checks: reflected operators only for differing types, __hash__ = None, iter() checks __iter__'s result, item deletion messages, 'in' folding only at the end of a chain.
class A:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "radd"
class H:
    __hash__ = None
class B:
    def __iter__(self): return 5
for stmt in ['A() + A()', 'hash(H())', 'iter(B())', 'del None[1]', 'del (1,2)[0]']:
    try:
        print(eval(stmt) if False else None)
    except Exception as e:
        print(type(e).__name__, e)
try:
    A() + A()
except TypeError as e:
    print(e)
try:
    hash(H())
except TypeError as e:
    print(e)
try:
    iter(B())
except TypeError as e:
    print(e)
print(5 in [5] in [[5]], 1 in [1] == [1])
x = 1
print(x in [1, 2] < [1, 3], x in [1, 2])
