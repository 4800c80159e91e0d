# Checks: matrix operations with nested lists and string building with format specs.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B))
I = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(I)
def transpose(m):
    return [[m[i][j] for i in range(len(m))] for j in range(len(m[0]))]
print(transpose([[1, 2, 3], [4, 5, 6]]))
table = [('apple', 1.5, 3), ('kiwi', 0.25, 12), ('watermelon', 3.0, 1)]
print(f'{"item":<10}|{"price":>6}|{"qty":^5}')
for name, price, qty in table:
    print(f'{name:<10}|{price:.2f}|{qty:^5}')
print(f'{sum(p * q for n, p, q in table):.2f}')
