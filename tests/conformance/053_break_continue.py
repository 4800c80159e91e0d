# Checks: break and continue in nested loops affect only the innermost loop.
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
    print('end outer', i)
result = []
for n in range(20):
    if n % 3 == 0:
        continue
    if n > 10:
        break
    result.append(n)
print(result)
i = 0
while i < 5:
    i += 1
    for c in 'ab':
        if i == 3:
            break
    else:
        continue
    print('inner broke at', i)
    break
try:
    for q in range(3):
        try:
            if q == 1:
                continue
            print('body', q)
        finally:
            print('finally', q)
finally:
    print('outer finally')
