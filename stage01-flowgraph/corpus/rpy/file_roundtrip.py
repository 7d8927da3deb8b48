"""File I/O with the os module: a scratch file opened with os.open (O_EXCL, so that runs
at the same time never share one), written with os.write, read back in chunks with
os.read, closed with os.close and removed. RPy strings cross the boundary as bytes:
encode() going out, decode() coming back."""
import os

LINES = ["alpha 1", "beta 22", "gamma 333", "delta 4444"]


def create_scratch(directory):
    n = 0
    while True:
        path = "%s/taipan_roundtrip_%d.txt" % (directory, n)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            return path, fd
        except OSError:
            n += 1


def write_all(fd, text):
    data = text.encode()
    written = 0
    while written < len(data):
        written += os.write(fd, data[written:])
    return written


def read_all(fd, chunk):
    parts = []
    reads = 0
    while True:
        data = os.read(fd, chunk)
        if len(data) == 0:
            break
        parts.append(data.decode())
        reads += 1
    return "".join(parts), reads


def entry_point(argv):
    os.write(1, b"file round trip\n")
    directory = argv[1] if len(argv) > 1 else "/tmp"
    path, fd = create_scratch(directory)
    n = write_all(fd, "\n".join(LINES) + "\n")
    os.close(fd)
    print("wrote %d bytes" % n)
    fd = os.open(path, os.O_RDONLY, 0)
    text, reads = read_all(fd, 8)
    os.close(fd)
    print("read %d bytes in %d reads" % (len(text), reads))
    total = 0
    for line in text.split("\n"):
        if line != "":
            name, number = line.split(" ")
            total += int(number)
            print("%-6s %5s" % (name, number))
    print("sum %d" % total)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND, 0)
    os.write(fd, b"epsilon 5\n")
    os.close(fd)
    fd = os.open(path, os.O_RDONLY, 0)
    text, reads = read_all(fd, 1024)
    os.close(fd)
    print("last line: " + text.strip().split("\n")[-1])
    os.unlink(path)
    try:
        os.open(path, os.O_RDONLY, 0)
    except OSError:
        print("removed")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: file round trip
# expect: wrote 37 bytes
# expect: read 37 bytes in 5 reads
# expect: alpha      1
# expect: beta      22
# expect: gamma    333
# expect: delta   4444
# expect: sum 4800
# expect: last line: epsilon 5
# expect: removed
