# Checks: hashes of ints past 64 bits (modulo 2**61 - 1, sign kept, -1 never), big dict keys, set iteration order and membership with equal floats.
M = 2 ** 61 - 1
for v in [M - 1, M, M + 1, -M, -(M + 1), 2 ** 64, -(2 ** 64), 2 ** 100, -(2 ** 100), 10 ** 30, 3 ** 70, 2 ** 200 - 1]:
    print(v, hash(v))
print(hash(2 ** 100) == hash(float(2 ** 100)), hash(2.0 ** 80) == hash(2 ** 80), hash(-(2 ** 61)))
d = {}
for k in [2 ** 64, 5, 2 ** 61 + 5, -(2 ** 70), 10 ** 20, 2 ** 64 + 1, M]:
    d[k] = str(k)[-3:]
print(d)
print(d[2 ** 64], d[1 << 64], 2 ** 64 + 1 in d, 2 ** 64 + 2 in d, float(2 ** 64) in d, d.get(M, 'no'))
del d[2 ** 61 + 5]
d[2 ** 61 + 5] = 'again'
print(list(d.keys()))
s = {2 ** 64, 1, M, 2 ** 61, 2 ** 65, 3, -(2 ** 64), 10 ** 25, 2 ** 100}
print(s)
print(sorted(s)[:3], len(s), 2.0 ** 64 in s, 2 ** 61 + 0.0 in s, 2 ** 100 + 1 in s)
s.discard(2 ** 65)
s.add(2 ** 66)
print(s)
t = (2 ** 70, -(2 ** 70), 'x')
print(hash(t) == hash((2 ** 70, -(2 ** 70), 'x')), {t: 1}[(1 << 70, -(1 << 70), 'x')])
counts = {}
for i in range(12):
    k = (i % 4) * 2 ** 80
    counts[k] = counts.get(k, 0) + 1
print(counts)
print({2 ** 64: 'a', 2.0 ** 64: 'b'}, {10 ** 30, 1e30}, {2 ** 100, 2.0 ** 100})
