# Checks: a global or builtin name read in a loop sees every rebinding,
# shadowing and deletion between reads; class attributes and methods read
# through instances see changes to the class and to its bases, including a
# __setattr__ added after instances exist.
def count(xs):
    return len(xs)


def total():
    return base + 1


base = 10
print(count([1, 2, 3]), total())
len = lambda xs: -1
print(count([1, 2, 3]))
del len
print(count([1, 2]))
base = 20
print(total())
for k in range(3):
    base = k * 100
    print(total(), end=' ')
print()
globals_before = count
count = total
print(count())


class Base:
    kind = 'base'

    def hello(self):
        return 'Base.hello'


class Child(Base):
    pass


c = Child()
for step in range(2):
    print(c.kind, c.hello())
Child.kind = 'child'
print(c.kind, Base.kind)
del Child.kind
print(c.kind)
Base.hello = lambda self: 'patched'
print(c.hello())
Child.hello = lambda self: 'child patched'
print(c.hello(), Base().hello())
del Child.hello
print(c.hello())
c.x = 1


def loud(self, name, value):
    print('set', name, value)
    object.__setattr__(self, name, value)


Base.__setattr__ = loud
c.y = 2
del Base.__setattr__
c.z = 3
print(c.x, c.y, c.z)
try:
    del Base.hello
    print(c.hello())
except AttributeError as e:
    print('AttributeError:', e)
for round in range(3):
    if round == 1:
        len = lambda xs: 'shadowed'
    if round == 2:
        del len
    print(round, len('abc'), base)
    base = base + 1
