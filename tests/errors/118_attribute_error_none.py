# An attribute of None, a classic mistake after list.sort().
nums = [3, 1, 2]
sorted_nums = nums.sort()
sorted_nums.append(4)
