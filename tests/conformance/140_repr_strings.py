# Checks: repr of strings chooses quotes and escapes like CPython.
tests = ['plain', "it's", 'say "hi"', 'both \' and "', '', ' ', '\\', '\n', '\t', '\r\n',
         '\x00', '\x1f', '\x7f', '\x80', '\xa0', '\xe9', '\xff', '\u0100', '\u20ac', '\u2028', '\ufeff',
         'caf\xe9', 'mixed\ttab and "quote"', "'", '"', '\'"\'']
for s in tests:
    print(repr(s), len(s))
print([str(x) for x in ['a', 'b']], ('x',), {'k': "v'"})
print(str('quote\'s'), str(['quote\'s']))
q = 'He said "it\'s"'
print(q)
print(repr(q))
print(repr('\\n is not a newline'), repr('tab:\t|'))
