# Checks: exceptions unwind through several frames running each finally on the way.
def level3(n):
    try:
        print('level3 start')
        return 10 // n
    finally:
        print('level3 finally')
def level2(n):
    try:
        return level3(n) + 1
    finally:
        print('level2 finally')
def level1(n):
    try:
        r = level2(n)
    except ZeroDivisionError as e:
        print('level1 caught', e)
        r = -1
    else:
        print('level1 else')
    finally:
        print('level1 finally')
    return r
print(level1(2))
print(level1(0))
def thrower():
    raise KeyError('deep')
def passer():
    thrower()
    print('never printed')
try:
    passer()
except KeyError as e:
    print('top level', e)
