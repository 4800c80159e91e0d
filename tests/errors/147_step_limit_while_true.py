# An infinite loop that only the step limit stops.
while True:
    pass
