# Checks: isinstance with built-in types, tuples of types, bool/int, user classes and exceptions.
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance('s', str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(set(), set), isinstance(None, object), isinstance(3, object))
print(isinstance(1, (str, int)), isinstance(1.5, (int, float)), isinstance('x', (int, list)))
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), object))
e = KeyError('k')
print(isinstance(e, KeyError), isinstance(e, Exception), isinstance(e, IndexError))
print(isinstance(ZeroDivisionError(), Exception), isinstance(RecursionError(), RuntimeError))
print(type(1) is int, type(True) is int, type(True) is bool, type(1) == int)
print(type('a'), type(1.5), type([]), type(None))
print(type(int), type(A), type(A()) is A)
