# Checks: list.reverse, sort (key, reverse, stability), copy (shallow).
L = [3, 1, 2]
print(L.reverse(), L)
print(L.sort(), L)
L.sort(reverse=True)
print(L)
words = ['pear', 'Fig', 'apple', 'date']
words.sort()
print(words)
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=len)
print(words)
recs = [(2, 'b'), (1, 'b'), (2, 'a'), (1, 'a')]
recs.sort(key=lambda r: r[0])
print(recs)
orig = [[1], [2]]
cp = orig.copy()
print(cp == orig, cp is orig, cp[0] is orig[0])
cp.append([3])
cp[0].append('shared')
print(orig, cp)
e = []
e.sort()
e.reverse()
print(e)
f = [0.5, -1, 2, True]
f.sort()
print(f)
