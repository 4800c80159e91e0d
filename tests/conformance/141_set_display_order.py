# Checks: set displays of constants print in CPython's order (built through a merged frozenset constant).
print({33, 1, 65, 97})
a = {17, 1, 9}
print({1, 9, 17}, a)
print({5, 13, 21, 29, 37}, {100, 5, 33, 8, 1024})
x = 3
print({x, 11, 19}, 11 in {3, 11, 19})
for s in [{1,2,3}, {8,16,24,32}, {7,15,23,31,39,47}, {-1,-2,-3}, {0.5,1.5,2.5}, {100,200,300,400,500,600,700,800,900}]:
    print(s)
print({3,1,2} == {1,2,3}, {17, 1, 9} | {25, 33})
