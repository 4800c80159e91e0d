# Checks: __index__, __int__ and __float__ of user classes: subscripts, int(), float(), hex(), range indexing, bad results.
class I:
    def __index__(self): return 1
class K:
    def __int__(self): return 3
    def __float__(self): return 2.5
class B:
    def __int__(self): return 'x'
print([10, 20][I()], int(K()), float(K()), int(I()), float(I()), hex(I()), range(5)[I()])
try:
    int(B())
except TypeError as e:
    print(e)
try:
    [1][B()]
except TypeError as e:
    print(e)
print(hex(255), oct(-8), bin(5), hex(2**70))
try:
    hex(1.5)
except TypeError as e:
    print(e)
