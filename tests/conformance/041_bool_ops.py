# Checks: and/or return an operand, short-circuit, and their precedence with not.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, '' or 'default', [] and 'never')
print(None or 0 or '' or 'last', 1 and 'a' and [1] and 2.5)
print(not 1 or 2, not (1 or 2), 0 or not 0)
print(True and False or True, True or False and False)
def t(tag, v):
    print('eval', tag)
    return v
r = t('a', 0) and t('b', 1)
print(r)
r = t('a', 1) or t('b', 1)
print(r)
r = t('a', 1) and t('b', 0) or t('c', 'c')
print(r)
x = [] or {}
print(x, type(x).__name__)
name = ''
print(name or 'anonymous')
L = [1, 2]
print(L and L[0], [] and [][0])
