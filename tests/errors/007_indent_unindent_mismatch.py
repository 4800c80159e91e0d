# A dedent to a column that matches no outer indentation level.
def f():
        a = 1
    return a
