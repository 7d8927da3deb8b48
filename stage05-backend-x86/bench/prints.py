# An output-bound workload: a million lines printed, each of several pieces (ints, a constant
# text, a bool), as a program reports its results. It measures the path of print to the kernel
# (the runtime's stdout buffer), not the collector: nothing is allocated per line.
# Usage: prints.py [LINES] (default 1,000,000).
import sys


def entry_point(argv):
    n = 1000000
    if len(argv) > 1:
        n = int(argv[1])
    total = 0
    for i in range(n):
        total += i % 7
        print(i, "sq", i * i % 1000003, i % 3 == 0)
    print("total", total)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
