# Checks: while loops, while/else when the condition becomes false versus break.
i = 0
while i < 3:
    print('i', i)
    i += 1
else:
    print('else ran, i =', i)
n = 10
while n > 0:
    if n == 7:
        print('break at', n)
        break
    n -= 1
else:
    print('not printed')
total = 0
k = 0
while True:
    k += 1
    if k % 2:
        continue
    total += k
    if k >= 10:
        break
print(total)
j = 5
while j > 100:
    print('never')
else:
    print('else on first test')
countdown = 3
while countdown: countdown -= 1
print(countdown)
