# Checks: sys.getsizeof of lists: empty 56 plus 8 per slot of capacity; over-allocation on append; displays of constants.
import sys
print(sys.getsizeof([]))
print(sys.getsizeof([1, 2, 3]))
x = 1
y = 2
z = 3
print(sys.getsizeof([x, y, z]))
print(sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3, 4]), sys.getsizeof([1, 2, 3, 4, 5]))
L = []
sizes = []
for i in range(40):
    sizes.append(sys.getsizeof(L))
    L.append(i)
print(sizes)
print(sys.getsizeof(list(range(10))), sys.getsizeof([0] * 10), sys.getsizeof([i for i in range(10)]))
M = [0] * 10
M.append(1)
print(sys.getsizeof(M))
while M:
    M.pop()
print(sys.getsizeof(M))
M.clear()
print(sys.getsizeof(M))
N = [1, 2, 3]
N.extend([4])
print(sys.getsizeof(N))
K = list('abcdef')
print(sys.getsizeof(K), sys.getsizeof(K[:2]), sys.getsizeof(K.copy()))
ext = []
for n in range(9):
    E = []
    E.extend(tuple(range(100, 100 + n)))
    ext.append(sys.getsizeof(E))
print(ext)
