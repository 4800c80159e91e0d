# Indexing past the end of a string.
s = 'abc'
c = s[-4]
