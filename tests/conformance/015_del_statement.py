# Checks: del of names, attributes, subscripts, slices and several targets at once.
a = 1
b = 2
c = 3
del a
try:
    print(a)
except NameError as e:
    print('NameError', e)
del b, c
try:
    print(b)
except NameError as e:
    print('NameError', e)
L = [0, 1, 2, 3, 4, 5]
del L[0]
print(L)
del L[-1]
print(L)
del L[1:3]
print(L)
L = list(range(10))
del L[::3]
print(L)
d = {'x': 1, 'y': 2, 'z': 3}
del d['y']
print(d)
class P:
    pass
p = P()
p.u = 1
p.v = 2
del p.u
print(hasattr(p, 'u'), hasattr(p, 'v'))
x = [1, 2]
y = {'k': 0}
del x[0], y['k']
print(x, y)
