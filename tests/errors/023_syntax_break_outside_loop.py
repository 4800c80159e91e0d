# A break statement that is not inside a loop.
def f():
    break
