# A loop that would run for a very long time.
i = 0
while i >= 0:
    i = i + 1
