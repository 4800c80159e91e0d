# A string far larger than the heap allows.
s = 'x'
huge = s * (10 ** 10)
