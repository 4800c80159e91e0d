# Checks: a linked list class with __len__, __repr__, __eq__ and iteration by hand.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError('pop from empty LinkedList')
        v = self.head.value
        self.head = self.head.next
        self.size -= 1
        return v
    def __len__(self):
        return self.size
    def to_list(self):
        out = []
        n = self.head
        while n is not None:
            out.append(n.value)
            n = n.next
        return out
    def __repr__(self):
        return 'LinkedList(' + repr(self.to_list()) + ')'
    def __eq__(self, other):
        return self.to_list() == other.to_list()
a = LinkedList()
for v in [1, 'two', 3.0]:
    a.push(v)
print(a, len(a))
print(a.pop(), a, len(a))
b = LinkedList()
b.push(1)
b.push('two')
print(a == b, a is b)
a.pop()
a.pop()
try:
    a.pop()
except IndexError as e:
    print('IndexError', e)
print(bool(a), a)
