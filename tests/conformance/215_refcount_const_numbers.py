# Checks: float and large int literals (and folded constant expressions) stay referenced by the compiler while the script runs.
import sys
x = 2.5
print(sys.getrefcount(x))
y = 2.5
print(sys.getrefcount(x), x is y)
z = 2.5 * 3
print(sys.getrefcount(z))
w = 7.5
print(sys.getrefcount(z), w is z)
n = 12345678901
print(sys.getrefcount(n))
m = 12345678900 + 1
print(sys.getrefcount(n), m is n)
neg = -98765.25
print(sys.getrefcount(neg))
r = x * 3
print(sys.getrefcount(r), r == z, r is z)
k = n + 0
print(k == n, sys.getrefcount(k))
q = 10 ** 15
print(sys.getrefcount(q))
