# Checks: str.format with automatic, numbered and named fields, conversions and the listed specs.
print('{} + {} = {}'.format(1, 2, 3))
print('{0} {1} {0}'.format('a', 'b'))
print('{name} is {age}'.format(name='ann', age=30))
print('{!r} {!s}'.format('q', 'q'))
print('[{:>6}] [{:<6}] [{:^6}] [{:06}]'.format('ab', 'ab', 'ab', 42))
print('{:.2f} {:,} {:x}'.format(3.14159, 1234567, 255))
print('{{braces}} {}'.format('kept'))
print('{0}{0}{0}'.format('ha'))
print('{} {}'.format([1, 2], {'k': None}))
print('{:.2f}'.format(2), '{:.2f}'.format(-0.005), '{:,}'.format(-1000))
template = 'Hello, {}!'
print(template.format('World'), template)
