# Checks: lambda expressions with defaults, closures, used as sort keys and with map/filter.
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda a, b=2: a + b)(1))
words = ['banana', 'Apple', 'cherry', 'date']
print(sorted(words, key=lambda w: len(w)))
print(sorted(words, key=lambda w: w.lower()))
print(list(map(lambda v: v + 1, [1, 2, 3])))
print(list(filter(lambda v: v % 2 == 0, range(10))))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
print(sq.__name__, type(sq).__name__)
pairs = [(1, 'b'), (2, 'a'), (0, 'c')]
pairs.sort(key=lambda p: p[1])
print(pairs)
print((lambda *a, **k: (a, k))(1, 2, z=3))
