# A failing assert with a message.
def check(v):
    assert v > 0, 'v must be positive'
    return v
check(5)
check(-1)
