# Assignment to a number literal.
1 = x
