# Float division by zero.
x = 1.5
y = x / 0.0
