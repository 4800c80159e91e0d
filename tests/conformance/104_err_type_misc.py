# Checks: TypeError messages for calls, subscripts, len, hashing, iteration and conversions.
def show(f):
    try:
        f()
        print('no error')
    except TypeError as e:
        print(type(e).__name__, e)
five = 5
text = 'str'
nothing = None
show(lambda: five())
show(lambda: text())
show(lambda: nothing())
show(lambda: five[0])
show(lambda: nothing[0])
show(lambda: len(5))
show(lambda: len(None))
show(lambda: {[1]: 2})
show(lambda: {[]})
show(lambda: set([[1]]))
show(lambda: [x for x in 5])
show(lambda: list(None))
show(lambda: int([1]))
show(lambda: int(None))
pair = [1, 2]
key = 'a'
idx = 1.0
show(lambda: pair[key])
show(lambda: text[idx])
show(lambda: sum(['a', 'b']))
def t():
    s = 'abc'
    s[0] = 'z'
show(t)
def u():
    d = {'a': 1}
    d[[1]] = 0
show(u)
show(lambda: 'a'.join([1, 2]))
show(lambda: sorted([1, 'a']))
show(lambda: max(1))
