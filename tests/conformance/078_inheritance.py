# Checks: single inheritance, method overriding, inherited attributes, calling the base method.
class Animal:
    sound = 'generic'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' says ' + self.sound
    def kind(self):
        return 'animal'
class Cat(Animal):
    sound = 'meow'
    def kind(self):
        return 'cat, an ' + Animal.kind(self)
class Kitten(Cat):
    def speak(self):
        return Cat.speak(self) + ' (softly)'
a = Animal('thing')
c = Cat('tom')
k = Kitten('kit')
print(a.speak())
print(c.speak(), '|', c.kind())
print(k.speak(), '|', k.kind())
print(type(k).__name__, isinstance(k, Cat), isinstance(k, Animal), isinstance(c, Kitten))
class Base:
    pass
class Derived(Base):
    pass
print(isinstance(Derived(), Base), isinstance(Base(), Derived))
print(Kitten.sound, Animal.sound)
Animal.kind = lambda self: 'patched'
print(a.kind(), c.kind())
