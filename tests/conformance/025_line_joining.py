# Checks: implicit line joining in brackets and explicit joining with backslash.
total = 1 + \
    2 + \
    3
print(total)
L = [
    1,
    2,
    3,
]
print(L)
d = {
    'a': 1,
    'b': 2
}
print(d)
r = (10
     * 2
     - 5)
print(r)
print('one',
      'two',
      sep='-')
if total > 5 and \
   L:
    print('joined condition')
s = ('implicit '
     'concatenation '
     "of literals")
print(s)
