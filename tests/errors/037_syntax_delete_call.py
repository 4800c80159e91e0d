# Deleting a function call.
items = [1]
del len(items)
