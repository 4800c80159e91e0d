# Checks: list, tuple, dict, set constructors from various iterables.
print(list(), list('abc'), list((1, 2)), list(range(3)), list({'a': 1, 'b': 2}))
print(tuple(), tuple([1, 2]), tuple('xy'), tuple(range(2)))
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}))
print(dict([(1, 'one')], two=2), dict(zip('ab', [1, 2])))
print(set(), set([3, 1, 2, 1]), set((5, 5)), set(range(4)), sorted(set('banana')))
a = [1, 2]
b = list(a)
print(a == b, a is b)
d = {'k': [1]}
e = dict(d)
print(e == d, e is d, e['k'] is d['k'])
print(list(list(list('ab'))), tuple(list((1, 2))))
print(len(set([1, 1.0, True])), set([0, False]))
print(dict(zip(['a', 'b'], [0, 0])))
