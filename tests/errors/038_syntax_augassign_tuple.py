# Augmented assignment to a tuple target.
a = 1
b = 2
a, b += 1
