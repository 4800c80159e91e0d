# An unexpected keyword argument.
def greet(name):
    return 'hi ' + name
greet(nam='x')
