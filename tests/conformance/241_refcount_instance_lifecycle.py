# Checks: instances created in functions, stored in containers and attributes, and released again.
import sys
class Item:
    def __init__(self, name):
        self.name = name
registry = []
def create(name):
    obj = Item(name)
    registry.append(obj)
    return obj
first = create('first item')
print(sys.getrefcount(first))
second = create('second item')
second.peer = first
first.peer = second
print(sys.getrefcount(first), sys.getrefcount(second))
registry.clear()
print(sys.getrefcount(first), sys.getrefcount(second))
del second.peer
print(sys.getrefcount(first))
lookup = {first.name: first}
print(sys.getrefcount(first), sys.getrefcount(first.name))
name = first.name
del lookup
print(sys.getrefcount(name))
first = None
print(sys.getrefcount(second))
