# A float literal with an empty exponent.
f = 1.5e
