# Checks: ints past 64 bits: factorials, powers, floor division and modulo with signs, bitwise operators, shifts, mixed big/float arithmetic and comparisons.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f30 = fact(30)
print(f30, fact(25) // fact(23), f30 % 1000003)
print(fact(100) // fact(98), len(str(fact(200))), fact(200) % 10 ** 12)
print(2 ** 64, 2 ** 100, -(2 ** 127), 3 ** 80, (-7) ** 33)
print(2 ** 63 - 1 + 1, -(2 ** 63) - 1, -(-(2 ** 63)), abs(-(2 ** 63)))
a, b = 10 ** 30 + 7, -(2 ** 70) - 3
print(a + b, a - b, a * b, a // b, a % b, b // a, b % a)
print(divmod(a, 97), divmod(b, 97), divmod(-a, -(10 ** 12)))
print(a & b, a | b, a ^ b, ~a, ~b, -a & 0xFFFFFFFFFFFFFFFFFFFF)
print(a << 70, b >> 5, -1 >> 200, 1 << 130, (a << 100) >> 100 == a)
print(pow(3, 200, 10 ** 20 + 39), pow(2 ** 90 + 1, -1, 10 ** 9 + 7), pow(-3, 77, 2 ** 64))
fib = [0, 1]
for i in range(150):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[100] % 1000000007, fib[150].bit_length())
x = 1
for i in range(70):
    x = x * 3 + 1
print(x, type(x).__name__, x > 2 ** 100, x.bit_length())
while x > 2 ** 64:
    x //= 1000
print(x, type(x).__name__)
print(2 ** 100 / 2 ** 98, 10 ** 30 / 7 ** 20, 1 / 10 ** 400, (2 ** 100 + 1) / 3)
print(2 ** 100 + 0.5, 2 ** 100 * 1.5, 1e308 * 10 ** 10, 2.0 ** 70 == 2 ** 70, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(2 ** 100 > 1e30, 2 ** 100 < 1.3e30, -(2 ** 100) < -1e30, 10 ** 400 > 1e308, 10 ** 400 > float('inf'))
print(float(2 ** 100), float(-(3 ** 60)), int(1e30), int(-2.5e20), int(2.0 ** 100) == 2 ** 100)
print(round(2 ** 100, -10), round(-(10 ** 25) - 5, -1), round(123456789012345678901234567890, -20), round(1e22))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([10 ** 20, 0.5]), max(2 ** 100, 1e30), min(-(2 ** 90), -1e27))
try:
    print(10 ** 400 * 1.0)
except OverflowError as e:
    print('OverflowError:', e)
try:
    print((2 ** 1100) / 3)
except OverflowError as e:
    print('OverflowError:', e)
try:
    print(2 ** 100 // 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    print(2 ** 100 % 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    print(1 << -(2 ** 100))
except ValueError as e:
    print('ValueError:', e)
print((-2) ** -(2 ** 70), 2 ** -(2 ** 70), (-1) ** (2 ** 100 + 1), 0 ** (2 ** 100))
