# Checks: list concatenation, repetition, indexing, nested lists, comparison and aliasing of repeated rows.
a = [1, 2]
b = [3]
print(a + b, b * 3, [0] * 0, [] + [], a * 2)
print(a[0], a[-1], len(a + b))
rows = [[0]] * 3
rows[0].append(1)
print(rows)
rows = [[0] for i in range(3)]
rows[0].append(1)
print(rows)
n = [1, [2, [3, [4]]]]
print(n, n[1][1][1][0], len(n))
c = a
c = c + [9]
print(a, c)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 'a'] < [1, 'b'])
print([None] * 3, ['ab'] * 2)
m = [[1, 2], [3, 4]]
print(m[1][0] + m[0][1])
x = list('abc') + list(range(3))
print(x)
