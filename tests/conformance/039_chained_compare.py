# Checks: chained comparisons evaluate each operand once and short-circuit.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 < 2 < 3 < 4, 1 < 3 < 2 < 4, 3 > 2 > 1 > 0)
print(1 == 1.0 == True, x is not None is not False)
print(x == 5 != 6, 2 < x in [5, 6], 'a' in 'abc' in 'xabcx')
def val(n, tag):
    print('eval', tag)
    return n
print(val(1, 'a') < val(2, 'b') < val(3, 'c'))
print(val(3, 'a') < val(2, 'b') < val(5, 'c'))
print(val(1, 'a') < val(2, 'b') > val(0, 'c') == val(0, 'd'))
L = [1, 2, 3]
print(0 < len(L) <= 3)
a = b = [1]
print(a is b is a, a == b == [1] is not b)
