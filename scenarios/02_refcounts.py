# Lesson 2: reference counts
#
# Every object counts the references to it: from names, from slots of lists,
# tuples and dicts, from attributes, and from the evaluation stack while an
# expression is being computed. When the count drops to 0, nothing can reach
# the object any more, and CPython frees it AT ONCE (no waiting for a
# garbage collector). Its memory block goes back to the allocator, and the
# next object of the same size may get the very same address.
#
# Watch the count of the list as names are bound to it, unbound and rebound.
# This file is ordinary Python: python3 prints exactly the same lines.

import sys
import ctypes


# Two ways to read a reference count.
#
# sys.getrefcount(x) returns the count PLUS ONE: while getrefcount runs, its
# own argument is one more reference to the object.
#
# ref_count(address) reads the count stored in the object itself, with no
# extra reference: in CPython the count is the first field of every object,
# at the address that id() returns, and ctypes can read a C long there.
# Passing id(a) (a plain number) instead of `a` is what avoids the +1.
def ref_count(address):
    return ctypes.c_long.from_address(address).value


# --- 1. One name ---------------------------------------------------------------
a = [1, 2, 3]
print('getrefcount(a):', sys.getrefcount(a))    # 2: `a` + the argument
print('ref_count(id(a)):', ref_count(id(a)))    # 1: just `a`


# --- 2. A second name: b = a ---------------------------------------------------
# Watch: no new object; the list's count goes from 1 to 2.
b = a
print('after b = a:', ref_count(id(a)))          # 2


# --- 3. References from containers and from a call -----------------------------
# Watch: each slot of `pair` that refers to the list is one more reference.
pair = [a, a]
print('after pair = [a, a]:', ref_count(id(a)))  # 4

# Watch: deleting `pair` frees that list, which drops its two references.
del pair
print('after del pair:', ref_count(id(a)))       # 2


# Inside a function, the parameter is one more reference for as long as the
# call runs. The caller's reference on the evaluation stack becomes the
# parameter `x` (no copy), and getrefcount's argument adds the usual +1.
def count_inside(x):
    return sys.getrefcount(x)

print('inside count_inside(a):', count_inside(a))  # 4: a, b, x, argument
print('after the call:', ref_count(id(a)))          # 2 again


# --- 4. del and rebinding drop a reference -------------------------------------
# `del b` removes the NAME b (the object stays: `a` still refers to it).
del b
print('after del b:', ref_count(id(a)))          # 1

# Rebinding a name also drops the reference it held.
c = a
print('after c = a:', ref_count(id(a)))          # 2
c = 'something else'
print('after c = ...:', ref_count(id(a)))        # 1


# --- 5. Count 0: the object is freed at once -------------------------------------
address = id(a)

# Watch: `del a` drops the last reference. The count reaches 0 and the list
# is deallocated right here, on this line: first the references it holds (to
# 1, 2 and 3) are dropped, then its memory block is freed.
del a

# The block now holds a freed object, whose count field reads 0. Reading
# freed memory is unsafe in real CPython in general (it works here because
# CPython keeps freed list objects aside for reuse); memviz reads its
# simulated heap, where this is always safe.
print('the freed block reads:', ref_count(address))   # 0

# Watch: the next list to be created gets the block that was just freed:
# same address, new object.
d = [4, 5, 6]
print('d reuses the address:', id(d) == address)      # True
print('the block reads:', ref_count(address))          # 1: the name d
print('d =', d)
