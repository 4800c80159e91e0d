# An error inside a lambda called by map.
double = lambda x: x * 2 + undefined
print(list(map(double, [1, 2])))
