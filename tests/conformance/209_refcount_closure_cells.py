# Checks: a closure's cell holds the captured object; the cell outlives the enclosing call.
import sys
def make(obj):
    def get():
        return obj
    return get
data = [1, 2, 3]
print(sys.getrefcount(data))
getter = make(data)
print(sys.getrefcount(data))
getter2 = make(data)
print(sys.getrefcount(data))
print(getter() is data)
del getter
print(sys.getrefcount(data))
getter2 = None
print(sys.getrefcount(data))
def counter_factory():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    return add
add = counter_factory()
val = {'v': 1}
add(val)
add(val)
print(sys.getrefcount(val))
del add
print(sys.getrefcount(val))
def rebinding():
    box = [data]
    def swap():
        nonlocal box
        box = None
    swap()
    return sys.getrefcount(data)
print(rebinding(), sys.getrefcount(data))
