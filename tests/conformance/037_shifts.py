# Checks: << and >> including negative numbers and precedence with + and -.
print(1 << 0, 1 << 1, 1 << 10, 1 << 40, 1 << 62)
print(1024 >> 3, 1023 >> 3, 1 >> 5, 0 >> 1)
print(-1 >> 1, -16 >> 2, -17 >> 2, -1 >> 60, -1 << 4)
print(1 << 2 + 1, (1 << 2) + 1, 256 >> 1 + 1)
print(5 << 1 & 6, 3 | 1 << 3)
x = 3
x = x << 2
print(x)
x = x >> 1
print(x)
print(True << 3, 12345 >> 0)
