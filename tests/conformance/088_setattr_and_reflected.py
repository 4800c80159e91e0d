# Checks: a class's __setattr__/__delattr__ with object.__setattr__, and a subclass's reflected operator going first.
class A:
    def __setattr__(self, name, v):
        print("setattr", name, v)
        object.__setattr__(self, name, v * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
a = A(); a.x = 1
print(a.x, hasattr(a, "x"))
a.x += 1
print(a.x)
setattr(a, "y", 5)
del a.x
print(hasattr(a, "x"), a.y)
class Base:
    def __add__(self, o): return "Base.add"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub(), Sub() + Base(), Base() + Base())
class P:
    def __setattr__(self, n, v):
        print("ignored", n)
p = P(); p.z = 3
print(hasattr(p, "z"))
