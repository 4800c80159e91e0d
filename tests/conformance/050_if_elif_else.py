# Checks: if / elif / else chains, nesting and conditions of any type.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 3, 42]:
    print(n, classify(n))
x = [1]
if x:
    print('non-empty list')
if not x:
    print('never')
else:
    print('else branch')
if x:
    if len(x) > 5:
        print('long')
    else:
        print('short')
v = 0
if v:
    print('a')
elif v is None:
    print('b')
elif v == 0:
    print('c')
if 1: print('one-line if')
