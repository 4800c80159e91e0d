# Checks: class definition, instantiation, __init__, instance attributes, type() and __name__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p.x, p.y, p.norm2())
q = Point(1, 1)
q.x = 10
print(q.x, p.x, q.norm2())
print(type(p).__name__, type(p) is Point, Point.__name__)
print(type(p))
class Empty:
    pass
e = Empty()
e.anything = 'dynamic'
print(e.anything)
p.extra = [1, 2]
print(p.extra, hasattr(q, 'extra'))
def outside(self):
    return 'attached later'
Point.later = outside
print(p.later())
