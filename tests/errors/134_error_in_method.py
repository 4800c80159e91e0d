# An error inside a method called through another method.
class Account:
    def __init__(self):
        self.balance = 0
    def withdraw(self, n):
        return self.check(n)
    def check(self, n):
        return self.balance / (n - n)
a = Account()
a.withdraw(5)
