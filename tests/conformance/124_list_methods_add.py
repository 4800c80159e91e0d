# Checks: list.append, extend (from any iterable), insert (incl. negative and out of range indexes).
L = []
L.append(1)
L.append([2, 3])
print(L)
L.extend([4, 5])
L.extend('ab')
L.extend(range(2))
L.extend((9,))
print(L)
M = [1, 2, 3]
M.insert(0, 'start')
M.insert(2, 'mid')
M.insert(-1, 'before last')
M.insert(100, 'end')
M.insert(-100, 'very start')
print(M)
print(L.append(0), M.extend([]))
S = [1, 2]
S.extend(S)
print(S)
A = [0]
A.append('x')
print(A)
