# Checks: slices with start, stop, omitted bounds, negative indexes and out-of-range bounds on lists, strings, tuples.
L = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(L[2:5], L[:3], L[7:], L[:], L[-3:], L[:-3], L[-5:-2])
print(L[5:2], L[100:], L[-100:2], L[3:3], L[8:100])
s = 'abcdefgh'
print(s[1:4], s[:2], s[5:], s[-2:], s[:-6], s[3:1], repr(s[10:]))
t = (1, 2, 3, 4)
print(t[1:3], t[:1], t[4:], type(t[1:3]).__name__)
r = range(10)
print(r[2:5], r[::2], list(r[-3:]))
copy = L[:]
print(copy == L, copy is L)
print(L[0:10:1] == L, s[0:len(s)] == s)
b = True
print(L[b:3], L[False:2])
