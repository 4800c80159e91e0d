# An error inside __init__.
class Box:
    def __init__(self, size):
        self.size = size
        self.area = size * size
b = Box(2)
c = Box('x')
