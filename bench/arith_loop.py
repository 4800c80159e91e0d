# Integer arithmetic in a tight loop: measures the interpreter's dispatch and
# small-int arithmetic. Every intermediate result above 256 is a new int
# object, so memviz allocates and frees one for almost every operation.

def checksum(n):
    total = 0
    i = 0
    while i < n:
        total = (total * 31 + i * i) % 1000003
        i += 1
    return total

print(checksum(3000000))
