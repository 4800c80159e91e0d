# Checks: raise ... from ... sets __cause__; raise from None suppresses context; raising a class.
class AppError(Exception):
    pass
def load(key):
    data = {'a': 1}
    try:
        return data[key]
    except KeyError as e:
        raise AppError('no such key: ' + key) from e
try:
    load('zz')
except AppError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
def quiet():
    try:
        int('abc')
    except ValueError:
        raise AppError('quiet') from None
try:
    quiet()
except AppError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError
except ValueError as e:
    print('class raised:', type(e).__name__, repr(str(e)))
try:
    raise KeyError('x') from ValueError('y')
except KeyError as e:
    print(repr(str(e)), str(e.__cause__))
