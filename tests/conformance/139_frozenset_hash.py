# Checks: frozensets hash as CPython's (order-independent) and work as dict keys and set members.
print(hash(frozenset()), hash(frozenset({1,2,3})), hash(frozenset({-1, 2**70, 3.5})))
d = {frozenset({1,2}): "a"}
print(d[frozenset({2,1})])
s = {frozenset({1}), frozenset({1}), frozenset()}
print(len(s), frozenset({1, 2}) in s)
