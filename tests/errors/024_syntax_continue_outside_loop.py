# A continue statement that is not inside a loop.
x = 1
if x:
    continue
