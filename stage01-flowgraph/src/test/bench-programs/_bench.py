"""The timing protocol shared by the host-vs-CPython workloads (see host_vs_cpython.py).

    python3 WORKLOAD.py [REPS [WARMUP_SECONDS]]

runs the workload untimed for at least WARMUP_SECONDS (so that a JIT, the JVM's or PyPy's,
has compiled the hot code: start-up and warm-up are not what we compare), then REPS times,
each timed with time.perf_counter() in the process itself, and prints one line:

    BENCH name=fib reps=10 warmup=3.0 best=0.041234 mean=0.042001 result=196418

`result` is the work's return value: every implementation must compute the same one.
"""
import sys
import time


def run(name, work, reps=10, warmup=3.0):
    if len(sys.argv) > 1:
        reps = int(sys.argv[1])
    if len(sys.argv) > 2:
        warmup = float(sys.argv[2])
    warm_until = time.perf_counter() + warmup
    result = work()
    while time.perf_counter() < warm_until:
        result = work()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    print("BENCH name=%s reps=%d warmup=%.1f best=%.6f mean=%.6f result=%s"
          % (name, reps, warmup, min(times), sum(times) / len(times), result))
