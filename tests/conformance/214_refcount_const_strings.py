# Checks: a string literal is referenced by the compiler's tree and by the code's constants while the script runs.
# Equal literals are merged into one constant object; each extra occurrence of the literal
# stays in the tree as its own object, so it adds no reference to the merged constant.
import sys
s = 'Hello Word'
print(sys.getrefcount(s))
t = 'Hello Word'
print(sys.getrefcount(s), s is t)
folded = 'hello ' + 'world'
print(sys.getrefcount(folded))
runtime = s + ''
print(runtime is s)
built = ''.join(['Hello', ' ', 'Word'])
print(built is s, built == s, sys.getrefcount(built))
other = 'a, b, c'
print(sys.getrefcount(other))
copy = other
print(sys.getrefcount(other))
del copy
print(sys.getrefcount(other))
