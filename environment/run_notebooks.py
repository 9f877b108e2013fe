"""Executes brightpaint notebooks under the 'brightpaint' kernel and reports one line each.

For every notebook: execute all cells with nbclient (the engine of nbconvert --execute), write
the executed .ipynb and an HTML rendering (nbconvert HTMLExporter) to the output folder, print
"ok" or "FAILED" with the seconds taken; for a failure, name the cell (index, first source line)
and the exception. The kernel's own log goes to <name>.kernel.log next to the outputs.
Exit status: 0 when every notebook ran without a failed cell, 1 otherwise.

Usage: run_notebooks.py OUT_DIR CELL_TIMEOUT_S NOTEBOOK...
"""
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

KERNEL = "brightpaint"


class TrackingClient(NotebookClient):
    """Remembers which cell runs, so a failure can name it."""

    current = None

    def __init__(self, nb, **kw):
        super().__init__(nb, on_cell_start=self._started, **kw)

    def _started(self, cell, cell_index):
        self.current = cell_index


def atomic_write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def first_line(source):
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return "(empty)"


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def error_text(out):
    """The exception as one line: the kernel's first traceback line (the real Java exception,
    e.g. 'java.lang.IllegalArgumentException: ...'), or the compiler's message."""
    lines = [ANSI.sub("", l).strip() for l in out.get("traceback", [])]
    lines = [l.splitlines()[0] for l in lines if l]
    ename, evalue = out.get("ename", "?"), out.get("evalue", "").strip()
    if ename == "CompilerException" and lines:
        return "compile error: " + " ".join(lines[1:] or lines)[:400]
    if lines and ("Exception" in lines[0] or "Error" in lines[0]):
        return lines[0][:400]
    return ("%s: %s" % (ename, evalue))[:400]


def describe_failure(nb, index, exc):
    """'cell N: `first line` -> Name: message' from the cell's error output or the exception."""
    where = "cell ?"
    why = "%s: %s" % (type(exc).__name__, str(exc).strip().splitlines()[-1] if str(exc).strip() else "")
    if index is not None and 0 <= index < len(nb.cells):
        cell = nb.cells[index]
        where = "cell %d: `%s`" % (index, first_line(cell.source))
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                why = error_text(out)
                break
    if isinstance(exc, CellTimeoutError):
        why = "timed out: " + why
    elif isinstance(exc, DeadKernelError):
        why = "kernel died: " + why
    return where + " -> " + why


def run(path, out_dir, timeout):
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)
    client = TrackingClient(
        nb, kernel_name=KERNEL, timeout=timeout, startup_timeout=180,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    t0 = time.monotonic()
    failure = None
    with open(os.path.join(out_dir, name + ".kernel.log"), "w") as log:
        try:
            client.execute(stdout=log, stderr=log)
        except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as e:
            failure = describe_failure(nb, client.current, e)
    secs = time.monotonic() - t0
    atomic_write(os.path.join(out_dir, name + ".ipynb"), nbformat.writes(nb))
    html, _ = HTMLExporter().from_notebook_node(nb)
    atomic_write(os.path.join(out_dir, name + ".html"), html)
    return failure, secs


def main():
    out_dir, timeout, notebooks = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    failed = []
    width = max(len(os.path.basename(p)) for p in notebooks)
    for path in notebooks:
        failure, secs = run(path, out_dir, timeout)
        base = os.path.basename(path)
        if failure is None:
            print("ok      %-*s %7.1f s" % (width, base, secs), flush=True)
        else:
            failed.append(base)
            print("FAILED  %-*s %7.1f s  %s" % (width, base, secs, failure), flush=True)
    print("%d of %d notebooks ok; executed notebooks and HTML in %s"
          % (len(notebooks) - len(failed), len(notebooks), out_dir), flush=True)
    if failed:
        print("failed: " + ", ".join(failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
