# An error in the second line of a call spread over several lines.
def f(a, b):
    return a + b
result = f(1,
           2 / 0)
