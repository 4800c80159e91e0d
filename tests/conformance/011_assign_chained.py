# Checks: chained assignment binds every target to the same object, left to right.
a = b = c = 5
print(a, b, c)
x = y = [1, 2]
x.append(3)
print(x, y, x is y)
p = q = 'same'
print(p is q)
L = [0, 0, 0]
i = L[0] = 2
print(i, L)
L = [10, 20, 30, 40]
i = 0
i = L[i] = 3
print(i, L)
d = {}
d['a'] = d['b'] = 1
print(d)
