# Checks: ** with int, negative and float exponents, and right associativity.
print(2 ** 10, 2 ** 0, 0 ** 0, (-3) ** 3, (-3) ** 2)
print(2 ** -1, 2 ** -2, 10 ** -3, type(2 ** -1).__name__)
print((-2) ** -1, (-2) ** -2)
print(4 ** 0.5, 2 ** 0.5, 8 ** (1 / 3))
print(2.0 ** 3, 1.5 ** 2, 10.0 ** -2)
print(2 ** 62, 2 ** 62 - 1 + 2 ** 62)
print(-2 ** 62 * 2)
print(3 ** 39)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 ** -5, (-1) ** -5, (-1) ** 1000)
print(0.0 ** 0, 0 ** 5, 0.5 ** 2)
x = 3
x = x ** 2
print(x)
