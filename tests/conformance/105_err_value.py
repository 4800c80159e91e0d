# Checks: ValueError messages from int(), float(), list.remove/index, unpacking and str methods.
def show(f):
    try:
        f()
        print('no error')
    except ValueError as e:
        print(type(e).__name__, e)
show(lambda: int('x'))
show(lambda: int('12.5'))
show(lambda: int(''))
show(lambda: int('  7  '))
show(lambda: float('abc'))
show(lambda: [1, 2].remove(5))
show(lambda: [1, 2].index(5))
show(lambda: 'abc'.split(''))
def unpack_many():
    a, b = [1, 2, 3]
show(unpack_many)
def unpack_few():
    a, b, c = (1, 2)
show(unpack_few)
show(lambda: max([]))
show(lambda: min([]))
show(lambda: int('ff', 10))
print(int('ff', 16), int('-12'), int('+3'), int('1_000'))
