# Checks: tuple/list unpacking, swapping, nested unpacking and unpacking from any iterable.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
print(c, d)
[e, f] = (5, 6)
print(e, f)
x, (y, z) = 1, (2, 3)
print(x, y, z)
p, q, r = 'abc'
print(p, q, r)
m, n = range(2)
print(m, n)
k, v = ('key', 'val')
print(k, v)
for i, (j, w) in enumerate([(10, 'ten'), (20, 'twenty')]):
    print(i, j, w)
a = b, c = 7, 8
print(a, b, c)
L = [1, 2, 3]
L[0], L[2] = L[2], L[0]
print(L)
t = 1,
print(t)
