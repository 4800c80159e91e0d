# Checks: module names hold references like locals do; a global statement rebinding drops the old object.
import sys
current = ['v1']
old = current
def replace():
    global current
    current = ['v2']
print(sys.getrefcount(old))
replace()
print(sys.getrefcount(old), current)
def local_copy():
    mine = current
    other = current
    return sys.getrefcount(current)
print(local_copy(), sys.getrefcount(current))
def stash():
    global stashed
    stashed = old
stash()
print(sys.getrefcount(old))
del stashed
print(sys.getrefcount(old))
