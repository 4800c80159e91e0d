# Checks: iter(callable, sentinel) and a __hash__ that returns an int past 64 bits.
n = [0]
def f():
    n[0] += 1
    return n[0]
print(list(iter(f, 4)))
class H:
    def __hash__(self): return 2**70
print(hash(H()))
it = iter(f, 9)
print(type(it).__name__, next(it))
