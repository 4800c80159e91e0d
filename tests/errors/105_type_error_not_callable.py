# Calling an int.
x = 5
y = x(3)
