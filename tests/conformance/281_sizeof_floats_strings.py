# Checks: sys.getsizeof of floats (24) and strings: ASCII 49+n, Latin-1 73+n, BMP 74+2n, astral 76+4n.
import sys
print(sys.getsizeof(0.0), sys.getsizeof(1.5), sys.getsizeof(float('inf')), sys.getsizeof(1e300))
for s in ['', 'a', 'ab', 'hello world', 'x' * 100, '\xe9', 'caf\xe9', '\xff' * 10, '\u20ac', 'a\u20ac', '\u0100' * 5, '\U0001f600', 'a\U0001f600']:
    print(len(s), sys.getsizeof(s))
s = 'abc'
t = s + '\xe9'
print(sys.getsizeof(s), sys.getsizeof(t), sys.getsizeof(t[:3]))
u = 'x' * 7
print(sys.getsizeof(u), sys.getsizeof(u + '\u20ac'), sys.getsizeof(u + '\U0001f600'))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr(1.5)))
