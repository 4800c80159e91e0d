# Checks: repr and str of ints, bools, None, types, big values and negative values.
for v in [0, -0, 7, -7, 255, 1000000, 2 ** 31, 2 ** 62, -9223372036854775807 - 1, 9223372036854775807, True, False, None]:
    print(repr(v), str(v), type(v).__name__)
print(int, float, str, list, tuple, dict, set, bool, type(None), object, range)
print(Exception, ValueError, KeyError, ZeroDivisionError, RecursionError)
class Mine:
    pass
class Error3(Exception):
    pass
print(Mine, Error3, [Mine])
print(True + 0, repr(True), str(False), [True, None])
