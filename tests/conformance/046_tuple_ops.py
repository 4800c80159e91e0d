# Checks: tuple creation, single-element tuples, concatenation, indexing, immutability and nested mutables.
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t))
print((), (1,), 1, (1), tuple(), type((1,)).__name__, type((1)).__name__)
u = t + (4, 5)
print(u, t * 2, (0,) * 3)
p = 1, 'two', 3.0
print(p)
try:
    t[0] = 9
except TypeError as e:
    print('TypeError', e)
holder = ([1], [2])
holder[0].append(10)
print(holder)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1,) + () == (1,))
print(len(t + t))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
a, b, c = t
print(a + b + c)
print(tuple('hi'), tuple([1, [2]]), tuple(range(3)))
