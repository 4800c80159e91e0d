# Checks: repr of built-in functions, built-in modules, dict views, ranges and bound-method-free values.
import sys
import gc
print(len, print, sys.getrefcount, sys.getsizeof)
print(sys, gc)
print(repr(range(0, 10, 3)), repr(range(-5, 5)))
d = {'a': 1}
print(d.keys(), d.values(), d.items(), {}.keys())
print(str(len) == repr(len), type(len), type(sys))
print([len, abs], (max,))
