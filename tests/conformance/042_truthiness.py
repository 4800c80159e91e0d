# Checks: truth values of every built-in type and of user objects with __len__.
values = [0, 1, -1, 0.0, -0.0, 0.5, '', ' ', '0', [], [0], (), (None,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), 'yes' if v else 'no')
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Sized(0)), bool(Sized(3)))
class Plain:
    pass
print(bool(Plain()))
print(bool(float('nan')), bool(float('inf')))
if [] or 0 or '':
    print('never')
else:
    print('all falsy')
n = 3
while n:
    n -= 1
print(n)
