# One million appends to one list, then sums: the list grows by CPython's
# over-allocation rule, so its item array is reallocated (and moved) many
# times; the loop at the end reads every item back through the iterator.

values = []
i = 0
while i < 1000000:
    values.append(i * 3)
    i += 1

odd = 0
for v in values:
    if v % 2 == 1:
        odd += 1
print(len(values), sum(values), odd)
