# Checks: bare raise re-raises the current exception; raise e; exceptions propagate through frames.
def inner():
    raise ValueError('from inner')
def middle():
    try:
        inner()
    except ValueError:
        print('middle saw it, re-raising')
        raise
try:
    middle()
except ValueError as e:
    print('top caught:', e)
def wrap():
    try:
        {}['k']
    except KeyError as e:
        print('got', repr(str(e)))
        raise e
try:
    wrap()
except KeyError as e:
    print('again', type(e).__name__)
def convert():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('converted')
try:
    convert()
except RuntimeError as e:
    print(e, '| context:', type(e.__context__).__name__, '| suppress:', e.__suppress_context__)
try:
    try:
        raise IndexError('one')
    finally:
        print('finally during propagation')
except IndexError as e:
    print('caught after finally:', e)
