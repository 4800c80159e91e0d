# Checks: every active frame of a recursion holds its own reference to its argument.
import sys
obj = ['shared', 'by', 'frames']
def descend(x, depth):
    if depth == 0:
        return sys.getrefcount(x)
    return descend(x, depth - 1)
print(descend(obj, 0))
print(descend(obj, 1))
print(descend(obj, 5))
print(descend(obj, 50))
print(sys.getrefcount(obj))
def hold(x, depth, log):
    local = x
    if depth:
        hold(x, depth - 1, log)
    log.append(sys.getrefcount(x))
log = []
hold(obj, 3, log)
print(log)
