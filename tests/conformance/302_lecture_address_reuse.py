# Checks: the lecture's "the address stays, but now it holds something else" lesson with lists.
import ctypes
import gc
gc.disable()
def ref_count(address):
    return ctypes.c_long.from_address(address).value
my_list = [1, 2, 3]
addr = id(my_list)
print('alive', ref_count(addr))
extra = my_list
print('two names', ref_count(addr))
del my_list
print('one name', ref_count(addr))
del extra
print('freed', ref_count(addr))
new_list = [7, 8, 9]
print('reused', id(new_list) == addr, ref_count(addr))
holder = [new_list]
print('held twice', ref_count(addr))
