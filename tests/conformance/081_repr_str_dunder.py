# Checks: __repr__ and __str__ on user classes, used by print, str(), repr(), f-strings and containers.
class OnlyRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'OnlyRepr(' + repr(self.v) + ')'
class Both:
    def __repr__(self):
        return '<Both repr>'
    def __str__(self):
        return 'Both str'
class OnlyStr:
    def __str__(self):
        return 'only str'
r = OnlyRepr('x')
b = Both()
print(r, str(r), repr(r))
print(b, str(b), repr(b))
print([r, b], (b,), {'k': b})
print(f'{b} {b!r} {r}')
print(str(OnlyStr()), 'only str' in str([OnlyStr()]))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return '$' + str(self.cents // 100) + '.' + f'{self.cents % 100:02}'
    def __repr__(self):
        return 'Money(' + str(self.cents) + ')'
m = Money(1234)
print(m, [m], 'total: ' + str(m))
