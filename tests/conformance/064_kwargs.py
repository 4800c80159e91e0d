# Checks: **kwargs collects extra keyword arguments into a dict in call order.
def opts(**kwargs):
    print(type(kwargs).__name__, kwargs)
    return len(kwargs)
print(opts())
print(opts(a=1, b=2))
print(opts(zeta=1, alpha=2, mid=3))
def mixed(a, *args, **kwargs):
    return a, args, kwargs
print(mixed(1))
print(mixed(1, 2, 3, x=4, y=5))
print(mixed(a=9, k='v'))
def config(name, level=1, **extra):
    line = name + ':' + str(level)
    for k in extra:
        line += ' ' + k + '=' + str(extra[k])
    return line
print(config('log'), config('log', 3, color='red', size=2))
try:
    config('a', level=1, name='b')
except TypeError as e:
    print('TypeError', e)
