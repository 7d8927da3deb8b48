"""A singly linked list of instances with None as the end: push, reverse, length, remove."""


class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


class LinkedList(object):
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Cell(value, self.head)
        self.size += 1

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def remove(self, value):
        prev = None
        cur = self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev = cur
            cur = cur.next
        return False

    def show(self):
        parts = []
        cur = self.head
        while cur is not None:
            parts.append(cur.value)
            cur = cur.next
        return "(" + " -> ".join(parts) + ")"


def entry_point(argv):
    lst = LinkedList()
    print(lst.show())
    for word in ["one", "two", "three", "four"]:
        lst.push(word)
    print(lst.show() + " size %d" % lst.size)
    lst.reverse()
    print(lst.show())
    print(str(lst.remove("three")) + " " + str(lst.remove("five")) + " " + str(lst.remove("one")))
    print(lst.show() + " size %d" % lst.size)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: ()
# expect: (four -> three -> two -> one) size 4
# expect: (one -> two -> three -> four)
# expect: True False True
# expect: (two -> four) size 2
