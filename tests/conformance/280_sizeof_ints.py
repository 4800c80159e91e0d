# Checks: sys.getsizeof of ints: 28 bytes below 2**30, 32 below 2**60, 36 up to the 64-bit limit; bools and None.
import sys
for v in [0, 1, -1, 255, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 60 - 1, 2 ** 60, 2 ** 62, -2 ** 62, 9223372036854775807]:
    print(v, sys.getsizeof(v))
print(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(None))
n = 1
sizes = []
for i in range(63):
    sizes.append(sys.getsizeof(n))
    n = n * 2
print(sizes)
