# Checks: f-strings with plain {expr} fields, expressions inside, doubled braces.
name = 'World'
n = 42
x = 2.5
print(f'Hello {name}!')
print(f"{n} + 1 = {n + 1}")
print(f'{x * 2} {x > 1} {None} {[1, 2]} {(3,)} {{literal braces}}')
print(f'{name.upper()} has {len(name)} letters')
print(F'upper F prefix {n}')
print(f'{"inner double quotes"}')
print(f'{n}{n}{n}')
print(f'')
L = [10, 20]
d = {'k': 'v'}
print(f'{L[0]} {d["k"]} {L[-1] // 3}')
print(f'{n if n > 40 else 0}')
print(f'multi {n} ' 'plain part ' f'{x}')
print(f'{1 == 1.0} {-n}')
