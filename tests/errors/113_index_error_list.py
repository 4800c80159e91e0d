# Reading past the end of a list.
items = [1, 2, 3]
print(items[3])
