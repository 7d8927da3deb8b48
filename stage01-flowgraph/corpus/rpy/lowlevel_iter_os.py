"""Stage 03's enumerate(), zip() and reversed() (iterators over iterators), bytes, and the os
functions over system calls: enumerate with a start, zip of unequal lengths and of three,
reversed lists, strs, tuples and ranges (empty ones too), a file created, written, read back
in chunks and removed, OSError subclasses caught, and os.write to stdout between prints
(each print before an os.write flushes, so that CPython's output through a pipe has the
same order)."""
import os
from rpython.rlib.jit import JitDriver, promote, we_are_jitted

driver = JitDriver(greens=['i'], reds=['total', 'xs'])


def weighted(xs):
    total = 0
    i = 0
    while i < len(xs):
        driver.jit_merge_point(i=i, total=total, xs=xs)
        total += promote(i) * xs[i]
        i += 1
    return total


def iterators():
    words = ["zero", "one", "two", "three"]
    for i, w in enumerate(words, start=1):
        print("%d:%s" % (i, w))
    for i, c in enumerate("ab", -3):
        print("%d %s" % (i, c))
    for n, w in zip([7, 8, 9, 10, 11], words):
        print("%d=%s" % (n, w))
    for w, c, r in zip(words, "xyz", range(100, 0, -30)):
        print("%s %s %d" % (w, c, r))
    for w in zip(words, []):
        print("never")
    back = []
    for w in reversed(words):
        back.append(w)
    print(" ".join(back))
    for c in reversed("stressed"):
        print(c, end="")
    print("")
    for r in reversed(range(1, 11, 4)):
        print(r)
    for r in reversed(range(3, -4, -3)):
        print(r)
    for r in reversed(range(0)):
        print("never")
    for t in reversed((1, 2, 3)):
        print(t)
    for i, (n, w) in enumerate(zip(range(5), reversed(words))):
        print("%d %d %s" % (i, n, w))
    print(weighted([3, 1, 4, 1, 5]), we_are_jitted())


def scratch(directory):
    n = 0
    while True:
        path = "%s/taipan_iter_os_%d.txt" % (directory, n)
        try:
            return path, os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            n += 1


def files(directory):
    path, fd = scratch(directory)
    written = os.write(fd, b"line one\n") + os.write(fd, "caf\xe9 two\n".encode())
    os.close(fd)
    print("wrote %d bytes" % written)
    try:
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print("exists")
    fd = os.open(path, os.O_RDONLY)
    chunks = 0
    whole = b""
    while True:
        data = os.read(fd, 7)
        if len(data) == 0:
            break
        whole += data
        chunks += 1
    os.close(fd)
    text = whole.decode()
    print("%d chunks, %d bytes, %d chars" % (chunks, len(whole), len(text)))
    print(text.split("\n")[1][:3])
    os.unlink(path)
    try:
        os.unlink(path)
    except FileNotFoundError:
        print("unlinked")
    try:
        os.read(fd, 1)
    except OSError:
        print("closed fd")


def entry_point(argv):
    print("start", flush=True)
    os.write(1, b"os.write to stdout\n")
    print("between", flush=True)
    os.write(1, b"")
    os.write(1, b"again\n")
    iterators()
    files("/tmp")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: start
# expect: os.write to stdout
# expect: between
# expect: again
# expect: 1:zero
# expect: 2:one
# expect: 3:two
# expect: 4:three
# expect: -3 a
# expect: -2 b
# expect: 7=zero
# expect: 8=one
# expect: 9=two
# expect: 10=three
# expect: zero x 100
# expect: one y 70
# expect: two z 40
# expect: three two one zero
# expect: desserts
# expect: 9
# expect: 5
# expect: 1
# expect: -3
# expect: 0
# expect: 3
# expect: 3
# expect: 2
# expect: 1
# expect: 0 0 three
# expect: 1 1 two
# expect: 2 2 one
# expect: 3 3 zero
# expect: 32 False
# expect: wrote 19 bytes
# expect: exists
# expect: 3 chunks, 19 bytes, 18 chars
# expect: caf
# expect: unlinked
# expect: closed fd
