# Checks: NameError for undefined names and UnboundLocalError for locals read before assignment.
def show(f):
    try:
        f()
    except NameError as e:
        print(type(e).__name__, '|', e, '|', isinstance(e, NameError))
show(lambda: undefined_thing)
def uses_global_later():
    print(counter)
show(uses_global_later)
counter = 5
uses_global_later()
def unbound():
    print(value)
    value = 1
show(unbound)
value = 'global value'
show(unbound)
def unbound_aug():
    total += 1
total = 0
show(unbound_aug)
def deleted_local():
    x = 1
    del x
    return x
show(deleted_local)
def closure_unbound():
    def inner():
        return later
    r = inner()
    later = 1
    return r
show(closure_unbound)
