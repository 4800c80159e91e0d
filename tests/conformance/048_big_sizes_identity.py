# Checks: sys.getsizeof of ints of every size (24 + 4 per 30-bit digit), identity and refcounts of big constants (folded up to CPython's 128-bit limit, merged when equal).
import sys
for k in [0, 29, 30, 59, 60, 62, 63, 64, 89, 90, 119, 120, 300, 1000, 3000]:
    v = 2 ** k
    print(k, sys.getsizeof(v), sys.getsizeof(-v), sys.getsizeof(v - 1))
print(sys.getsizeof(10 ** 100), sys.getsizeof(3 ** 1000), sys.getsizeof(-(2 ** 63)), sys.getsizeof(2 ** 63 - 1))
big = 1
sizes = []
for i in range(12):
    big = big * 1000003
    sizes.append(sys.getsizeof(big))
print(sizes)
a = 123456789012345678901234567890
b = 123456789012345678901234567890
print(a is b, sys.getrefcount(a))
print(2 ** 64 is 2 ** 64, 2 ** 100 is 2 ** 100, (1 << 127) is (1 << 127), (1 << 128) is (1 << 128))
print(2 ** 64 * 2 ** 63 is 2 ** 64 * 2 ** 63, 2 ** 64 * 2 ** 64 is 2 ** 64 * 2 ** 64, -(10 ** 30) is -(10 ** 30))
c = a + 1
d = a + 1
print(c == d, c is d, sys.getrefcount(c), c - 1 is a, int(str(a)) is a)
x = 2 ** 70 + 5
y = x
print(x is y, sys.getrefcount(x), [x][0] is x, (x, x)[1] is y)
small = 2 ** 62
bigger = small * 4
print(sys.getsizeof(small), sys.getsizeof(bigger), bigger // 4 == small, type(bigger // 4) is int)
