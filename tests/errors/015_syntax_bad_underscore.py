# Underscores in a number literal must separate digits.
n = 1_000_
