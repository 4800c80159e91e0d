# Reading a name that was never bound.
x = 1
print(x)
print(y)
