"""A bank simulation: accounts in a dict, a hierarchy of exception classes carrying data,
handlers that narrow by class, try/except/else/finally, default arguments, and keyword
arguments at call sites."""


class BankError(Exception):
    def __init__(self, account, message):
        self.account = account
        self.message = message


class InsufficientFunds(BankError):
    def __init__(self, account, balance, requested):
        BankError.__init__(self, account, "%s has %d, needs %d" % (account, balance, requested))
        self.balance = balance
        self.requested = requested


class UnknownAccount(BankError):
    def __init__(self, account):
        BankError.__init__(self, account, "no account named " + account)


class FrozenAccount(BankError):
    def __init__(self, account):
        BankError.__init__(self, account, "problem with " + account)


class Account(object):
    def __init__(self, owner, balance=0, limit=1000):
        self.owner = owner
        self.balance = balance
        self.limit = limit
        self.frozen = False
        self.history = []

    def record(self, kind, amount, note="-"):
        self.history.append((kind, amount, note))


class Bank(object):
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.failures = 0

    def open(self, owner, deposit=0, limit=1000):
        acct = Account(owner, balance=deposit, limit=limit)
        self.accounts[owner] = acct
        acct.record("open", deposit)
        return acct

    def find(self, owner):
        if owner not in self.accounts:
            raise UnknownAccount(owner)
        return self.accounts[owner]

    def withdraw(self, owner, amount, note="cash"):
        acct = self.find(owner)
        if acct.frozen:
            raise FrozenAccount(owner)
        if amount > acct.balance:
            raise InsufficientFunds(owner, acct.balance, amount)
        acct.balance -= amount
        acct.record("withdraw", amount, note)

    def deposit(self, owner, amount, note="cash"):
        acct = self.find(owner)
        acct.balance += amount
        acct.record("deposit", amount, note)

    def transfer(self, source, target, amount):
        self.find(target)                # fail before taking any money
        self.withdraw(source, amount, note="to " + target)
        self.deposit(target, amount, note="from " + source)

    def close(self, owner):
        acct = self.find(owner)
        del self.accounts[owner]
        return acct.balance


def attempt(bank, source, target, amount):
    try:
        bank.transfer(source, target, amount=amount)
    except InsufficientFunds as e:
        bank.failures += 1
        print("refused: " + e.message + " (short by %d)" % (e.requested - e.balance))
    except BankError as e:
        bank.failures += 1
        print("refused: " + e.message)
    else:
        print("moved %d from %s to %s" % (amount, source, target))
    finally:
        print("  [%d accounts, %d failures]" % (len(bank.accounts), bank.failures))


def entry_point(argv):
    bank = Bank("RPy Savings")
    bank.open("alice", 100)
    bank.open("bob")
    bank.open("carol", deposit=250, limit=50)
    attempt(bank, "alice", "bob", 30)
    attempt(bank, "bob", "carol", 60)
    attempt(bank, "alice", "dave", 10)
    bank.find("carol").frozen = True
    attempt(bank, "carol", "alice", 5)
    attempt(bank, "alice", "carol", 70)
    for owner in ["alice", "bob", "carol"]:
        acct = bank.find(owner)
        print("%s: %d %s" % (owner, acct.balance, str(acct.history)))
    print("closing bob returns %d" % bank.close("bob"))
    try:
        bank.close("bob")
    except UnknownAccount as e:
        print(e.message)
    names = list(bank.accounts.keys())
    names.sort()
    print("%s: %s" % (bank.name, ", ".join(names)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: moved 30 from alice to bob
# expect:   [3 accounts, 0 failures]
# expect: refused: bob has 30, needs 60 (short by 30)
# expect:   [3 accounts, 1 failures]
# expect: refused: no account named dave
# expect:   [3 accounts, 2 failures]
# expect: refused: problem with carol
# expect:   [3 accounts, 3 failures]
# expect: moved 70 from alice to carol
# expect:   [3 accounts, 3 failures]
# expect: alice: 0 [('open', 100, '-'), ('withdraw', 30, 'to bob'), ('withdraw', 70, 'to carol')]
# expect: bob: 30 [('open', 0, '-'), ('deposit', 30, 'from alice')]
# expect: carol: 320 [('open', 250, '-'), ('deposit', 70, 'from alice')]
# expect: closing bob returns 30
# expect: no account named bob
# expect: RPy Savings: alice, carol
