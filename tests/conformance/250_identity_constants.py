# Checks: equal constants in one script are one object; constant expressions are folded and merged.
s1 = 'Hello Word'
s2 = 'Hello Word'
print(s1 is s2, id(s1) == id(s2))
a = 'hello ' + 'world'
b = 'hello world'
print(a is b)
n = 499 + 1
m = 500
print(n is m, n == m)
f1 = 0.5
f2 = 1 / 2
print(f1 is f2, f1 == f2)
big1 = 2 ** 40
big2 = 1099511627776
print(big1 is big2)
t1 = ('x', 1)
t2 = ('x', 1)
print(t1 is t2)
def inside():
    return 'Hello Word'
print(inside() is s1)
r = 'Hello' + ' ' + 'Word'
print(r is s1)
