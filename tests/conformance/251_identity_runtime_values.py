# Checks: values computed at run time are new objects, except shared small ints and one-character strings.
x = 250
y = x + 6
z = 256
print(y is z, y == z)
p = 257
q = p + 0
r = 200 + 57
print(q == r, p is r)
big = 1000
step = 1
c1 = big + step
c2 = big + step
print(c1 == c2, c1 is c2)
neg = -5
five = -5
print(neg + 0 is five, (neg - 1) + 1 is neg)
word = 'hello world'
part1 = word[:5]
part2 = word[:5]
print(part1 == part2, part1 is part2)
ch1 = word[0]
ch2 = word[::-1][-1]
print(ch1 is ch2)
e1 = word[3:3]
empty = ''
print(e1 is empty, e1 == empty)
f = 0.1
g1 = f * 2
g2 = f * 2
print(g1 == g2, g1 is g2)
L1 = [1, 2]
L2 = [1, 2]
print(L1 == L2, L1 is L2)
