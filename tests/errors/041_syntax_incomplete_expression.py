# A binary operator with no right operand.
a = 1
b = a +
c = 2
