# Checks: tuple(t) is t, t[:] is t, tuple([]) is (); list copies are always new lists.
import sys
n = 4
t = (1, 2, n)
print(tuple(t) is t, t[:] is t, t[0:] is t, t[::1] is t)
print(t[1:] is t, t[:] == t)
empty = []
e = ()
print(tuple(empty) is e, tuple() is e, t[5:] is e)
L = [1, 2, 3]
print(list(L) is L, L[:] is L, L.copy() is L, L[:] == L)
s = 'some text'
print(s[:] is s, str(s) is s, s[0:] is s)
d = {'k': 1}
print(dict(d) is d, d.copy() is d)
print(sys.getrefcount(t))
u = tuple(t)
print(sys.getrefcount(t))
v = t[:]
print(sys.getrefcount(t))
fs = set([1])
print(set(fs) is fs)
