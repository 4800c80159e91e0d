# A second exception raised while handling the first one.
try:
    x = 1 / 0
except ZeroDivisionError:
    y = [][0]
