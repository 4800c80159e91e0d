# Lesson 3: shared objects and constants
#
# `x is y` is True only when x and y refer to ONE object. For immutable
# objects (ints, floats, strings, tuples) Python is free to hand out one
# shared object instead of several equal ones, because nobody can tell the
# difference by changing it. CPython does so in a few places:
#
#   * small ints, from -5 to 256, are made once at start-up and shared;
#   * the empty tuple is shared, and so is each string of one character
#     taken out of another string (word[0]);
#   * equal constants in one script are merged into one object when the
#     script is compiled, and constant expressions such as 499 + 1 or
#     'Hello ' + 'Word' are computed (folded) at compile time and merged too.
#
# A value COMPUTED while the program runs is a new object, unless it is one
# of the shared ones. So `is` on numbers and strings depends on how the value
# was made: compare values with `==`, and keep `is` for identity (`x is None`).
#
# Watch which lines create a new object on the heap and which only bind a
# name to an object that already exists.
# This file is ordinary Python: python3 prints exactly the same lines.


# --- 1. Small ints are shared; larger computed ints are not --------------------
n = 250
p = n + 6                          # 256, computed at run time...
q = n + 6
print('256 is 256:', p is q)       # True: ...but 256 is a preallocated small int

r = n + 7                          # 257: not a small int
s = n + 7                          # watch: a second, separate int object
print('257 == 257:', r == s)       # True
print('257 is 257:', r is s)       # False: two objects with equal values


# --- 2. Equal constants are one object -------------------------------------------
# Watch: both names are bound to the same string constant; no string is made
# when these lines run.
s1 = 'Hello Word'
s2 = 'Hello Word'
print('s1 is s2:', s1 is s2)       # True

f1 = 1.5
f2 = 1.5
print('f1 is f2:', f1 is f2)       # True: the same float constant
f3 = f1 * 1                        # computed: a new float object
print('f3 == f1:', f3 == f1, ' f3 is f1:', f3 is f1)    # True False

t1 = (1, 2, 3)                     # a tuple of constants is a constant too
t2 = (1, 2, 3)
print('t1 is t2:', t1 is t2)       # True


# --- 3. Constant expressions are folded at compile time ---------------------------
big = 499 + 1                      # the compiler turns this into 500...
five_hundred = 500                 # ...and merges it with this constant
print('499 + 1 is 500:', big is five_hundred)           # True

k = 499
computed = k + 1                   # done when the line runs: a new int
print('k + 1 == 500:', computed == five_hundred)        # True
print('k + 1 is 500:', computed is five_hundred)        # False

s3 = 'Hello ' + 'Word'             # folded into the constant 'Hello Word'
print('folded string is s1:', s3 is s1)                 # True

w = 'Word'
s4 = 'Hello ' + w                  # concatenated at run time: a new string
print('s4 == s1:', s4 == s1, ' s4 is s1:', s4 is s1)    # True False


# --- 4. Other shared objects ----------------------------------------------------
empty = ()
also_empty = tuple([])             # there is only one empty tuple
print('tuple([]) is ():', also_empty is empty)          # True

print('t1[:] is t1:', t1[:] is t1)                      # True: a full slice of
print('tuple(t1) is t1:', tuple(t1) is t1)              # an immutable tuple,
                                                        # or a "copy", is itself
word = 'memory'
first = word[0]                    # 'm', taken out of the string at run time
third = word[2]                    # 'm' again: no new string object is made
print('word[0] is word[2]:', first is third)            # True

# A list is mutable, so a copy must be a new object: changing one must not
# change the other.
l1 = [1, 2, 3]
l2 = l1[:]
print('l1 == l2:', l1 == l2, ' l1 is l2:', l1 is l2)    # True False
