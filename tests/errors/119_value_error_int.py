# Converting a non-numeric string to int.
text = 'x'
n = int(text)
