# Checks: a list display of three or more constants is built from a constant tuple, which the compiler merges with an equal tuple literal.
import sys
a = [1, 2, 3]
t = (1, 2, 3)
print(sys.getrefcount(t))
print(sys.getrefcount(a), a == list(t))
b = [1, 2, 3]
print(a is b, a == b, sys.getrefcount(b))
u = (7, 8, 9)
c = [7, 8, 9]
print(sys.getrefcount(u))
