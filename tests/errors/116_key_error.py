# A missing dict key.
ages = {'ann': 30}
print(ages['bob'])
