# A single-quoted string that runs to the end of the line.
name = 'unterminated
print(name)
