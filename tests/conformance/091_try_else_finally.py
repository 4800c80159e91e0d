# Checks: else runs only without exception; finally always runs, also on return, break and continue.
def attempt(fail):
    try:
        print('  try')
        if fail:
            raise ValueError('boom')
    except ValueError as e:
        print('  except', e)
    else:
        print('  else')
    finally:
        print('  finally')
    print('  after')
print('no failure:')
attempt(False)
print('failure:')
attempt(True)
def ret():
    try:
        return 'from try'
    finally:
        print('finally before return')
print(ret())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print('loop body', i)
    finally:
        print('loop finally', i)
def order():
    log = []
    try:
        log.append('try')
    except Exception:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
print(order())
