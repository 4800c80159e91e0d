# Checks: freeing the root of a nested structure drops references to everything below it at once.
import sys
leaf = ['leaf']
tree = {'left': [leaf, {'deep': (leaf, leaf)}], 'right': [[leaf]]}
print(sys.getrefcount(leaf))
branch = tree['left']
del tree
print(sys.getrefcount(leaf))
branch[1] = None
print(sys.getrefcount(leaf))
del branch
print(sys.getrefcount(leaf))
class Holder:
    def __init__(self, item):
        self.item = item
        self.items = [item, item]
hs = [Holder(leaf) for i in range(3)]
print(sys.getrefcount(leaf))
hs.pop()
print(sys.getrefcount(leaf))
hs = []
print(sys.getrefcount(leaf))
