# Checks: a saved exception keeps its traceback, whose frames keep their locals alive.
import sys
payload = [1, 2, 3]
def fail(arg):
    local_ref = arg
    raise ValueError('failed')
print(sys.getrefcount(payload))
try:
    fail(payload)
except ValueError as e:
    print('in handler', sys.getrefcount(payload))
    saved = e
print('after handler, saved', sys.getrefcount(payload))
print(type(saved).__name__, saved)
del saved
print('saved deleted', sys.getrefcount(payload))
try:
    fail(payload)
except ValueError:
    print('handler without name', sys.getrefcount(payload))
print('after', sys.getrefcount(payload))
def outer(x):
    keep = x
    fail(x)
errors = []
try:
    outer(payload)
except ValueError as err:
    errors.append(err)
print('two frames saved', sys.getrefcount(payload))
errors.clear()
print('cleared', sys.getrefcount(payload))
try:
    fail(payload)
except ValueError as e2:
    pass
print('e2 unbound after except', sys.getrefcount(payload))
