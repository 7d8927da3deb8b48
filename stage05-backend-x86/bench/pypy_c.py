#!/usr/bin/env python3
"""The benchmark programs translated by PyPy's own RPython toolchain, for the "PyPy's C" column
of run.py (issue 16's goal: within 2x of PyPy's own translated C).

PyPy's translator runs on CPython 2.7 and reads Python 2; our programs are RPy, a Python 3
subset, and all but three are RPython as they stand (one-argument print() reads the same in both).
The three that are not get the smallest rewrites that RPython accepts, listed in REWRITES,
each one checked to apply, so that a change to a program cannot silently leave its twin behind:

- nbody.py: RPython's % formatting has no "%.9f"; rpython.rlib.rfloat.formatd prints the same.
- prints.py: print() of several values is Python 2's print statement, which prints a bool as
  1 or 0: the bool is spelt out.
- strings.py: RPython has no extended slicing (s[::-1] becomes a StringBuilder loop), and it
  slices only with a stop it can prove non-negative (an assert says what find() returned).

Usage (from the repository's top):
    python3 stage05-backend-x86/bench/pypy_c.py --pypy PYPY_CHECKOUT [--python2 PYTHON2]
        [--out DIR] [--only NAME]
then: python3 stage05-backend-x86/bench/run.py --pypy-c DIR
PYPY_CHECKOUT is a checkout of https://github.com/pypy/pypy (its rpython/ folder is used);
each program is translated with --opt=2 --gc=incminimark, PyPy's default collector, into
DIR/<program>-c (DIR defaults to /tmp/pypy-c). One translation takes a minute or two.
"""
import argparse
import os
import shutil
import subprocess
import sys

from run import PROGRAMS, TOP

# file name -> (old, new) replacements, each of which must apply exactly once
REWRITES = {
    "nbody.py": [
        ('print("%.9f" % energy(bodies))', 'print(formatd(energy(bodies), "f", 9))'),
        ('print("%.9f" % energy(bodies))', 'print(formatd(energy(bodies), "f", 9))'),
        ("import math\n", "import math\nfrom rpython.rlib.rfloat import formatd\n"),
    ],
    "prints.py": [
        ('print(i, "sq", i * i % 1000003, i % 3 == 0)', 'print i, "sq", i * i % 1000003, "True" if i % 3 == 0 else "False"'),
        ('print("total", total)', 'print "total", total'),
    ],
    "strings.py": [
        ('"=" + s[::-1]', '"=" + reverse(s)'),
        ('        eq = field.find("=")\n',
         '        eq = field.find("=")\n        assert eq >= 0\n'),
        ("import sys\n",
         "import sys\nfrom rpython.rlib.rstring import StringBuilder\n\n\n"
         "def reverse(s):\n"
         "    b = StringBuilder(len(s))\n"
         "    i = len(s) - 1\n"
         "    while i >= 0:\n"
         "        b.append(s[i])\n"
         "        i -= 1\n"
         "    return b.build()\n"),
    ],
}

TARGET = "\n\ndef target(*args):\n    return entry_point, None\n"


def rpython_source(path):
    """The program as an RPython target: the rewrites applied, PyPy's target() added."""
    with open(path) as f:
        text = f.read()
    for old, new in REWRITES.get(os.path.basename(path), []):
        if old not in text:
            sys.exit("%s: the rewrite of %r no longer applies; update REWRITES" % (path, old))
        text = text.replace(old, new, 1)
    return text + TARGET


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pypy", required=True, help="a checkout of PyPy's sources (with rpython/)")
    pyenv = os.path.expanduser("~/.pyenv/versions/2.7.18/bin/python")   # pyenv's shims may name one that is not active
    parser.add_argument("--python2", default=pyenv if os.path.exists(pyenv) else shutil.which("python2.7"),
                        help="the CPython 2.7 that runs PyPy's translator")
    parser.add_argument("--out", default="/tmp/pypy-c", help="where the executables go")
    parser.add_argument("--only", help="only the programs whose name contains this")
    args = parser.parse_args()
    translator = os.path.join(os.path.abspath(args.pypy), "rpython", "bin", "rpython")
    if not os.path.exists(translator):
        sys.exit("%s: not found; --pypy must name a checkout of PyPy's sources" % translator)
    if not os.path.exists(args.python2):
        sys.exit("%s: no CPython 2.7 there; name one with --python2" % args.python2)
    os.makedirs(args.out, exist_ok=True)
    for name, source, c_file, _ in PROGRAMS:
        if args.only and args.only not in name:
            continue
        stem = os.path.splitext(c_file)[0]
        target = os.path.join(args.out, "target_%s.py" % stem)
        with open(target, "w") as f:
            f.write(rpython_source(os.path.join(TOP, source)))
        exe = os.path.join(args.out, stem + "-c")
        print("%s: %s ..." % (name, exe), flush=True)
        log = os.path.join(args.out, stem + ".log")
        with open(log, "w") as f:
            proc = subprocess.run([args.python2, translator, "--batch", "--opt=2", "--gc=incminimark",
                                   "--output=" + exe, target], cwd=args.out, stdout=f, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            sys.exit("PyPy's translator failed on %s: see %s" % (target, log))


if __name__ == "__main__":
    main()
