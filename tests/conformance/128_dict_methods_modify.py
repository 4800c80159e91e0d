# Checks: dict.pop (with default), update (dict, pairs, keywords), clear, copy; insertion order kept on overwrite.
d = {'x': 1, 'y': 2, 'z': 3}
print(d.pop('y'), d, d.pop('missing', 'dflt'))
d.update({'a': 10, 'x': 100})
print(d)
d.update([('b', 20)])
d.update(c=30)
print(d)
e = d.copy()
e['x'] = 'changed'
print(d['x'], e['x'], e is d)
d['x'] = 'updated'
print(list(d))
del d['x']
d['x'] = 'readded'
print(list(d))
d.clear()
print(d, len(d))
n = {'inner': [1]}
m = n.copy()
m['inner'].append(2)
print(n)
f = {1: 'int', 1.0: 'float', True: 'bool'}
print(f)
