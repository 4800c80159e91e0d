# Checks: string literal escapes and how print and repr show them.
s = 'tab\there'
print(s)
print(repr(s))
print('new\nline')
print(repr('new\nline'))
print('back\\slash', repr('back\\slash'))
print('quote \' inside', "dq \" inside")
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'))
print('\x41\x42\x43', '\101\102', '\u00e9', '\u20ac')
print(repr('\x00\x01\x7f'), repr('\r'), repr('\a\b\f\v'))
print(len('\n'), len('\\n'), len('\x41'), len('\u20ac'))
print('bell' + '\x07' == 'bell\a')
print(repr('caf\u00e9'), repr('\u20ac10'))
print('a\
b')
print("mixed 'single' in double", 'mixed "double" in single')
print(repr("only 'single'"), repr('only "double"'))
