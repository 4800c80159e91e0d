# An f-string whose replacement field is never closed.
x = 1
s = f'value: {x'
