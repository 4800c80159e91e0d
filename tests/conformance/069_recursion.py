# Checks: recursive functions (factorial, fibonacci, mutual recursion) and moderate depth.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(0), fact(5), fact(20))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out += flatten(item)
    return out
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(hanoi(3, 'A', 'B', 'C', []))
