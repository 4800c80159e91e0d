# Checks: KeyError from dict lookup, del, pop, set.remove; str(e) is the repr of the key.
d = {'a': 1}
def show(f):
    try:
        f()
    except KeyError as e:
        print(type(e).__name__, e, repr(str(e)))
show(lambda: d['b'])
show(lambda: d[42])
show(lambda: d[(1, 'x')])
show(lambda: d.pop('zz'))
show(lambda: {}['k k'])
show(lambda: {1, 2}.remove(3))
def delete():
    del d['nope']
show(delete)
print(d.get('b'), d.pop('b', 'default'), d)
