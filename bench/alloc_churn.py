# Allocation churn: small lists, tuples and floats are created and dropped at
# once, so the allocator keeps reusing the blocks it has just freed.

def churn(n):
    kept = 0
    for i in range(n):
        pair = [i, i + 1]
        point = (i, -i, pair)
        scaled = float(i) * 0.5
        if len(point) == 3 and scaled >= 0.0:
            kept += pair[1] - point[0]
    return kept

print(churn(1500000))
