# Checks: a class hierarchy with user exceptions, validation, class-level counters and str formatting.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f'need {needed:.2f} more')
        self.needed = needed
class Account:
    opened = 0
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        Account.opened += 1
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amount
        return self.balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        return self.balance
    def __str__(self):
        return f'{self.owner}: {self.balance:.2f}'
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        return self.deposit(self.balance * self.rate)
acc = Account('ann', 100)
sav = Savings('bob', 1000.0)
print(acc, sav, Account.opened)
acc.deposit(50.25)
sav.add_interest()
print(acc, sav)
for amount in [20, 500]:
    try:
        acc.withdraw(amount)
        print('ok', acc)
    except InsufficientFunds as e:
        print('failed:', e, f'{e.needed:.2f}')
try:
    acc.deposit(-1)
except ValueError as e:
    print('ValueError:', e)
print(isinstance(sav, Account), type(sav).__name__, Savings.opened)
