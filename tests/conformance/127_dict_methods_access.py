# Checks: dict.get, keys, values, items (views reflect changes), setdefault.
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.get('a', 0))
k = d.keys()
v = d.values()
i = d.items()
print(list(k), list(v), list(i))
d['c'] = 3
print(list(k), list(v), list(i), len(k))
print('a' in k, 3 in v, ('b', 2) in i)
print(d.setdefault('a', 100), d.setdefault('new', []), d)
d.setdefault('new', []).append('x')
print(d['new'])
for key, val in d.items():
    print(key, val)
print(k)
print(v)
print(i)
print(sorted(d.keys()), len(d.values()))
