# A function reading an undefined global.
def f():
    return undefined_value + 1
result = f()
