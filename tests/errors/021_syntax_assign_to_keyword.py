# Assignment to None.
x = 1
None = x
