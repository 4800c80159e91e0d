# Checks: sorted with key and reverse, stability, reversed on lists, tuples, strings and ranges.
print(sorted([3, 1, 2]), sorted('cba'), sorted((2.5, -1, 0)), sorted([]))
print(sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'a', 'B']))
print(sorted(['bb', 'a', 'ccc', 'dd'], key=len))
print(sorted(['bb', 'a', 'ccc', 'dd'], key=len, reverse=True))
print(sorted({'z': 1, 'a': 2}), sorted({3, 1, 2}))
recs = [('bob', 3), ('amy', 1), ('cat', 3), ('dan', 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs))
L = [5, 2, 8]
s = sorted(L)
print(L, s, s is L)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))), list(reversed(range(3))))
r = reversed([1, 2])
print(next(r), list(r), list(r))
print(sorted([1.5, 1, True, 0.5]), sorted([[2, 1], [1, 2], [1]]))
print(''.join(reversed('stressed')))
