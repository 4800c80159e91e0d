# Checks: list comprehensions with conditions, nested loops, nested comprehensions and own scope.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in 'ab'])
print([[r * c for c in range(3)] for r in range(3)])
print([c.upper() for c in 'hey'], [len(w) for w in ['a', 'bb', '']])
x = 'outer x'
squares = [x for x in range(3)]
print(x, squares)
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(len(row)) if row[i] % 2])
print([[row[i] for row in matrix] for i in range(3)])
print([v if v > 0 else 0 for v in [-1, 2, -3, 4]])
n = 10
print([n * i for i in range(3)])
def scale(k):
    return [k * v for v in [1, 2]]
print(scale(3))
print([y for y in []], [i for i in 'ab' for j in range(2)])
