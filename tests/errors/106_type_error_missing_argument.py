# Calling a function with too few arguments.
def area(w, h):
    return w * h
print(area(3))
