# Checks: exceptions handled inside loops, continue/break from handlers, counting failures.
inputs = ['10', 'x', '3', '', '-4', '2.5']
total = 0
bad = []
for s in inputs:
    try:
        total += int(s)
    except ValueError:
        bad.append(s)
        continue
    print('added', s)
print(total, bad)
data = [5, 0, 2]
for d in data:
    try:
        r = 10 // d
    except ZeroDivisionError as e:
        print('stop:', e)
        break
    print('result', r)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise RuntimeError('try again')
        print('succeeded after', attempts)
        break
    except RuntimeError as e:
        print(e, attempts)
