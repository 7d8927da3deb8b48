#!/usr/bin/python3
"""Kernel start-up to first result: how long a reader waits after opening a notebook.

    JUPYTER_PATH=notebooks/target/jupyter /usr/bin/python3 kernel_startup.py [RUNS] [KERNEL] [CELL]

Each run starts a fresh kernel (default "taipan"), waits until it answers, executes one cell
(default: a first Taipan call, `dis("x = 1")`, which also loads the front end) and stops the
clock when the cell's result arrives; then shuts the kernel down. Prints every run and the
median.
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def once(kernel, cell):
    start = time.monotonic()
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    try:
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        msg_id = client.execute(cell)
        while True:
            msg = client.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "execute_result":
                return time.monotonic() - start
            if kind == "error":
                raise RuntimeError(f"{msg['content']['ename']}: {msg['content']['evalue']}")
    finally:
        km.shutdown_kernel(now=False)


def main(argv):
    runs = int(argv[1]) if len(argv) > 1 else 5
    kernel = argv[2] if len(argv) > 2 else "taipan"
    cell = argv[3] if len(argv) > 3 else 'dis("x = 1")'
    times = []
    for i in range(runs):
        t = once(kernel, cell)
        times.append(t)
        print(f"run {i + 1}: {t:.2f} s", flush=True)
    print(f"{kernel}: median {statistics.median(times):.2f} s, best {min(times):.2f} s over {runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
