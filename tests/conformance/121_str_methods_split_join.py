# Checks: str.split (whitespace, separator, maxsplit), str.join with various iterables.
print('a b  c'.split(), '  lead trail  '.split(), ''.split(), '   '.split())
print('a,b,,c'.split(','), ',a,'.split(','), ''.split(','), 'abc'.split(','))
print('a::b::c'.split('::'), 'x y z'.split(' ', 1), 'a,b,c,d'.split(',', 2))
print('line1\nline2\tword'.split())
print(', '.join(['a', 'b', 'c']), ''.join(['x', 'y']), '-'.join('abc'), '+'.join([]))
print(' '.join(str(n) for n in range(4)))
print('|'.join(('one',)), '\n'.join(['r1', 'r2']))
words = 'the quick brown fox'.split()
print(len(words), '_'.join(reversed(words)))
print('a\u00a0b c'.split())
csv = 'name,age\nann,30\nbob,41'
for row in csv.split('\n'):
    print(row.split(','))
