# Checks: list.pop (default, index, negative), remove (first match), clear, index, count.
L = [10, 20, 30, 20, 40]
print(L.pop(), L)
print(L.pop(0), L)
print(L.pop(-2), L)
L = ['a', 'b', 'a', 'c']
L.remove('a')
print(L)
print(L.index('a'), L.index('c'), L.count('a'), L.count('z'))
N = [1, 2, 1, 2, 1]
print(N.index(2), N.index(1, 1), N.count(1), N.count(2))
K = [1, 2]
alias = K
K.clear()
print(K, alias, K is alias)
E = [1, 1.0, True]
print(E.count(1), E.index(True))
