# Checks: extended slices with positive and negative steps, including reversal.
L = list(range(10))
print(L[::2], L[1::2], L[::3], L[2:8:2], L[::-1], L[::-2])
print(L[8:2:-1], L[8:2:-3], L[2:8:-1], L[-1:-4:-1], L[:5:-1], L[5::-1])
print(L[-2::-2], L[10::-4], L[-100::-1], L[100:-100:-5])
s = 'Hello, World'
print(s[::-1], s[::2], s[1::3], s[-1:-6:-1])
t = tuple('abcdef')
print(t[::-1], t[1:5:2])
print('racecar'[::-1] == 'racecar', 'abc'[::-1])
try:
    L[::0]
except ValueError as e:
    print('ValueError', e)
print(range(10)[::-1], range(0, 20, 3)[::-2])
