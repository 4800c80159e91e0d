# A decimal literal with a leading zero.
x = 1
y = 0123
