# A lambda whose body is a statement.
f = lambda x: return x
