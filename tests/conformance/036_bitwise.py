# Checks: & | ^ ~ on ints including negative numbers, and on bools.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(hex(a & b), hex(a | b), hex(a ^ b))
print(-1 & 0xff, -256 | 15, -5 ^ 3, -8 & -3, 7 | -8)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(1 & 2 | 4 ^ 8, (1 & 2) | (4 ^ 8), 6 & 3 == 2)
print(0xffffffff & 0x0f0f0f0f, 0x7fffffffffffffff ^ 0x5555555555555555)
x = 0
x = x | 4
x = x & 6
x = x ^ 1
print(x)
print(~9223372036854775807, -9223372036854775807 & 255)
