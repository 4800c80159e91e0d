# Removing a value that is not in the list.
L = [1, 2]
L.remove(3)
