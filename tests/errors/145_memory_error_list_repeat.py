# A list far larger than the heap allows.
n = 10
big = [0] * (n ** 9)
