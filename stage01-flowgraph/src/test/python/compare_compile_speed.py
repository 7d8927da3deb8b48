"""Puts Taipan's front-end throughput next to CPython's own compile(), measured in the same run.

Run by `./mvnw -Pbench -DskipTests verify -pl stage01-flowgraph` after the JMH benchmarks:
reads the generated module the benchmark wrote (target/frontend-bench.py) and JMH's JSON
results (target/jmh-result.json), times compile() on this Python, and prints lines/s and ratios.
"""
import json
import os
import platform
import sys
import time

target = sys.argv[1] if len(sys.argv) > 1 else "target"
source_path = os.path.join(target, "frontend-bench.py")
with open(source_path) as f:
    source = f.read()
lines = source.count("\n")


def best_rate(fn, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return lines / best


python = "%s %s" % (platform.python_implementation(), platform.python_version())
compile_rate = best_rate(lambda: compile(source, source_path, "exec"))
print("%s compile(): %12.0f lines/s (%d lines)" % (python, compile_rate, lines))

results_path = os.path.join(target, "jmh-result.json")
if os.path.exists(results_path):
    with open(results_path) as f:
        results = json.load(f)
    for result in results:
        name = result["benchmark"].rsplit(".", 1)[-1]
        score = result["primaryMetric"]["score"]
        print("Taipan %-16s %12.0f lines/s  = %.2fx %s compile()" % (name + ":", score, score / compile_rate, python))
