# A function definition without its colon.
def f(a, b)
    return a + b
