# A user exception derived from ValueError with a custom message.
class NegativeError(ValueError):
    pass
def sqrt(x):
    if x < 0:
        raise NegativeError(f'cannot take root of {x}')
    return x
sqrt(4)
sqrt(-9)
