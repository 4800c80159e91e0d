# next() on an exhausted iterator.
it = iter([1])
next(it)
next(it)
