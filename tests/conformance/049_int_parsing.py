# Checks: int(s, base) parsing: prefixes, underscores, old-style octal, whitespace, Unicode digits, big values.
try:
    print('12', 0, int('12', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('12', 10, int('12', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('12', 16, int('12', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print(' -0x_1f ', 0, int(' -0x_1f ', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print(' -0x_1f ', 10, int(' -0x_1f ', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print(' -0x_1f ', 16, int(' -0x_1f ', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('0b1010', 0, int('0b1010', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('0b1010', 10, int('0b1010', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('0b1010', 16, int('0b1010', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('012', 0, int('012', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('012', 10, int('012', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('012', 16, int('012', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('000', 0, int('000', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('000', 10, int('000', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('000', 16, int('000', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('1__2', 0, int('1__2', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('1__2', 10, int('1__2', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('1__2', 16, int('1__2', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('_1', 0, int('_1', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('_1', 10, int('_1', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('_1', 16, int('_1', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('1_', 0, int('1_', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('1_', 10, int('1_', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('1_', 16, int('1_', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('0x', 0, int('0x', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('0x', 10, int('0x', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('0x', 16, int('0x', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('  ', 0, int('  ', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('  ', 10, int('  ', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('  ', 16, int('  ', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('9'*30, 0, int('9'*30, 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('9'*30, 10, int('9'*30, 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('9'*30, 16, int('9'*30, 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('-0o777', 0, int('-0o777', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('-0o777', 10, int('-0o777', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('-0o777', 16, int('-0o777', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('1 2', 0, int('1 2', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('1 2', 10, int('1 2', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('1 2', 16, int('1 2', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('+0', 0, int('+0', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('+0', 10, int('+0', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('+0', 16, int('+0', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('0_0', 0, int('0_0', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('0_0', 10, int('0_0', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('0_0', 16, int('0_0', 16))
except ValueError as e:
    print('ValueError', e)
try:
    print('١٢٣', 0, int('١٢٣', 0))
except ValueError as e:
    print('ValueError', e)
try:
    print('١٢٣', 10, int('١٢٣', 10))
except ValueError as e:
    print('ValueError', e)
try:
    print('١٢٣', 16, int('١٢٣', 16))
except ValueError as e:
    print('ValueError', e)
