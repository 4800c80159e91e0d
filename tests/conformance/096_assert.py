# Checks: assert passes silently, raises AssertionError with and without a message.
assert True
assert 1 == 1, 'not shown'
x = 5
assert x > 0
try:
    assert x < 0
except AssertionError as e:
    print('AssertionError', repr(str(e)))
try:
    assert x < 0, 'x must be negative, got ' + str(x)
except AssertionError as e:
    print('AssertionError', e)
try:
    assert [], ['a', 'list', 'message']
except AssertionError as e:
    print(type(e).__name__, e)
def check(v):
    assert isinstance(v, int), f'{v!r} is not an int'
    return v * 2
print(check(4))
try:
    check('s')
except AssertionError as e:
    print(e)
