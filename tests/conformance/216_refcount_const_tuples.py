# Checks: tuples of constants are constants themselves (folded, merged); tuples with a name inside are built at run time.
import sys
t = (1, 2, 3)
print(sys.getrefcount(t))
u = (1, 2, 3)
print(sys.getrefcount(t), t is u)
v = 1, 'two words', 3.5
print(sys.getrefcount(v))
n = 2
w = (1, n, 3)
print(sys.getrefcount(w), w == t, w is t)
nested = ((4, 5), (6,))
print(sys.getrefcount(nested))
x = tuple([1, 2, 3])
print(x is t, sys.getrefcount(x))
e1 = ()
e2 = tuple()
nothing = []
print(e1 is e2, tuple(nothing) is e1)
