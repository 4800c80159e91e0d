# An f-string with an empty expression.
x = 1
s = f'value: {}'
