# Checks: a for loop's iterator holds the iterated container until the loop ends; the loop variable holds the item.
import sys
a = [10.5, 20.5]
L = [a, [3], [4]]
for x in L:
    print(sys.getrefcount(L), sys.getrefcount(x))
print(sys.getrefcount(L))
print(sys.getrefcount(x))
for x in [a]:
    print(sys.getrefcount(a))
print(sys.getrefcount(a))
del x
print(sys.getrefcount(a))
t = (a, a)
for item in t:
    print(sys.getrefcount(t), sys.getrefcount(item))
print(sys.getrefcount(t))
for i in range(2):
    print(sys.getrefcount(a))
d = {'k': a}
for key in d:
    print(sys.getrefcount(d), sys.getrefcount(d[key]))
for v in L:
    break
print(sys.getrefcount(L), sys.getrefcount(v))
