# Checks: the lecture's function-call example: references from caller, callee and pending arguments.
import sys
import ctypes
def ref_count(address):
    return ctypes.c_long.from_address(address).value
def show(obj):
    print('in show: getrefcount', sys.getrefcount(obj), 'bare', ref_count(id(obj)))
data = [10, 20]
print('module: getrefcount', sys.getrefcount(data), 'bare', ref_count(id(data)))
show(data)
alias = data
show(data)
p = data
q = [0]
print(p, q, sys.getrefcount(p))
for item in [data]:
    print('loop', sys.getrefcount(data))
print('after loop', sys.getrefcount(data))
del item, alias, p
print('final', sys.getrefcount(data), ref_count(id(data)))
