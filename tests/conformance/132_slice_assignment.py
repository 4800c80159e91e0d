# Checks: assigning to and deleting slices, growing and shrinking lists, extended slice length checks.
L = [0, 1, 2, 3, 4]
L[1:3] = ['a', 'b', 'c', 'd']
print(L)
L[:2] = []
print(L)
L[len(L):] = [98, 99]
print(L)
L[:0] = ['front']
print(L)
L[:] = 'xyz'
print(L)
M = list(range(8))
M[::2] = ['e0', 'e2', 'e4', 'e6']
print(M)
try:
    M[::2] = [1, 2]
except ValueError as e:
    print('ValueError', e)
M[::-3] = [None, None, None]
print(M)
del M[1::2]
print(M)
N = [1, 2, 3]
alias = N
N[:] = [7]
print(alias, alias is N)
P = [1, 2, 3]
P[1:2] = P
print(P)
