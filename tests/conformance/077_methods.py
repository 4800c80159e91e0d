# Checks: methods, self, calling methods through the class, bound methods as values.
class Counter:
    def __init__(self, start=0):
        self.value = start
    def inc(self, by=1):
        self.value += by
        return self
    def get(self):
        return self.value
c = Counter()
c.inc().inc().inc(5)
print(c.get())
Counter.inc(c, 10)
print(c.value)
m = c.inc
m()
m(by=100)
print(c.value)
print(type(m).__name__, m.__self__ is c, m() is c)
d = Counter(7)
methods = [c.get, d.get]
print([f() for f in methods])
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        return self.items.pop()
    def __len__(self):
        return len(self.items)
s = Stack()
s.push(1)
s.push('two')
print(len(s), s.pop(), len(s))
print(c.get == c.get, c.get is c.get)
