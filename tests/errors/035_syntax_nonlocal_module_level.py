# A nonlocal declaration at module level.
x = 1
nonlocal x
