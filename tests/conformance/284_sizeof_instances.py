# Checks: sys.getsizeof of instances of user classes is 56 whatever their attributes; exceptions and objects.
import sys
class Empty:
    pass
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
e = Empty()
p = Point(1, 2)
print(sys.getsizeof(e), sys.getsizeof(p))
p.z = [0] * 100
print(sys.getsizeof(p))
class Child(Point):
    pass
print(sys.getsizeof(Child(3, 4)))
print(sys.getsizeof(object()))
L = [Point(i, i) for i in range(3)]
print(sys.getsizeof(L), sum(sys.getsizeof(q) for q in L))
