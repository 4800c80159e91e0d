# Checks: keyword arguments, mixing positional and keyword, argument binding errors.
def describe(name, age, city='nowhere'):
    return name + ' ' + str(age) + ' ' + city
print(describe('ann', 30))
print(describe(age=5, name='kid'))
print(describe('bo', city='rome', age=41))
try:
    describe('x')
except TypeError as e:
    print('TypeError', e)
try:
    describe('x', 1, 'c', 'extra')
except TypeError as e:
    print('TypeError', e)
try:
    describe('x', 1, town='y')
except TypeError as e:
    print('TypeError', e)
try:
    describe('x', name='y', age=1)
except TypeError as e:
    print('TypeError', e)
print('a', 'b', sep='')
print('a', 'b', end='!\n')
print('x', 'y', 'z', sep=', ', end='.\n')
print(sorted([3, 1, 2], reverse=True))
