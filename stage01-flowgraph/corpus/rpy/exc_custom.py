"""A custom exception hierarchy whose exceptions carry data; handlers pick by class."""


class BankError(Exception):
    def __init__(self, account, message):
        self.account = account
        self.message = message


class InsufficientFunds(BankError):
    def __init__(self, account, needed):
        BankError.__init__(self, account, "insufficient funds")
        self.needed = needed


class Frozen(BankError):
    pass


def withdraw(balances, account, amount):
    if account == "frozen":
        raise Frozen(account, "account is frozen")
    balance = balances[account]
    if amount > balance:
        raise InsufficientFunds(account, amount - balance)
    balances[account] = balance - amount
    return balance - amount


def entry_point(argv):
    balances = {"alice": 100, "frozen": 1000}
    requests = [("alice", 30), ("alice", 100), ("frozen", 5), ("alice", 70)]
    for account, amount in requests:
        try:
            left = withdraw(balances, account, amount)
            print("%s: withdrew %d, %d left" % (account, amount, left))
        except InsufficientFunds as e:
            print("%s: %s, short by %d" % (e.account, e.message, e.needed))
        except BankError as e:
            print("%s: %s" % (e.account, e.message))
    try:
        raise Frozen("bob", "test")
    except InsufficientFunds:
        print("wrong handler")
    except Exception as e:
        print("caught as Exception: " + str(isinstance(e, BankError)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: alice: withdrew 30, 70 left
# expect: alice: insufficient funds, short by 30
# expect: frozen: account is frozen
# expect: alice: withdrew 70, 0 left
# expect: caught as Exception: True
