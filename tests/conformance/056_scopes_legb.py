# Checks: name resolution order local, enclosing, global, builtin; shadowing builtins.
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner()
print(outer())
def local_wins():
    x = 'local'
    return x
print(local_wins(), x)
def reads_global():
    return x
print(reads_global())
def shadow_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadow_builtin(), len('abc'))
max = 'module shadows max'
print(max)
del max
print(max(1, 2))
def param_shadow(x):
    return x
print(param_shadow('param'), x)
for x in range(2):
    pass
print(x)
