# A recursive function without a base case.
def down(n):
    return down(n - 1)
down(10)
