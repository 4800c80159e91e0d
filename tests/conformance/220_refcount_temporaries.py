# Checks: temporaries on the evaluation stack: results of expressions, subscripts and attributes passed to getrefcount.
import sys
a = [10.5, [1]]
print(sys.getrefcount(a[1]))
print(sys.getrefcount(a[0]))
print(sys.getrefcount(a + a))
print(sys.getrefcount(a[:]))
print(sys.getrefcount([a, a]), sys.getrefcount(a))
class C:
    pass
c = C()
c.attr = [2]
print(sys.getrefcount(c.attr))
print(sys.getrefcount(c), sys.getrefcount(C()))
d = {'k': [3]}
print(sys.getrefcount(d['k']), sys.getrefcount(d.get('k')))
print(sys.getrefcount(a if a else None))
print(sys.getrefcount(a or c), sys.getrefcount(c and a))
x = (a, c)
print(sys.getrefcount(x[0]), sys.getrefcount(x[1]))
