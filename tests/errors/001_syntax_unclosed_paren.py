# An opening parenthesis that is never closed.
x = 1
print((x, 2)
y = 3
