# Checks: sys.getrecursionlimit/setrecursionlimit and sys.intern semantics.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(150))
try:
    down(1000)
except RecursionError as e:
    print('RecursionError with limit 200')
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit(), down(600))
a = ''.join(['runtime', ' ', 'string'])
b = ''.join(['runtime', ' ', 'string'])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib, ia is a, ib is b)
