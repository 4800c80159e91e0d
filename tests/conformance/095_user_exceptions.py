# Checks: user exception classes, hierarchies, extra attributes, str of args, catching by base class.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__('not found: ' + what)
        self.what = what
class Bad(ValueError):
    pass
for exc in [NotFound('file'), AppError('generic'), Bad('bad value')]:
    try:
        raise exc
    except NotFound as e:
        print('NotFound', e, e.what)
    except AppError as e:
        print('AppError', e)
    except ValueError as e:
        print('ValueError subclass', type(e).__name__, e)
print(isinstance(NotFound('x'), Exception), str(AppError()), str(AppError('a', 'b')))
print(repr(str(AppError(42))), str(Exception('plain')))
class WithStr(Exception):
    def __str__(self):
        return 'custom message'
try:
    raise WithStr('ignored')
except Exception as e:
    print(e, type(e).__name__)
print(repr(ValueError('v')), repr(KeyError('k')), repr(Exception()))
