# Checks: nested functions capture variables of the enclosing scope by cell, late binding.
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
times3 = make_multiplier(3)
times5 = make_multiplier(5)
print(times3(10), times5(10))
def outer():
    msg = 'first'
    def inner():
        return msg
    msg = 'changed before call'
    return inner
print(outer()())
def make_list_holder():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
h = make_list_holder()
h(1)
print(h(2))
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3
    return level2()
print(level1()())
fns = []
for i in range(3):
    def f():
        return i
    fns.append(f)
print([g() for g in fns])
