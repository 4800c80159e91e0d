# Checks: simple name assignment, rebinding and reading names of every basic type.
a = 1
b = 2.5
c = 'text'
d = None
e = True
f = [1, 2]
g = (3, 4)
h = {'k': 5}
print(a, b, c, d, e, f, g, h)
a = 'now a string'
print(a)
b = a
print(b)
x = 10
y = x
x = 20
print(x, y)
_private = 7
camelCase = 8
name_with_digits2 = 9
print(_private, camelCase, name_with_digits2)
