#!/usr/bin/python3
"""Executes notebooks headless through the Taipan kernel, as a reader's Jupyter would.

    JUPYTER_PATH=notebooks/target/jupyter /usr/bin/python3 execute_notebooks.py \
        OUT_DIR TIMEOUT NOTEBOOK...

Each notebook runs top to bottom in a fresh kernel ("taipan", found through JUPYTER_PATH).
A cell that raises or fails to compile, a cell that runs longer than TIMEOUT seconds (the
kernel is interrupted first, so the report says which cell), and a kernel that dies all
fail the notebook. The executed copy, outputs included, is written to OUT_DIR whether or not
it passed: it is the build artifact a reader can open to see what the notebook shows.
Exit status: the number of failed notebooks (0 when all passed).

Needs only Debian's python3-nbclient, python3-nbformat and jupyter-client (no IPython).
"""
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def execute(path, out_dir, timeout):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="taipan",
        timeout=timeout,
        interrupt_on_timeout=True,
        startup_timeout=60,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    name = os.path.basename(path)
    start = time.monotonic()
    try:
        client.execute()
        failure = None
    except CellTimeoutError as e:
        failure = f"a cell ran longer than {timeout} s:\n{e}"
    except CellExecutionError as e:
        failure = describe_error(nb) or str(e)
    except DeadKernelError as e:
        failure = f"the kernel died: {e}"
    except RuntimeError as e:           # the kernel did not start, or stopped answering
        failure = f"{type(e).__name__}: {e}"
    finally:
        os.makedirs(out_dir, exist_ok=True)
        nbformat.write(nb, os.path.join(out_dir, name))
    cells = sum(1 for c in nb.cells if c.cell_type == "code")
    elapsed = time.monotonic() - start
    if failure:
        print(f"{name}: FAILED after {elapsed:.1f} s\n{failure}", flush=True)
        return False
    print(f"{name}: {cells} code cells passed in {elapsed:.1f} s", flush=True)
    return True


def describe_error(nb):
    """The failing cell and the kernel's report of it (the error output's traceback, which
    is what a reader sees; the execute reply carries only Java frames)."""
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                report = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(output.get("traceback", [])))
                return (f"cell {index} failed with {output['ename']}: {output['evalue']}\n"
                        f"---- cell source ----\n{cell.source}\n---- report ----\n{report}")
    return None


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, timeout, notebooks = argv[1], int(argv[2]), argv[3:]
    return sum(0 if execute(path, out_dir, timeout) else 1 for path in notebooks)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
