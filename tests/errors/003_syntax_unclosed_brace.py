# A dict display that is never closed.
d = {'a': 1, 'b': 2
print(d)
