# Checks: instance and class attributes hold references; deleting or rebinding an attribute drops them.
import sys
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
data = [1, 2]
n1 = Node(data)
print(sys.getrefcount(data))
n2 = Node(data)
print(sys.getrefcount(data))
n1.next = n2
print(sys.getrefcount(n2))
n1.extra = n2
print(sys.getrefcount(n2))
del n1.extra
print(sys.getrefcount(n2))
n2.value = 'replaced'
print(sys.getrefcount(data))
Node.shared = data
print(sys.getrefcount(data))
del Node.shared
print(sys.getrefcount(data))
setattr(n1, 'dyn', data)
print(sys.getrefcount(data))
delattr(n1, 'dyn')
print(sys.getrefcount(data))
n1 = None
print(sys.getrefcount(n2), sys.getrefcount(data))
