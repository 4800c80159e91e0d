# Checks: object() instances, id() equality for aliases, id() difference for distinct live objects.
o = object()
p = object()
print(type(o).__name__, o is p, o == p, o == o, isinstance(o, object))
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
print(type(id(a)).__name__, id(a) > 0, id(a) % 8 == 0)
x = 'some words'
y = x
print(id(x) == id(y), hex(id(x)) == hex(id(y)))
try:
    o.attr = 1
except AttributeError as e:
    print('AttributeError', e)
class Sub(object):
    pass
print(isinstance(Sub(), object), type(Sub()).__name__)
