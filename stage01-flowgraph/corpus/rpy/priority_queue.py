"""A binary min-heap of (priority, sequence, name) tuples driving a small event
simulation: tuples compare item by item, swaps by tuple unpacking, heapsort at the end."""


class Heap(object):
    def __init__(self):
        self.items = []

    def size(self):
        return len(self.items)

    def push(self, item):
        self.items.append(item)
        i = len(self.items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.items[i] < self.items[parent]:
                self.items[i], self.items[parent] = self.items[parent], self.items[i]
                i = parent
            else:
                break

    def pop(self):
        items = self.items
        top = items[0]
        last = items.pop()
        if len(items) > 0:
            items[0] = last
            i = 0
            n = len(items)
            while True:
                left = 2 * i + 1
                right = left + 1
                smallest = i
                if left < n and items[left] < items[smallest]:
                    smallest = left
                if right < n and items[right] < items[smallest]:
                    smallest = right
                if smallest == i:
                    break
                items[i], items[smallest] = items[smallest], items[i]
                i = smallest
        return top


class Scheduler(object):
    def __init__(self):
        self.queue = Heap()
        self.seq = 0
        self.log = []

    def at(self, time, name):
        self.queue.push((time, self.seq, name))
        self.seq += 1

    def run(self, until):
        while self.queue.size() > 0:
            time, seq, name = self.queue.pop()
            if time > until:
                self.log.append("stopped before %s at t=%d" % (name, time))
                return
            self.log.append("t=%d %s" % (time, name))
            if name.startswith("tick"):
                count = int(name[4:])
                if count < 3:
                    self.at(time + 5, "tick%d" % (count + 1))


def heapsort(values):
    heap = Heap()
    for v in values:
        heap.push((v, 0, ""))
    out = []
    while heap.size() > 0:
        v, zero, empty = heap.pop()
        out.append(v)
    return out


def entry_point(argv):
    s = Scheduler()
    s.at(10, "backup")
    s.at(0, "tick0")
    s.at(3, "email")
    s.at(3, "alarm")
    s.at(40, "shutdown")
    s.run(30)
    for line in s.log:
        print(line)
    print(str(heapsort([5, -2, 9, 0, 5, 13, -7, 1])))
    h = Heap()
    for word in ["pear", "fig", "apple", "kiwi"]:
        h.push((len(word), 0, word))
    first = h.pop()
    print("shortest: " + str(first))
    print("left: %d, next %s" % (h.size(), h.pop()[2]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: t=0 tick0
# expect: t=3 email
# expect: t=3 alarm
# expect: t=5 tick1
# expect: t=10 backup
# expect: t=10 tick2
# expect: t=15 tick3
# expect: stopped before shutdown at t=40
# expect: [-7, -2, 0, 1, 5, 5, 9, 13]
# expect: shortest: (3, 0, 'fig')
# expect: left: 3, next kiwi
