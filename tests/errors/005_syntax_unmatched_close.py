# A closing parenthesis with no opener.
a = 1
b = a + 2)
