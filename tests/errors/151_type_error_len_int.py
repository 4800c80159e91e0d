# A correct program that fails at its last line with a TypeError for len() of an int.
total = 0
for i in range(100):
    total += i
print(total)
n = len(total)
