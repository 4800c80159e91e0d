# Checks: floor division and modulo with negative operands round toward minus infinity.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, -3), (-6, 3), (1, -5), (-1, 5)]
for a, b in pairs:
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(-7 // 2.0, -7 % 2.0, 7 // -2.0)
print(-0.5 // 1, -0.5 % 1)
print(5 % 3.5, -5 % 3.5)
print(-9223372036854775807 // 10, -9223372036854775807 % 10)
print(1 % -3.0, -1 % 3.0, 0.0 % 5, -0.0 % 5)
print(6.0 // 4, 6 // 4.0, -6.0 // 4)
