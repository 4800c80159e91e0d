# Checks: default argument values, evaluated once at def time; a shared mutable default.
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(2, exp=5))
def tag(text, open='<', close='>'):
    return open + text + close
print(tag('b'), tag('b', '['), tag('b', close=']'))
counter = 10
def show(v=counter):
    return v
counter = 99
print(show())
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe(1), safe(2))
def many(a, b=1, c=2, d=3):
    return a, b, c, d
print(many(0), many(0, 9), many(0, d=9), many(0, 5, d=7, c=6))
