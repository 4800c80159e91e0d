# A bare raise re-raising the exception being handled.
def f():
    try:
        return {}['k']
    except KeyError:
        print('logging and re-raising')
        raise
f()
