# Checks: getattr with and without default, setattr, hasattr, delattr on instances and classes.
class Obj:
    cls_attr = 'class level'
o = Obj()
setattr(o, 'color', 'red')
print(o.color, getattr(o, 'color'), getattr(o, 'size', 'no size'))
print(hasattr(o, 'color'), hasattr(o, 'size'), hasattr(o, 'cls_attr'))
delattr(o, 'color')
print(hasattr(o, 'color'))
try:
    getattr(o, 'missing')
except AttributeError as e:
    print('AttributeError', e)
try:
    delattr(o, 'missing')
except AttributeError as e:
    print('AttributeError', e)
for name in ['a', 'b', 'c']:
    setattr(o, name, name * 2)
print(o.a, o.b, o.c)
setattr(Obj, 'added', 5)
print(o.added, getattr(Obj, 'cls_attr'))
print(getattr([1, 2], 'append') is not None, hasattr('s', 'upper'), hasattr(1, 'nothing'))
print(getattr(o, 'a', None), getattr(o, 'zz', None))
