# Checks: nonlocal rebinding of an enclosing function's variable, counters.
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
def outer():
    x = 'outer'
    def inner():
        nonlocal x
        x = 'modified by inner'
    inner()
    return x
print(outer())
def two_levels():
    v = 1
    def mid():
        def deep():
            nonlocal v
            v = v * 10
        deep()
        deep()
    mid()
    return v
print(two_levels())
def shadow():
    y = 'enclosing'
    def inner():
        y = 'local only'
        return y
    inner()
    return y
print(shadow())
