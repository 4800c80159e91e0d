# Checks: pass in every kind of block.
def nothing():
    pass
class Empty:
    pass
print(nothing())
if True:
    pass
for i in range(3):
    pass
print(i)
while False:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
e = Empty()
print(type(e).__name__)
print('done')
