# Checks: is / is not and in / not in over strings, lists, tuples, dicts, sets, ranges.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, None is not False)
print(2 in [1, 2, 3], 4 not in [1, 2, 3], 'b' in 'abc', 'bc' in 'abc', 'ac' in 'abc')
print('' in 'abc', 'abc' in 'abc', 'abcd' in 'abc')
print(1 in (1, 2), 3 in (1, 2), 1.0 in [1], True in [1])
d = {'k': 1, 'v': 2}
print('k' in d, 1 in d, 'z' not in d)
s = {1, 2, 3}
print(2 in s, 5 in s, 5 not in s)
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print([1] in [[1], [2]], (1,) in [(1,)], [] in [[]])
print(a in [c], a in [b])
x = 300
y = x
print(x is y)
