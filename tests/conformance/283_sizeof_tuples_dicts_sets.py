# Checks: sys.getsizeof of tuples (40 + 8 per item), dicts (64 empty, growth with string or other keys) and sets.
import sys
n = 5
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2)), sys.getsizeof((n, n, n)), sys.getsizeof(tuple(range(10))))
print(sys.getsizeof({}))
print(sys.getsizeof({'a': 1}), sys.getsizeof({1: 2}), sys.getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}))
d = {}
sizes = []
for i in range(12):
    d['key' + str(i)] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
d = {}
sizes = []
for i in range(12):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
print(sys.getsizeof(set()), sys.getsizeof({1}), sys.getsizeof({1, 2, 3, 4}), sys.getsizeof(set(range(5))))
print(sys.getsizeof(range(5)), sys.getsizeof(range(0)))
