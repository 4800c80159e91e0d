# Checks: for loops over sequences, for/else with and without break, loop variable after the loop.
for x in [1, 2, 3]:
    print(x)
else:
    print('completed, x =', x)
for x in range(10):
    if x * x > 20:
        print('found', x)
        break
else:
    print('not printed')
print('x after loop', x)
for c in '':
    print('never')
else:
    print('empty else')
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    else:
        return -1
print(find('hello', 'l'), find('hello', 'z'))
for k in {'a': 1, 'b': 2}:
    print(k)
for item in (1, 'two', [3]):
    print(repr(item))
