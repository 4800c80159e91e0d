# An error inside a generator expression passed to sum().
words = ['a', 'bb', None]
total = sum(len(w) for w in words)
