# Checks: __eq__ and __len__ on user classes: ==, !=, in, list.index, count, len(), truth.
class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __eq__(self, other):
        return self.rank == other.rank and self.suit == other.suit
a = Card(10, 'h')
b = Card(10, 'h')
c = Card(2, 's')
print(a == b, a is b, a == c, a != b, a != c)
deck = [c, b]
print(a in deck, deck.index(a), deck.count(a))
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
print(len(Bag()), len(Bag(1, 2, 3)), bool(Bag()), bool(Bag(0)))
if not Bag():
    print('empty bag is falsy')
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != p)
