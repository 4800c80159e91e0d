# A positional argument after a keyword argument in a call.
def f(a, b):
    return a
f(a=1, 2)
