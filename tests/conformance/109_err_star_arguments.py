# Checks: CPython's messages for * and ** arguments that are not iterables or mappings.
def f(*a, **k): pass
class C: pass
try:
    f(*5)
except TypeError as e:
    print('f(*5)', '->', e)
try:
    print(*5)
except TypeError as e:
    print('print(*5)', '->', e)
try:
    f(**5)
except TypeError as e:
    print('f(**5)', '->', e)
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print('f(a=1, **{"a": 2})', '->', e)
try:
    C(*5)
except TypeError as e:
    print('C(*5)', '->', e)
try:
    [].append(*5)
except TypeError as e:
    print('[].append(*5)', '->', e)
try:
    f(1, *5)
except TypeError as e:
    print('f(1, *5)', '->', e)
try:
    f(*[1], *5)
except TypeError as e:
    print('f(*[1], *5)', '->', e)
try:
    x = [*5]
except TypeError as e:
    print('x = [*5]', '->', e)
try:
    x = {**5}
except TypeError as e:
    print('x = {**5}', '->', e)
