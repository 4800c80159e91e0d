# Checks: repr and str of floats: shortest round-trip, exponent thresholds, signed zero, inf, nan.
values = [0.1 + 0.2, 1e16, 1e15, 1e-05, 0.0001, -0.0, 0.0, float('inf'), float('-inf'), float('nan'),
          1.0, 100.0, 1e100, 1.5e-7, 123456789.0, 1234567890123456.0, 12345678901234567.0,
          0.1, 1 / 3, 2 / 3, 5e-324, 1.7976931348623157e308, 3.141592653589793, 2.5, 1e22, 9.999999999999999e22,
          0.000123, 1234.5, -1.5e-10, 4.35, 0.3, 2.675, 1.1, 2 ** 0.5]
for v in values:
    print(repr(v), str(v))
print([0.1, -0.0, float('inf')], (1e16,), {0.5: 1e-05})
print(float(10 ** 15), float(10 ** 16), float(-10 ** 16))
x = 0.1
y = x * 3
print(y, repr(y), str(y), f'{y}', f'{y!r}')
print(-1e-05, -1e16, 1e-07 * 10, 0.1 ** 2)
