# Checks: f-string conversions !r and !s on strings, numbers, containers, user objects.
s = "it's"
print(f'{s}|{s!s}|{s!r}')
t = 'a b'
print(f'{t!r}')
print(f'{42!r} {42!s} {1.5!r} {None!r} {True!s}')
L = ['a', 1, 2.0]
print(f'{L} {L!r} {L!s}')
class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'P(' + repr(self.v) + ')'
    def __str__(self):
        return 'point ' + str(self.v)
p = P('q')
print(f'{p} | {p!s} | {p!r}')
print(f'{[p]}')
q = 'line\nbreak'
print(f'{q!r}')
