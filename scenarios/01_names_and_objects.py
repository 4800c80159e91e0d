# Lesson 1: names and objects
#
# Python keeps two kinds of things apart:
#
#   * NAMES (variables) such as `a` and `b` live in a frame, on the stack.
#     A name is only a label: it holds a REFERENCE to an object, never the
#     object itself.
#   * OBJECTS (the list [1, 2, 3], the int 734, the string 'hello') live on
#     the heap. Every object has a type, a value, an identity and a reference
#     count: the number of references to it.
#
# Go through the program one line at a time. At each assignment ask two
# questions: which object does the name refer to now, and did a new object
# appear on the heap or did a name just start referring to an existing one?
#
# This file is ordinary Python: `python3 01_names_and_objects.py` prints the
# same lines, except for the addresses (see id() below).


# --- 1. A name refers to an object -------------------------------------------
# Watch: a list object appears on the heap, then the name `a` is bound to it.
a = [1, 2, 3]

# id(x) is the identity of the object x refers to. In CPython it is the
# object's address in memory, and `hex` shows it the way addresses are
# usually written. memviz simulates the heap, so the number you see there is
# not the one python3 prints: only whether two ids are equal matters.
print('a refers to the object at', hex(id(a)))


# --- 2. b = a copies the reference, not the object ----------------------------
# Watch: NO new object appears. The name `b` is bound to the very same list,
# whose reference count goes from 1 to 2.
b = a
print('same object?', id(a) == id(b))      # True: one object, two names
print('a is b:', a is b)                    # `is` compares identities

# Since there is only one list, a change made through `b` is seen through `a`.
b.append(4)
print('a =', a)                             # [1, 2, 3, 4]


# --- 3. `is` asks "same object?", `==` asks "same value?" --------------------
# Watch: this list display builds a SECOND list object, with equal contents.
c = [1, 2, 3, 4]
print('a == c:', a == c)                    # True: equal values
print('a is c:', a is c)                    # False: two different objects


# --- 4. Rebinding a name does not touch the object ---------------------------
# Watch: `a` now refers to a new list; the old list still has `b`, so it
# stays on the heap (its reference count drops from 2 to 1).
a = [7]
print('a =', a, ' b =', b)                  # [7]  [1, 2, 3, 4]
print('a is b:', a is b)                    # False now


# --- 5. Assigning to a list slot keeps the list, changes one reference -------
L = [1, 2, 3]
list_id = id(L)
item_id = id(L[1])

# Watch: the list object stays where it is. Only its slot 1 changes: it now
# refers to the int object 734 (a constant of this script, made when the
# script was compiled) instead of the int 2, which loses a reference.
L[1] = 734
print('L =', L)                             # [1, 734, 3]
print('still the same list?', id(L) == list_id)          # True
print('slot 1, same object as before?', id(L[1]) == item_id)  # False

# An int is immutable: `L[1] += 1` cannot change the 734 object in place.
# It computes a NEW int object, 735, and stores a reference to it in slot 1.
before = id(L[1])
L[1] += 1
print('L =', L)                             # [1, 735, 3]
print('slot 1 changed object?', id(L[1]) != before)      # True
