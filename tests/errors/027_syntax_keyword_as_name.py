# A keyword used as a variable name.
total = 0
class = 'first'
