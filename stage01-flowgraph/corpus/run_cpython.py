"""Run the corpus on CPython, the oracle, and check every program against its expectations.

    python3 corpus/run_cpython.py [-v] [program.py ...]

Without arguments, runs every program in corpus/rpy and corpus/python (files whose names
start with "_" are helper modules, not programs).  The expectation format is described in
corpus/README.md.  Prints one line per failure and a summary line

    ran N programs (rpy: R, python: P): N passed, 0 failed

and exits with status 0 iff every program passed.
"""
import os
import re
import subprocess
import sys

CORPUS = os.path.dirname(os.path.abspath(__file__))
FOLDERS = ("rpy", "python")
SUPPORT = os.path.join(os.path.dirname(CORPUS), "src", "main", "resources")
TIMEOUT_SECONDS = 60

EXPECT = re.compile(r"#\s*expect:(.*)$")
ARGS = re.compile(r"^#\s*args:(.*)$")
EXIT = re.compile(r"^#\s*exit:\s*(-?\d+)\s*$")
ERROR = re.compile(r"#\s*error:\s*(\S.*?)\s*$")
ENTRY_POINT = re.compile(r"^def entry_point\(", re.MULTILINE)
FRAME = re.compile(r'^  File "(.*)", line (\d+), in ')


class Expectation(object):
    def __init__(self, path):
        self.stdout = []
        self.args = []
        self.exit = 0
        self.error = None        # (line number, "ExceptionName: message")
        self.problems = []
        with open(path, encoding="utf-8") as f:
            self.source = f.read()
        for lineno, line in enumerate(self.source.splitlines(), 1):
            m = EXPECT.search(line)
            if m:
                text = m.group(1)
                self.stdout.append(text[1:] if text.startswith(" ") else text)
                continue
            m = ARGS.match(line)
            if m:
                self.args = m.group(1).split()
                continue
            m = EXIT.match(line)
            if m:
                self.exit = int(m.group(1))
                continue
            m = ERROR.search(line)
            if m:
                if self.error is not None:
                    self.problems.append("more than one '# error:'")
                self.error = (lineno, m.group(1))
                self.exit = 1


def innermost_frame_line(stderr, path):
    """The line number of the innermost traceback frame that belongs to the program itself
    (frames in the support package or in helper modules are skipped)."""
    found = None
    for line in stderr.splitlines():
        m = FRAME.match(line)
        if m and os.path.abspath(m.group(1)) == path:
            found = int(m.group(2))
    return found


def check(folder, path):
    """Run one program; return a list of failure descriptions (empty if it passed)."""
    exp = Expectation(path)
    failures = list(exp.problems)
    has_entry = ENTRY_POINT.search(exp.source) is not None
    if folder == "rpy" and not has_entry:
        failures.append("rpy program without a top-level 'def entry_point(argv)'")
    if folder == "python" and has_entry:
        failures.append("python program with an entry_point (belongs in rpy/)")

    env = dict(os.environ)
    env["PYTHONPATH"] = SUPPORT
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONHASHSEED", None)       # random seeds: output must not depend on hashing
    try:
        proc = subprocess.run([sys.executable, os.path.basename(path)] + exp.args,
                              cwd=os.path.dirname(path), env=env, capture_output=True,
                              encoding="utf-8", errors="replace", timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return failures + ["timed out after %d s" % TIMEOUT_SECONDS]

    expected_out = "".join(line + "\n" for line in exp.stdout)
    if proc.stdout != expected_out:
        got = proc.stdout.splitlines()
        for i in range(max(len(got), len(exp.stdout))):
            want_line = exp.stdout[i] if i < len(exp.stdout) else "<end of output>"
            got_line = got[i] if i < len(got) else "<end of output>"
            if want_line != got_line:
                failures.append("stdout line %d: expected %r, got %r" % (i + 1, want_line,
                                                                         got_line))
                break
        else:
            failures.append("stdout differs in line endings")

    if proc.returncode != exp.exit:
        last = proc.stderr.strip().splitlines()[-1:] or [""]
        failures.append("exit status %d, expected %d (stderr: %s)" % (proc.returncode,
                                                                       exp.exit, last[0]))
    if exp.error is not None:
        lineno, message = exp.error
        lines = proc.stderr.rstrip("\n").splitlines()
        last = lines[-1] if lines else ""
        # RecursionError's message may carry a suffix ("... while calling a Python object").
        if message.startswith("RecursionError:"):
            same = last.startswith(message)
        else:
            same = last == message
        if not same:
            failures.append("error: expected %r, got %r" % (message, last))
        frame_line = innermost_frame_line(proc.stderr, path)
        if frame_line != lineno:
            failures.append("error raised at line %s, expected line %d" % (frame_line, lineno))
    return failures


def main(argv):
    verbose = "-v" in argv
    names = [a for a in argv[1:] if a != "-v"]
    programs = []
    if names:
        for name in names:
            path = os.path.abspath(name)
            programs.append((os.path.basename(os.path.dirname(path)), path))
    else:
        for folder in FOLDERS:
            directory = os.path.join(CORPUS, folder)
            for name in sorted(os.listdir(directory)):
                if name.endswith(".py") and not name.startswith("_"):
                    programs.append((folder, os.path.join(directory, name)))

    failed = 0
    counts = {}
    for folder, path in programs:
        counts[folder] = counts.get(folder, 0) + 1
        rel = os.path.relpath(path, CORPUS)
        failures = check(folder, path)
        if failures:
            failed += 1
            print("FAIL %s: %s" % (rel, "; ".join(failures)))
        elif verbose:
            print("ok   %s" % rel)
    per_folder = ", ".join("%s: %d" % (f, counts.get(f, 0)) for f in FOLDERS)
    print("ran %d programs (%s): %d passed, %d failed (%s %s)" % (
        len(programs), per_folder, len(programs) - failed, failed,
        os.path.basename(sys.executable), sys.version.split()[0]))
    return 1 if failed or not programs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
