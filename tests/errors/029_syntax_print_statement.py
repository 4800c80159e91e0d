# A Python 2 print statement.
name = 'x'
print name
