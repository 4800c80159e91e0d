# Checks: unary minus, plus, invert and not on numbers and bools.
x = 5
print(-x, +x, ~x, not x)
print(-(-x), ~~x, not not x)
print(~0, ~-1, ~255, -~x, ~-x)
y = -2.5
print(-y, +y, not y, not 0.0)
print(-True, +False, ~True, ~False)
print(not [], not [0], not '', not ' ', not None)
print(- 3 ** 2, (-3) ** 2, -x * 2)
print(not x == 5, not (x == 5), -x < 0)
