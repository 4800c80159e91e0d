# Checks: augmented assignment on lists works in place (same object, same count); on tuples and strings it rebinds.
import sys
x = ['x']
L = [x]
alias = L
L += [x]
print(L is alias, sys.getrefcount(L), sys.getrefcount(x))
L *= 2
print(sys.getrefcount(x), len(alias))
t = (x,)
t_alias = t
t += (x,)
print(t is t_alias, sys.getrefcount(x), sys.getrefcount(t_alias))
del t_alias
print(sys.getrefcount(x))
holder = {'list': [x]}
holder['list'] += [x]
print(sys.getrefcount(x))
class Box:
    pass
b = Box()
b.items = [x]
b.items += [x, x]
print(sys.getrefcount(x), len(b.items))
