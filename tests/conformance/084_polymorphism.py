# Checks: methods resolved on the runtime class, base methods calling overridden methods, class attribute lookup through the chain.
class Shape:
    name = 'shape'
    def area(self):
        return 0
    def describe(self):
        return self.name + ' with area ' + str(self.area())
class Square(Shape):
    name = 'square'
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Circle(Shape):
    name = 'circle'
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3 * self.r * self.r
class Unit(Square):
    def __init__(self):
        super().__init__(1)
shapes = [Shape(), Square(3), Circle(2), Unit()]
for s in shapes:
    print(s.describe())
print(sum(s.area() for s in shapes))
print([type(s).__name__ for s in shapes])
print([isinstance(s, Square) for s in shapes])
