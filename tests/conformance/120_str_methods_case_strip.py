# Checks: str.upper, lower, strip (with and without chars), startswith, endswith.
s = '  Hello, World!  '
print(repr(s.strip()), repr(s.upper()), repr(s.lower()))
print(repr('xxhixx'.strip('x')), repr('abcHIcba'.strip('abc')), repr('\t\n both \n'.strip()))
print(repr(''.strip()), repr('   '.strip()), 'MiXeD 123 é'.upper(), 'MiXeD 123 É'.lower())
print('hello'.startswith('he'), 'hello'.startswith('lo'), 'hello'.startswith(''), 'hello'.startswith(('x', 'h')))
print('hello'.endswith('lo'), 'hello'.endswith('he'), 'hello'.endswith(''), 'file.py'.endswith(('.c', '.py')))
t = 'Text'
u = t.upper()
print(t, u, t is u)
print('already lower'.lower() == 'already lower')
print('a-b'.startswith('-', 1), 'abc'.endswith('b', 0, 2))
