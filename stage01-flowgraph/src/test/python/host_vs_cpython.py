"""Taipan's host interpreter against CPython (and PyPy, when installed), in the same run.

    python3 stage01-flowgraph/src/test/python/host_vs_cpython.py [options] [WORKLOAD ...]

Runs each workload of src/test/bench-programs (fib, loops_lists, dicts, strings, classes)
with CPython, then with Taipan (`./taipan exec`, which builds the jars when they are stale),
then with pypy3 if it is on the PATH, one after the other. Each program times its own work
with time.perf_counter() after a warm-up (see _bench.py), so JVM start-up and JIT warm-up
are left out for every implementation alike. Prints a Markdown table (best and mean time per
run, and Taipan's time as a multiple of CPython's) that goes into the stage README as it is.

Exits with status 1 when a run fails or when the implementations disagree on a workload's
result; being slow is reported, never a failure (DESIGN.md: performance goals live in
reports, not in tests).

Options:
    --reps N          timed runs per workload (default 10)
    --warmup S        seconds of untimed warm-up per workload (default 3)
    --python PATH     the CPython to compare with (default /usr/bin/python3)
    --taipan CMD      how to run Taipan's host stage (default: "<repo>/taipan exec --stage=host")
"""
import argparse
import math
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys

MODULE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PROGRAMS = os.path.join(MODULE, "src", "test", "bench-programs")
LAUNCHER = os.path.join(os.path.dirname(MODULE), "taipan")
WORKLOADS = ["fib", "loops_lists", "dicts", "strings", "classes"]
BENCH = re.compile(r"^BENCH name=(\S+) reps=\d+ warmup=\S+ best=(\S+) mean=(\S+) result=(.*)$", re.MULTILINE)
TIMEOUT_SECONDS = 1800


class Measurement(object):
    def __init__(self, best, mean, result):
        self.best = best
        self.mean = mean
        self.result = result


class Failure(object):
    def __init__(self, why):
        self.why = why


def measure(command, workload, reps, warmup):
    """Runs one workload with one implementation: a Measurement, or a Failure saying why."""
    program = os.path.join(PROGRAMS, workload + ".py")
    try:
        proc = subprocess.run(command + [program, str(reps), str(warmup)], cwd=PROGRAMS,
                              capture_output=True, encoding="utf-8", errors="replace",
                              timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return Failure("timed out after %d s" % TIMEOUT_SECONDS)
    except OSError as e:
        return Failure("cannot run %s: %s" % (command[0], e))
    m = BENCH.search(proc.stdout)
    if proc.returncode != 0 or m is None:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return Failure("exit status %d: %s" % (proc.returncode, tail))
    return Measurement(float(m.group(2)), float(m.group(3)), m.group(4))


def version_of(command, code):
    try:
        return subprocess.run(command + ["-c", code], capture_output=True, encoding="utf-8",
                              timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def cell(m):
    if isinstance(m, Failure):
        return "FAILED"
    return "%.1f / %.1f" % (m.best * 1000, m.mean * 1000)


def ratio(m, base):
    if isinstance(m, Failure) or isinstance(base, Failure):
        return None
    return m.best / base.best


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--taipan", default=shlex.quote(LAUNCHER) + " exec --stage=host")
    parser.add_argument("workloads", nargs="*", default=WORKLOADS)
    args = parser.parse_args(argv[1:])
    unknown = [w for w in args.workloads if w not in WORKLOADS]
    if unknown:
        parser.error("unknown workload(s) %s; choose from %s" % (", ".join(unknown), ", ".join(WORKLOADS)))

    cpython = [args.python]
    implementations = [
        ("CPython " + version_of(cpython, "import platform; print(platform.python_version())"), cpython),
        ("Taipan host", shlex.split(args.taipan)),
    ]
    pypy = shutil.which("pypy3")
    if pypy:
        implementations.append(("PyPy " + version_of([pypy], "import sys; print('%d.%d.%d' % sys.pypy_version_info[:3])"), [pypy]))

    results = {}
    failed = False
    for workload in args.workloads:
        for name, command in implementations:
            m = measure(command, workload, args.reps, args.warmup)
            results[workload, name] = m
            print("# %-12s %-16s %s" % (workload, name, m.why if isinstance(m, Failure)
                                       else "best %.4f s, mean %.4f s" % (m.best, m.mean)),
                  file=sys.stderr, flush=True)
            if isinstance(m, Failure):
                failed = True
        answers = {m.result for (w, _), m in results.items() if w == workload and isinstance(m, Measurement)}
        if len(answers) > 1:
            print("# %s: the implementations disagree on the result: %s" % (workload, sorted(answers)), file=sys.stderr)
            failed = True

    base_name = implementations[0][0]
    others = [name for name, _ in implementations[1:]]
    header = ["workload", base_name + " best / mean (ms)"]
    for name in others:
        header += [name + " best / mean (ms)", name + " / CPython"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    products = {name: [] for name in others}
    for workload in args.workloads:
        base = results[workload, base_name]
        row = [workload, cell(base)]
        for name in others:
            r = ratio(results[workload, name], base)
            row += [cell(results[workload, name]), "%.2fx" % r if r is not None else "-"]
            if r is not None:
                products[name].append(r)
        print("| " + " | ".join(row) + " |")
    row = ["geometric mean", ""]
    for name in others:
        rs = products[name]
        row += ["", "%.2fx" % math.exp(sum(math.log(r) for r in rs) / len(rs)) if rs else "-"]
    print("| " + " | ".join(row) + " |")
    print("\n%d timed runs per workload after %g s of warm-up; %s, %s, %d CPUs."
          % (args.reps, args.warmup, platform.machine(), platform.system(), os.cpu_count() or 0))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
