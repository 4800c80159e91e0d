# Checks: the lecture's ref_count(address) helper follows objects as names, containers and frames come and go.
import ctypes
import sys
def ref_count(address):
    return ctypes.c_long.from_address(address).value
my_list = [1, 2, 3]
my_list_address = id(my_list)
print(ref_count(my_list_address))
other = my_list
print(ref_count(my_list_address))
other = None
print(ref_count(my_list_address))
def inside(v):
    return ref_count(id(v))
print(inside(my_list))
print(ref_count(id(my_list)), sys.getrefcount(my_list))
container = {'a': my_list, 'b': [my_list]}
print(ref_count(my_list_address))
container['b'].clear()
print(ref_count(my_list_address))
del container
print(ref_count(my_list_address))
print(ref_count(id(my_list)) == sys.getrefcount(my_list) - 1)
