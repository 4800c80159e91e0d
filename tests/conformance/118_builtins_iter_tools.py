# Checks: enumerate (with start), zip (shortest), map (one and two iterables), filter (with None), any, all.
print(list(enumerate('abc')), list(enumerate(['x', 'y'], 1)), list(enumerate([], 5)))
for i, ch in enumerate('hi', start=10):
    print(i, ch)
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1], [2], [3])))
names = ['a', 'b']
ages = [1, 2]
print(dict(zip(names, ages)))
print(list(map(str, [1, 2])), list(map(len, ['a', 'bb'])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, '', 'x', [], [0], None])), list(filter(lambda c: c in 'aeiou', 'education')))
print(any([]), all([]), any([0, '', 1]), all([1, 'a', [0]]), all([1, 0]), any(x > 2 for x in [1, 2, 3]))
print(all(x < 10 for x in range(10)), any(x for x in []))
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m), list(m))
z = zip('ab', 'cd')
print(type(z).__name__, next(z), list(z))
e = enumerate('q')
print(type(e).__name__, next(e))
f = filter(None, [1])
print(type(f).__name__, list(f))
