# Checks: functions receive references: mutating a parameter is visible, rebinding it is not.
def mutate(lst):
    lst.append('added')
def rebind(lst):
    lst = ['new list']
    return lst
data = ['orig']
mutate(data)
print(data)
r = rebind(data)
print(data, r)
def change_dict(d):
    d['k'] = 'v'
    d = {}
    d['lost'] = True
conf = {}
change_dict(conf)
print(conf)
def inc(n):
    n += 1
    return n
v = 5
print(inc(v), v)
def extend(t):
    t += (9,)
    return t
tup = (1,)
print(extend(tup), tup)
def ext_list(l):
    l += [9]
lst = [1]
ext_list(lst)
print(lst)
