"""The os and time modules: os.write to fd 1, os.open/os.read/os.close on the program's
own file, and time.time()/time.perf_counter() for elapsed-time arithmetic (only compared,
never printed)."""
import os
import sys
import time

os.write(1, b"written with os.write\n")
fd = os.open("os_and_time.py", os.O_RDONLY)
first = os.read(fd, 3)
rest = b""
while True:
    chunk = os.read(fd, 4096)
    if not chunk:
        break
    rest += chunk
os.close(fd)
print(first, len(first), rest.count(b"\n") + 1 > 20)
try:
    os.open("no_such_file.txt", os.O_RDONLY)
except OSError as e:
    print("OSError", type(e).__name__)
start = time.time()
t0 = time.perf_counter()
total = sum(range(100000))
elapsed = time.perf_counter() - t0
print(total, elapsed >= 0.0, time.time() >= start, start > 1600000000)
sys.stdout.flush()
os.write(1, ("source longer than 500 bytes: %s\n" % (len(first) + len(rest) > 500)).encode())

# expect: written with os.write
# expect: b'"""' 3 True
# expect: OSError FileNotFoundError
# expect: 4999950000 True True True
# expect: source longer than 500 bytes: True
