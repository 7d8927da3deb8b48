#!/usr/bin/env python3
"""The figures of issue 15, measured in one run: each benchmark program translated by Taipan
to a static x86-64 executable (under four collectors), against its C equivalent at gcc -O2,
CPython and PyPy. Every variant must print the same output; each is timed as the best wall
clock of N runs. A script, not a test: performance lives here, never in unit tests.

Usage (from the repository's top): python3 stage05-backend-x86/bench/run.py [--runs N]
    [--interp-runs N] [--only NAME] [--keep DIR] [--pypy-c DIR]
--pypy-c adds the programs as PyPy's own toolchain translated them (pypy_c.py makes them).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(BENCH))
GCS = ["semispace", "generational", "marksweep", "minimark"]
RATIO_GC = "minimark"   # the design of PyPy's own default collector (incminimark), for the ratios

# name, RPy program (from the top), its C equivalent (in this folder), arguments
PROGRAMS = [
    ("fib(35)", "stage05-backend-x86/bench/fib.py", "fib.c", ["35"]),
    ("binary trees 20x16", "stage04-gc/examples/binary_trees.py", "binary_trees.c", ["20", "16"]),
    ("dict 10M ops", "stage05-backend-x86/bench/dict_ops.py", "dict_ops.c", ["2222222"]),
    ("richards x100", "stage05-backend-x86/bench/richards.py", "richards.c", ["100"]),
    ("nbody 1M steps", "stage05-backend-x86/bench/nbody.py", "nbody.c", ["1000000"]),
    ("strings 5x100k", "stage05-backend-x86/bench/strings.py", "strings.c", ["100000", "5"]),
    ("prints 1M lines", "stage05-backend-x86/bench/prints.py", "prints.c", ["1000000"]),
]

# How CPython and PyPy run a program: imported as a module, entry_point([path, *args]) called
# and its result the exit status, as `taipan exec` does (binary_trees.py has no __main__ block).
DRIVER = ("import importlib.util, sys\n"
          "spec = importlib.util.spec_from_file_location('bench', sys.argv[1])\n"
          "module = importlib.util.module_from_spec(spec)\n"
          "spec.loader.exec_module(module)\n"
          "sys.exit(module.entry_point(sys.argv[1:]))\n")

# a phase line of ./taipan translate: its name, its milliseconds, what it covered
PHASE = re.compile(r"^([a-z][a-z ]*[a-z])\s+(\d+) ms(  .*)?$")
PHASES = ["import", "flow", "annotate", "rtype", "passes", "gc transform", "codegen", "link", "write"]


# The interpreters run as a user runs them: PYTHONUNBUFFERED (set in some CI environments) would
# make CPython and PyPy write each print on its own, and prints.py measure that instead.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def run(cmd):
    """One run: (wall seconds, stdout); a failure stops the benchmark with its stderr."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit("failed (status %d): %s\n%s" % (proc.returncode, " ".join(cmd),
                                                 proc.stderr.decode(errors="replace")))
    return elapsed, proc.stdout


def best(cmd, runs, expected):
    times = []
    for _ in range(runs):
        elapsed, out = run(cmd)
        if out != expected:
            sys.exit("different output from %s:\n%s\nexpected:\n%s"
                     % (" ".join(cmd), out.decode(errors="replace"),
                        expected.decode(errors="replace")))
        times.append(elapsed)
    return min(times)


def translate(source, out, gc):
    """./taipan translate; returns (wall seconds, the phases as (name, ms))."""
    start = time.perf_counter()
    proc = subprocess.run([os.path.join(TOP, "taipan"), "translate", source, "-o", out,
                           "--gc=" + gc], cwd=TOP, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - start
    text = proc.stdout.decode(errors="replace")
    if proc.returncode != 0:
        sys.exit("translation failed: %s --gc=%s\n%s" % (source, gc, text))
    phases = []
    for line in text.splitlines():
        m = PHASE.match(line)
        if m:
            phases.append((m.group(1), int(m.group(2))))
    return elapsed, phases


def fmt(seconds):
    if seconds is None:
        return "n/a"
    return "%.3f" % seconds


def ratio(a, b):
    if a is None or b is None:
        return "n/a"
    return "%.2f" % (a / b)


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
             for r in [header] + rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each native variant")
    parser.add_argument("--interp-runs", type=int, default=None,
                        help="runs of CPython and PyPy (default: --runs)")
    parser.add_argument("--only", help="only the programs whose name contains this")
    parser.add_argument("--keep", help="build into this folder and keep it")
    parser.add_argument("--pypy-c", help="the executables pypy_c.py wrote (PyPy's translated C)")
    args = parser.parse_args()
    interp_runs = args.interp_runs or args.runs
    cpython = shutil.which("python3")
    pypy = shutil.which("pypy3")
    work = args.keep or tempfile.mkdtemp(prefix="taipan-bench-")
    os.makedirs(work, exist_ok=True)

    def version(exe):
        out = subprocess.run([exe, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT).stdout.decode().splitlines()
        return " ".join(line.strip() for line in out)

    print("gcc: %s" % subprocess.run(["gcc", "--version"], stdout=subprocess.PIPE)
          .stdout.decode().splitlines()[0])
    print("CPython: %s" % (version(cpython) if cpython else "not found"))
    print("PyPy: %s" % (version(pypy) if pypy else "not on the PATH: n/a"))
    print("load before: %s" % open("/proc/loadavg").read().strip())
    print("best of %d runs (native), %d (CPython, PyPy); wall clock in seconds\n"
          % (args.runs, interp_runs))

    rows = []
    trows = []
    for name, source, c_file, argv in PROGRAMS:
        if args.only and args.only not in name:
            continue
        base = os.path.splitext(c_file)[0]
        print("%s ..." % name, flush=True)
        c_exe = os.path.join(work, base + "-c")
        subprocess.run(["gcc", "-O2", "-o", c_exe, os.path.join(BENCH, c_file), "-lm"],
                       check=True)
        path = os.path.join(TOP, source)
        # CPython is the reference output, as for the corpus
        _, expected = run([cpython, "-c", DRIVER, path] + argv)
        c_time = best([c_exe] + argv, args.runs, expected)
        taipan = {}
        for gc in GCS:
            exe = os.path.join(work, "%s-%s" % (base, gc))
            wall, phases = translate(path, exe, gc)
            by_name = dict(phases)
            trows.append([name, gc] + [str(by_name.get(phase, "?")) for phase in PHASES]
                         + ["%d" % sum(ms for _, ms in phases), "%.1f" % wall])
            taipan[gc] = best([exe] + argv, args.runs, expected)
        cpy_time = best([cpython, "-c", DRIVER, path] + argv, interp_runs, expected)
        pypy_time = best([pypy, "-c", DRIVER, path] + argv, interp_runs, expected) if pypy else None
        pypy_c = os.path.join(args.pypy_c, base + "-c") if args.pypy_c else None
        pypy_c_time = best([pypy_c] + argv, args.runs, expected) if pypy_c and os.path.exists(pypy_c) else None
        t = taipan[RATIO_GC]
        rows.append([name, fmt(c_time)] + [fmt(taipan[gc]) for gc in GCS]
                    + [fmt(cpy_time), fmt(pypy_time), fmt(pypy_c_time), ratio(t, c_time), ratio(t, cpy_time),
                       ratio(t, pypy_time), ratio(t, pypy_c_time)])

    print()
    print(table(["program", "C -O2"] + ["Taipan %s" % gc for gc in GCS]
                + ["CPython", "PyPy3", "PyPy's C", "Taipan/C", "Taipan/CPython", "Taipan/PyPy3", "Taipan/PyPy's C"],
                rows))
    print("(the ratios use Taipan under --gc=%s)\n" % RATIO_GC)
    print("translation (ms per phase as ./taipan translate prints them; wall includes the JVM):")
    print(table(["program", "gc"] + PHASES + ["sum ms", "wall s"], trows))
    print("\nload after: %s" % open("/proc/loadavg").read().strip())
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
