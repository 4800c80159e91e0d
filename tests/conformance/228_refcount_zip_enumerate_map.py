# Checks: enumerate, zip, map and filter objects hold iterators over their sources while alive.
import sys
A = [1, 2, 3]
B = [4, 5, 6]
z = zip(A, B)
print(sys.getrefcount(A), sys.getrefcount(B))
print(list(z))
print(sys.getrefcount(A), sys.getrefcount(B))
del z
print(sys.getrefcount(A))
e = enumerate(A)
print(sys.getrefcount(A))
print(next(e))
e = None
print(sys.getrefcount(A))
m = map(str, A)
print(sys.getrefcount(A))
print(list(m), sys.getrefcount(A))
f = filter(None, A)
print(sys.getrefcount(A))
del f
print(sys.getrefcount(A))
