# A generator expression that is not the sole argument must be parenthesized.
nums = [1, 2, 3]
total = sum(x for x in nums, 10)
