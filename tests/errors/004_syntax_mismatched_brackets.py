# A parenthesis closed by a square bracket.
total = 0
items = (1, 2, 3]
