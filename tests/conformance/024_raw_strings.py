# Checks: raw strings keep backslashes literally.
print(r'a\nb', len(r'a\nb'))
print(r"C:\path\to\file")
print(repr(r'\t'), repr(r'\\'))
print(R'upper prefix\x41')
print(r'quote \' kept', len(r'\''))
print(r'''raw triple \n
second''')
print(r'\d+' == '\\d+')
p = r'\n'
q = '\n'
print(len(p), len(q), p == q, p[0] == '\\')
print(r"double \" quote", r'end\\', r'')
