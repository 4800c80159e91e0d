# Checks: the classic memory lecture sequence: names, ids, refcounts, ctypes, mutation and rebinding.
import sys
import ctypes
def ref_count(address):
    return ctypes.c_long.from_address(address).value
my_var = 'Hello Word'
other_var = 'Hello Word'
print(my_var is other_var, id(my_var) == id(other_var))
a = [1, 2, 3]
print(sys.getrefcount(a), ref_count(id(a)))
b = a
print(sys.getrefcount(a), ref_count(id(a)))
print(a is b, id(a) == id(b))
b.append(4)
print(a)
b = [1, 2, 3, 4]
print(a == b, a is b)
L = [1, 2, 3]
id_before = id(L)
item_id_before = id(L[1])
L[1] = 734
print(id(L) == id_before, id(L[1]) == item_id_before, L)
x = 10
y = x
x = x + 1
print(x, y, x is y)
s = 'hello '
s2 = s + 'world'
const = 'hello world'
folded = 'hello ' + 'world'
print(s2 == const, s2 is const, const is folded)
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(x), sys.getsizeof(1.5))
