# A triple-quoted string that is never closed.
x = 1
doc = """starts here
and goes on
forever
