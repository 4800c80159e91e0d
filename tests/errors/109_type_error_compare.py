# Ordering comparison between a str and an int.
values = [3, 'a', 1]
values.sort()
