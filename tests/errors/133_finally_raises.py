# An exception raised in finally replaces the original one.
def f():
    try:
        raise ValueError('first')
    finally:
        raise TypeError('second')
f()
