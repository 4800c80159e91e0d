# Checks: dict and set comprehensions, key collisions keep the last value, conditions.
print({x: x * x for x in range(5)})
print({k: v for k, v in [('a', 1), ('b', 2), ('a', 3)]})
print({w: len(w) for w in ['apple', 'kiwi'] if len(w) > 4})
print({x % 3 for x in range(10)}, {abs(v) for v in [-2, 2, -1]})
print(sorted({c for c in 'mississippi'}))
inv = {v: k for k, v in {'one': 1, 'two': 2}.items()}
print(inv)
print({(i, j): i * j for i in range(2) for j in range(2)})
print({i: [j for j in range(i)] for i in range(4)})
print(len({s for s in ['x', 'x', 'y']}))
print({x for x in []}, {k: 0 for k in ()})
