# Checks: mutating a list keeps its id; rebinding a slot changes the id of the element; += on tuples makes a new object.
L = [1, 2, 3]
id_L = id(L)
id_item = id(L[1])
L[1] = 734
print(id(L) == id_L, id(L[1]) == id_item, L)
L.append(4)
L.extend([5, 6])
L.sort()
print(id(L) == id_L)
L += [7]
print(id(L) == id_L)
L = L + [8]
print(id(L) == id_L)
t = (1, 2)
id_t = id(t)
t += (3,)
print(id(t) == id_t, t)
s = 'abc def'
id_s = id(s)
s += 'g'
print(id(s) == id_s)
d = {}
id_d = id(d)
for i in range(50):
    d[i] = i
print(id(d) == id_d, len(d))
x = 1000
id_x = id(x)
x += 1
print(id(x) == id_x)
class Box:
    pass
b = Box()
id_b = id(b)
b.v = 1
b.v = 2
print(id(b) == id_b)
