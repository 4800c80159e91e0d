# Checks: augmented assignment operators on ints, floats, strings, lists and targets.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x /= 4
print(x)
x %= 1.5
print(x)
y = 17
y %= 5
print(y)
y = -17
y //= 5
print(y)
s = 'ab'
s += 'cd'
s *= 2
print(s)
L = [1]
M = L
L += [2, 3]
print(L, M, L is M)
L *= 2
print(M)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
d = {'n': 1}
d['n'] += 10
print(d)
class C:
    pass
o = C()
o.v = 3
o.v *= 7
print(o.v)
