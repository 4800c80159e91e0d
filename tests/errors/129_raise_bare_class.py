# Raising an exception class without arguments.
def f():
    raise ValueError
f()
