# The same keyword argument given twice in a call.
def f(a):
    return a
f(a=1, a=2)
