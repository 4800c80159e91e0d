# Checks: a class body that binds a name its methods take from the enclosing function (the class passes the outer cell down).
def outer():
    x = 1
    class B:
        x = 2
        print(x)
        def m(self):
            return x
    print(B.x, B().m())
outer()
