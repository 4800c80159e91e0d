# Checks: sys.getrefcount of freshly created, singly named objects is 2 (the name plus the argument).
import sys
a = [1, 2, 3]
print(sys.getrefcount(a))
d = {'key': 'value'}
print(sys.getrefcount(d))
s = {1, 2, 3}
print(sys.getrefcount(s))
n = 7
t = (n, [n])
print(sys.getrefcount(t))
class Thing:
    pass
obj = Thing()
print(sys.getrefcount(obj))
x = 1.5
f = x * 3.0
print(sys.getrefcount(f))
word = 'abc def'
w2 = word + '!'
print(sys.getrefcount(w2))
big = 10 ** 12
m = big * 3
print(sys.getrefcount(m))
e = ValueError('computed ' + 'message text'[0:3])
print(sys.getrefcount(e))
r = list(range(5))
print(sys.getrefcount(r))
print(sys.getrefcount([1, 2]), sys.getrefcount({}), sys.getrefcount(Thing()))
print(sys.getrefcount(f * 2), sys.getrefcount(w2 + w2))
