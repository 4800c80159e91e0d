# Checks: assignment to attributes and subscripts, including nested targets.
class Box:
    pass
b = Box()
b.x = 1
b.y = [0, 0]
b.y[1] = 'second'
print(b.x, b.y)
inner = Box()
b.child = inner
b.child.name = 'inner box'
print(inner.name)
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid)
d = {'a': {}}
d['a']['b'] = 2
d[(1, 2)] = 'tuple key'
print(d)
L = [1, 2, 3, 4, 5]
L[1:3] = ['x', 'y', 'z']
print(L)
L[::2] = [0, 0, 0]
print(L)
L[-1] = 'last'
print(L)
