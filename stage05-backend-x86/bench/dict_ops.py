# A dict workload: N int keys inserted, each looked up, N absent keys probed, every other key
# deleted, and the survivors looked up again: 4.5 N dict operations (N = 2,222,222 makes 10
# million, the size of issue 15's reference figure). Usage: dict_ops.py [N].
import sys


def workload(n):
    d = {}
    for i in range(n):
        d[i * 7] = i
    total = 0
    for i in range(n):
        total += d[i * 7]
    missing = 0
    for i in range(n):
        if (i * 7 + 3) not in d:
            missing += 1
    for i in range(0, n, 2):
        del d[i * 7]
    for i in range(1, n, 2):
        total += d[i * 7]
    return total, missing, len(d)


def entry_point(argv):
    n = 2222222
    if len(argv) > 1:
        n = int(argv[1])
    total, missing, size = workload(n)
    print("dict of %d keys: sum %d, missing %d, left %d" % (n, total, missing, size))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
