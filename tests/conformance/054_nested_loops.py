# Checks: nested loops building a multiplication table and pairs.
for i in range(1, 4):
    row = ''
    for j in range(1, 4):
        row += f'{i * j:>4}'
    print(row)
pairs = []
for a in 'xy':
    for b in [1, 2]:
        pairs.append((a, b))
print(pairs)
count = 0
i = 0
while i < 4:
    j = 0
    while j < i:
        count += 1
        j += 1
    i += 1
print(count)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
for row in grid:
    for v in row:
        print(v, end=',')
    print()
