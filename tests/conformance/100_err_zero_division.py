# Checks: ZeroDivisionError messages for / // % with ints and floats.
cases = [(1, 0), (1.5, 0), (1, 0.0), (0, 0), (-3, 0)]
for a, b in cases:
    try:
        a / b
    except ZeroDivisionError as e:
        print('/', type(e).__name__, e)
    try:
        a // b
    except ZeroDivisionError as e:
        print('//', e)
    try:
        a % b
    except ZeroDivisionError as e:
        print('%', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('**', e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print('**', e)
x = 10
try:
    x /= 0
except ZeroDivisionError as e:
    print('/=', e, x)
