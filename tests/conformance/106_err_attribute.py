# Checks: AttributeError messages for instances, classes, built-in objects and None.
def show(f):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
class Thing:
    kind = 'k'
    def __init__(self):
        self.size = 1
t = Thing()
show(lambda: t.color)
show(lambda: Thing.color)
show(lambda: (5).real_part)
show(lambda: 'text'.push)
show(lambda: [].add)
show(lambda: None.value)
show(lambda: {}.append)
def set_on_int():
    x = 5
    x.attr = 1
show(set_on_int)
def del_missing():
    del t.color
show(del_missing)
print(t.size, t.kind)
