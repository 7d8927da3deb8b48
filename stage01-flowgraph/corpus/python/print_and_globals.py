"""print with sep, end and file=sys.stderr; sys.argv; the global statement; sys.stdout.write."""
# args: --name Ada 3
import sys

counter = 0
settings = {"verbose": False}


def bump(n):
    global counter
    counter += n
    return counter


def configure(**kw):
    settings.update(kw)


print("a", "b", "c", sep="-")
print("no newline", end="")
print(" ... continued")
print("x", 1, 2.5, None, True, [1], sep=", ", end=".\n")
print()
print(*range(5))
print("to stderr", file=sys.stderr)
sys.stdout.write("written directly\n")
sys.stderr.write("also to stderr\n")
bump(2)
bump(3)
print("counter", counter)
configure(verbose=True, level=2)
print(sorted(settings.items()))
print(len(sys.argv), sys.argv[1:])
name = sys.argv[sys.argv.index("--name") + 1]
times = int(sys.argv[-1])
print((("hi %s! " % name) * times).strip())
print(sys.maxsize == 2 ** 63 - 1, type(sys.argv[0]).__name__)

# expect: a-b-c
# expect: no newline ... continued
# expect: x, 1, 2.5, None, True, [1].
# expect:
# expect: 0 1 2 3 4
# expect: written directly
# expect: counter 5
# expect: [('level', 2), ('verbose', True)]
# expect: 4 ['--name', 'Ada', '3']
# expect: hi Ada! hi Ada! hi Ada!
# expect: True str
