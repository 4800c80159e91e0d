# Checks: str() of exceptions with zero, one and several arguments, and KeyError's repr-style str.
print(repr(str(Exception())), str(Exception('one')), str(Exception('a', 1)))
print(str(ValueError(42)), str(ValueError([1, 2])), str(ValueError(None)))
print(str(KeyError('k')), str(KeyError(1)), str(KeyError()), str(KeyError('a', 'b')))
print(str(IndexError('idx')), str(TypeError('t')), str(ZeroDivisionError('z')))
print(str(RuntimeError('r')), str(AssertionError()), str(StopIteration(5)))
print(str(AttributeError('attr')), str(NameError('n')), str(RecursionError('deep')))
print(str(MemoryError()), str(OverflowError('big')))
try:
    raise Exception('multi', 'args', 3)
except Exception as e:
    print(e)
class E(Exception):
    pass
print(str(E('custom')), str(E()), repr(E('x')))
