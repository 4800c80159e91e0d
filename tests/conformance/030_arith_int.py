# Checks: int arithmetic + - * / // % and precedence.
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b)
print(b - a, -a * b, a * -b)
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2)
print(10 / 2, type(10 / 2).__name__, 7 / 7)
print(1 / 3, 2 / 3, 10 / 4)
print(100 - 1 - 1, 2 ** 3 ** 2, 64 // 4 // 2)
print(0 * 5, 5 - 5, 0 // 7, 0 % 7)
print(123456789 * 987654321)
print(3037000499 * 3037000499)
print(9223372036854775807 - 1, -9223372036854775807 + 5)
x = 7
print(x * x - 2 * x + 1)
print(1 + 2 - 3 + 4 - 5)
print(12 % 5 * 3, 12 * 5 % 7, 12 // 5 * 5 + 12 % 5)
