# Checks: class attributes shared by instances, shadowing by instance attributes, mutation through the class.
class Dog:
    species = 'canine'
    tricks = []
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def add_trick(self, t):
        self.tricks.append(t)
a = Dog('rex')
b = Dog('fido')
print(a.species, b.species, Dog.species, Dog.count)
a.species = 'wolf'
print(a.species, b.species, Dog.species)
Dog.species = 'dog'
print(a.species, b.species)
a.add_trick('sit')
b.add_trick('roll')
print(a.tricks, b.tricks, a.tricks is Dog.tricks)
del a.species
print(a.species)
class Config:
    debug = False
    level = 1 + 2
    names = ['x' + str(i) for i in range(3)]
print(Config.debug, Config.level, Config.names)
c = Config()
c.level += 1
print(c.level, Config.level)
