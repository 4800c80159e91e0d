# A return statement at module level.
x = 5
if x:
    return x
