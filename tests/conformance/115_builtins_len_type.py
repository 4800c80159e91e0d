# Checks: len of every sized type, type() of every value, hex().
print(len('abc'), len(''), len([1, 2]), len(()), len({'a': 1}), len({1, 2, 3}), len(range(5)), len('é€'))
for v in [1, 1.5, 'a', [], (), {}, set(), None, True, range(1), len, print, object(), Exception('e')]:
    print(type(v).__name__, end=' ')
print()
print(hex(0), hex(255), hex(-255), hex(4096), hex(2 ** 62), hex(True))
class K:
    pass
print(type(K()).__name__, type(K).__name__, type(type).__name__)
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__, type([].append).__name__, type(len).__name__)
print(type(type(1)), type(type(1)) is type)
