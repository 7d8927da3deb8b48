"""Class attributes as per-class constants, instance counters, methods calling methods."""


class Counter(object):
    step = 1
    label = "counter"

    def __init__(self):
        self.value = 0

    def tick(self):
        self.value += self.step
        return self


class FastCounter(Counter):
    step = 10
    label = "fast"


class Account(object):
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.deposit(-amount)
        return True


def entry_point(argv):
    counters = [Counter(), FastCounter()]
    for c in counters:
        c.tick().tick().tick()
        print("%s: %d (step %d)" % (c.label, c.value, c.step))
    print("%d %d" % (Counter.step, FastCounter.step))
    acct = Account("ada", 100)
    acct.deposit(50)
    print(str(acct.withdraw(500)) + " " + str(acct.withdraw(30)))
    print("%s has %d after %d operations" % (acct.owner, acct.balance, len(acct.history)))
    print(str(acct.history))
    other = acct
    other.balance = 0
    print("%d" % acct.balance)
    print(str(acct is other) + " " + str(Account("x", 0) is acct))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: counter: 3 (step 1)
# expect: fast: 30 (step 10)
# expect: 1 10
# expect: False True
# expect: ada has 120 after 2 operations
# expect: [50, -30]
# expect: 0
# expect: True False
