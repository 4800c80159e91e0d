# Checks: range with one, two and three arguments, negative steps, len, indexing and repr.
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)))
print(list(range(10, 0, -2)), list(range(5, 5)), list(range(5, 0)), list(range(-3, 3)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[2])
print(range(3), range(0, 5, 2), range(10, 0, -1))
print(len(range(0)), len(range(10, 0, -3)), list(range(10, 0, -3)))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(0, 3) == range(3), 3 in range(3))
print(list(reversed(range(4))), sorted(range(3, 0, -1)))
print(type(range(2)).__name__, bool(range(0)))
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError', e)
print(r[1:3], list(r[::-1]))
