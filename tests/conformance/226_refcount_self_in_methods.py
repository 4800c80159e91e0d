# Checks: references to an instance while its method runs, called directly or through a stored bound method.
import sys
class Widget:
    def count_self(self):
        return sys.getrefcount(self)
    def nested(self):
        return self.count_self()
w = Widget()
print(sys.getrefcount(w))
print(w.count_self())
print(w.nested())
m = w.count_self
print(m())
print(Widget.count_self(w))
del m
print(sys.getrefcount(w))
items = [w, w]
print(w.count_self(), items[0].count_self())
