# A non-ASCII symbol used as an operator.
a = 3
b = a × 2
