# Checks: generator expressions as the sole argument of a call: sum, any, all, min, max, list, sorted, set, tuple, join.
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x for x in nums), sum(x * x for x in range(4)))
print(any(x > 8 for x in nums), all(x > 0 for x in nums), any(x > 100 for x in nums))
print(min(x % 4 for x in nums), max(-x for x in nums))
print(list(x for x in 'abc'), tuple(x * 2 for x in range(3)), sorted(x for x in nums if x > 3))
print(set(x % 2 for x in nums), dict((k, k * 10) for k in range(3)))
print(','.join(str(x) for x in nums))
print(sum(1 for c in 'mississippi' if c == 's'))
print(len(list(x for x in range(1000) if x % 7 == 0)))
print(list((i, j) for i in range(2) for j in range(2)))
x = 'outer'
print(list(x for x in range(2)), x)
print(max(len(w) for w in ['a', 'abcd', 'ab']))
print(sum(v for v in []), all(v for v in []))
