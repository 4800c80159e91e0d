# Checks: global statement rebinding module names from inside functions; reading globals without it.
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
def read_only():
    return total * 2
print(read_only())
def create():
    global created
    created = 'made inside'
create()
print(created)
name = 'module'
def local_shadow():
    name = 'local'
    return name
print(local_shadow(), name)
L = []
def mutate():
    L.append('no global needed to mutate')
mutate()
print(L)
def nested():
    def inner():
        global total
        total = -1
    inner()
nested()
print(total)
