# Checks: string operations return new objects (count 1 when bound once), except where CPython returns the same string.
import sys
base = 'some text ' + str(42)
print(sys.getrefcount(base))
up = base.upper()
print(sys.getrefcount(up), sys.getrefcount(base))
parts = base.split(' ')
print(len(parts), sys.getrefcount(parts))
joined = '-'.join(parts)
print(sys.getrefcount(joined))
same = base.replace('zzz', 'y')
print(same is base, sys.getrefcount(base))
stripped = base.strip()
print(stripped is base, sys.getrefcount(base))
sl = base[:]
print(sl is base, sys.getrefcount(base))
f = f'{base}'
print(f is base, sys.getrefcount(base))
