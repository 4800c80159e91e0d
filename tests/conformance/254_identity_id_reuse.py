# Checks: after an object is freed, a new object of the same type may reuse its address, so equal ids do not mean the same object over time.
import gc
gc.disable()
a = [1, 2]
old = id(a)
del a
b = [3, 4]
print(id(b) == old)
d1 = {'k': 'v'}
old_d = id(d1)
d1 = None
d2 = {'other': 'dict'}
print(id(d2) == old_d)
x = 2.5 * len(b)
old_f = id(x)
del x
y = 1.5 * len(b)
print(id(y) == old_f, y)
print(id([]) == id([]))
keep1 = []
keep2 = []
print(id(keep1) == id(keep2))
