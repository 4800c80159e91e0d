# Checks: float arithmetic results and their shortest repr.
print(0.1 + 0.2, 0.1 + 0.7, 1.1 * 3, 0.3 - 0.1)
print(1.0 / 3, 2.0 / 3, 10.0 / 3)
print(1.5 + 2.5, 3.0 * 2, 7.0 - 0.5, 9.0 / 3)
print(1e16 + 1, 1e16 + 2, 2.0 ** 53 + 1)
print(1e308 * 10, -1e308 * 10)
print(1e-320, 1e-320 / 1e10)
print(0.1 * 3, 0.1 * 3 == 0.3)
print(100.0 / 7, 22.0 / 7)
print(3.0, -3.0, 3.5e10, 3.5e-10)
print(123456789.123456789, 0.000123456789)
print(1 / 2 + 1 / 4 + 1 / 8)
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0)
print(-0.0, 0.0 * -1, -0.0 + 0.0, -0.0 == 0.0)
print(float('inf'), float('-inf'), float('nan'), float('inf') - float('inf'))
print(1e300 * 1e300, -(1e300 * 1e300))
