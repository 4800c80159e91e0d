# Checks: set.add, discard, remove, pop, clear; set equality, membership, len and set displays of ints.
s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s), len(s))
s.discard(10)
s.discard(3)
print(sorted(s))
s.remove(4)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
t = {5}
print(t.pop(), t)
try:
    t.pop()
except KeyError as e:
    print('KeyError', e)
u = {1, 2, 3}
u.clear()
print(u, set() == u)
print({1, 2} == {2, 1}, {1} == {1.0}, len({1, 1, 1}))
print({1, 2, 3}, {10, 5, 1}, {-1, 0})
e = set()
for w in [5, 3, 5, 1]:
    e.add(w)
print(e)
