# Checks: try/except with a specific class, a base class, a bare except, the first matching clause, tuples of classes.
def risky(kind):
    if kind == 'zero':
        return 1 / 0
    if kind == 'index':
        return [][0]
    if kind == 'key':
        return {}['k']
    if kind == 'value':
        return int('x')
    return 'fine'
for kind in ['zero', 'index', 'key', 'value', 'none']:
    try:
        r = risky(kind)
        print('result', r)
    except ZeroDivisionError:
        print('caught zero division')
    except (IndexError, KeyError) as e:
        print('caught lookup', type(e).__name__)
    except Exception as e:
        print('caught generic', type(e).__name__, e)
try:
    undefined_name
except:
    print('bare except caught it')
try:
    try:
        [1][5]
    except KeyError:
        print('not this one')
except IndexError as e:
    print('outer caught', e)
try:
    {}['missing']
except Exception as e:
    print('base class caught', repr(str(e)))
