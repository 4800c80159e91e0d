# Checks: references held while a comprehension runs: the iterator over the source and the loop variable.
import sys
L = [[1], [2], [3]]
print([sys.getrefcount(x) for x in L])
print([sys.getrefcount(L) for x in L])
print([sys.getrefcount(L) for i in range(2)])
pairs = [(x, sys.getrefcount(x)) for x in L]
print([p[1] for p in pairs])
del pairs
copy = [x for x in L]
print(sys.getrefcount(L[0]))
del copy
d = {i: L[i] for i in range(3)}
print(sys.getrefcount(L[0]))
s = {id(x) for x in L}
print(len(s), sys.getrefcount(L[0]))
print(sum(sys.getrefcount(x) for x in L))
print(sys.getrefcount(L))
