# A local read before its assignment, although a global of the same name exists.
count = 10
def f():
    print(count)
    count = 0
f()
