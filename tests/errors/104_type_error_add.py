# Adding an int and a str.
a = 1
b = 'two'
c = a + b
