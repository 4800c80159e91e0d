# Checks: next() on exhausted iterators raises StopIteration; next with a default; iter over several types.
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(str(e)), type(e).__name__)
print(next(it, 'default'))
s = iter('ab')
print(next(s), next(s), next(s, None))
r = iter(range(3))
print(next(r), list(r), list(r))
d = iter({'k1': 1, 'k2': 2})
print(next(d), next(d))
e = iter(())
try:
    next(e)
except StopIteration:
    print('empty tuple iterator exhausted')
try:
    next([1, 2])
except TypeError as err:
    print('TypeError', err)
it2 = iter([10, 20, 30])
for v in it2:
    print('loop', v)
    if v == 10:
        print('skip', next(it2))
