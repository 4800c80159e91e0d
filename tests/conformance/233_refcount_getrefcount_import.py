# Checks: from sys import getrefcount and import sys as s report the same counts as sys.getrefcount.
from sys import getrefcount
import sys as s
data = {'numbers': [1, 2, 3]}
print(getrefcount(data), s.getrefcount(data))
alias = data
print(getrefcount(data), s.getrefcount(data))
inner = data['numbers']
print(getrefcount(inner))
def f(v):
    return getrefcount(v)
print(f(data), f(inner))
print(getrefcount(getrefcount) > 0)
