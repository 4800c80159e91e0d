# A name used after it was deleted.
a = [1, 2]
del a
b = a
