# A single = used as a comparison.
x = 1
if x = 1:
    pass
