# A starred expression that is not in an assignment target or call.
values = [1, 2]
x = *values
