# A keyword used as a function name.
def for(x):
    return x
