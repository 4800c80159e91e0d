# Checks: conditional expressions, nesting, and that only one branch runs.
x = 5
print('big' if x > 3 else 'small', 'even' if x % 2 == 0 else 'odd')
print(1 if True else 2 if False else 3)
print((1 if False else 2) if x else 0)
sign = lambda n: 'neg' if n < 0 else 'zero' if n == 0 else 'pos'
print(sign(-3), sign(0), sign(9))
def loud(v):
    print('evaluated', v)
    return v
print(loud('yes') if x else loud('no'))
print(loud('yes') if not x else loud('no'))
L = [i if i % 2 else -i for i in range(5)]
print(L)
y = None
print(y if y is not None else 'default')
