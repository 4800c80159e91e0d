# Checks: a return in finally overrides the try's return and swallows an exception; finally's raise replaces one.
def override_return():
    try:
        return 'try value'
    finally:
        return 'finally value'
print(override_return())
def swallow():
    try:
        raise KeyError('lost')
    finally:
        return 'swallowed'
print(swallow())
def replace():
    try:
        raise ValueError('first')
    finally:
        raise TypeError('second')
try:
    replace()
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
def value_evaluated():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_evaluated())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return 'broke out, exception dropped'
print(break_in_finally())
