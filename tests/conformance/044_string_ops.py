# Checks: string concatenation, repetition, indexing, comparison, len and iteration.
s = 'Hello'
t = 'World'
print(s + ' ' + t, s * 3, 3 * '-', '' * 5, s * 0, s * -1)
print(s[0], s[-1], s[1:3], s[::-1], len(s), len(''))
for ch in 'abc':
    print(ch, end=' ')
print()
print('ab' < 'b', 'Z' < 'a', 'abc' == 'ab' + 'c', 'a' != 'A')
print(str(123) + '4', int('12') + 4)
print('é' + 'ü', len('été'), 'x'.upper())
u = 'naïve café'
print(u, len(u), u[2], u[-4:])
print('multi\nline'.split('\n'))
print('a' 'b' 'c', ('x' * 2) * 2)
e = ''
for w in ['join', 'by', 'loop']:
    e += w
print(e)
