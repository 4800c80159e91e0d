# Checks: IndexError messages for lists, tuples, strings, ranges and pop.
def show(f):
    try:
        f()
    except IndexError as e:
        print(type(e).__name__, e)
L = [1, 2, 3]
show(lambda: L[3])
show(lambda: L[-4])
show(lambda: (1, 2)[2])
show(lambda: 'abc'[10])
show(lambda: range(3)[3])
show(lambda: [].pop())
show(lambda: [1].pop(5))
def assign():
    L[10] = 0
show(assign)
def delete():
    del L[7]
show(delete)
print(L[1:100], L[-100:1], 'abc'[5:])
