# A block header followed by a line that is not indented.
def g():
return 1
