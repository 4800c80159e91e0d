# An infinite loop inside a function.
def spin(n):
    while n != 0:
        n = n + 2
spin(1)
