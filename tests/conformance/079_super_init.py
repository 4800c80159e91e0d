# Checks: super().__init__(...) chains through several levels of single inheritance.
class Shape:
    def __init__(self, name):
        print('Shape init', name)
        self.name = name
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__('rect')
        print('Rect init')
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        print('Square init')
s = Square(3)
print(s.name, s.w, s.h, s.area())
class NoInit(Rect):
    pass
n = NoInit(2, 5)
print(n.area(), n.name)
class Error2(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise Error2('bad thing', 42)
except Error2 as e:
    print(str(e), e.code, type(e).__name__)
