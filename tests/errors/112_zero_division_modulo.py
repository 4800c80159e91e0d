# Modulo by zero inside a loop.
for n in [3, 2, 1, 0]:
    r = 10 % n
