# An error inside an f-string replacement field.
d = {'a': 1}
msg = f'value is {d["b"]}'
