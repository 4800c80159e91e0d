# Checks: repr of nested containers, empty containers, single-element tuples and self-referencing lists and dicts.
print([], (), {}, set(), [[]], [()], ({},), (set(),))
print([1, [2, [3, []]]], (1, (2, (3, ()))), {'a': {'b': {'c': {}}}})
print([1, 'two', 3.0, None, True, (5,), {6: [7]}])
print({'k': (1, 'v'), 2: [3.5, 'x'], (1, 2): None})
print(((1,),), [(1,)], ('a', ('b',)), (('c',),))
L = [1, 2]
L.append(L)
print(L)
d = {'self': None}
d['self'] = d
print(d)
outer = [L, L]
print(outer)
print(repr([1, 2]) == str([1, 2]), str((1, 'a')), repr({'q': "it's"}))
print({1: 'a', 'b': 2, None: [], 1.5: ()})
print([range(3), range(1, 2)], [[1, 2], [3, 4]][1])
