# Checks: references to an exception while it is handled, after saving it, and the objects its arguments keep.
import sys
info = ['detail', 'list']
try:
    raise ValueError(info)
except ValueError as e:
    print(sys.getrefcount(info))
    kept = e
print(sys.getrefcount(info), sys.getrefcount(kept))
del kept
print(sys.getrefcount(info))
err = KeyError(info)
print(sys.getrefcount(err), sys.getrefcount(info))
errors = [err, err]
print(sys.getrefcount(err))
errors = None
try:
    raise err
except KeyError as caught:
    print(caught is err)
print(sys.getrefcount(info))
err = None
print(sys.getrefcount(info))
