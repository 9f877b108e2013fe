"""Executes brightpaint notebooks under the 'brightpaint' kernel and reports one line each.

For every notebook: execute all cells with nbclient (the engine of nbconvert --execute), write
the executed .ipynb and an HTML rendering (nbconvert HTMLExporter) to the output folder (with
plotly.js and the template stylesheet as files shared by the folder, see notebook_files), print
"ok" or "FAILED" with the seconds taken; for a failure, name the cell (index, first source line)
and the exception. The kernel's own log goes to <name>.kernel.log next to the outputs.
After execution every output is checked (check_outputs): a Plotly figure with no finite x, y
or z value, an HTML table with no data row or with only NaN/empty numeric cells, an error output
or a Java stack trace in any output fails the notebook, naming the cell and the reason.

Headline numbers (environment/headlines.py: the numbers each notebook concludes from, read from
the workspace's evaluation tables or the executed notebook's outputs) are compared at "ci" size
with the accepted run's in HEADLINES_FILE, within the tolerance stated there for each number; a
drifted or unreadable number fails the notebook, naming the number, recorded and new value and
tolerance. Re-record them deliberately with --record-headlines (this run's notebooks) or
environment/headlines record (from an executed run, without running anything).

With --check-only the NOTEBOOKs are executed notebooks (e.g. out/notebooks/*.ipynb): nothing
runs, their outputs and headline numbers are checked as above.

Size (issue 10): the run's .ipynb and .html files plus the folder's shared plotly.js and CSS are
summed (notebook_files.run_bytes, as `du -cb` counts them) and printed; at "ci" size a run over
notebook_files.SIZE_LIMIT_BYTES (15 MB) fails as "run folder size".

Exit status: 0 when every notebook ran and passed its checks, 1 otherwise.

Usage: run_notebooks.py [--record-headlines] [--headlines FILE] [--size ci|full] [--check-only] OUT_DIR CELL_TIMEOUT_S NOTEBOOK...
"""
import json
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert.preprocessors import coalesce_streams

import headlines as headline_numbers
import notebook_files

KERNEL = "brightpaint"


class TrackingClient(NotebookClient):
    """Remembers which cell runs, so a failure can name it."""

    current = None

    def __init__(self, nb, **kw):
        super().__init__(nb, on_cell_start=self._started, **kw)

    def _started(self, cell, cell_index):
        self.current = cell_index


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


HEADLINES_FILE = headline_numbers.FILE

STACK_TRACE = re.compile(r"^\s*at [\w.$<>/]+\([^)]*(\.java:\d+|Native Method|Unknown Source)\)"
                         r"|^Exception in thread |^Caused by: [\w.$]+(Exception|Error)", re.M)
TRACE_KEY = re.compile(r"\b([xyz])\s*:\s*\[")
NUMBER = re.compile(r"(?<![\w.])-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")
TOKEN = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^\s,\[\]"\']+)')
QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
ROW = re.compile(r"<tr\b.*?</tr>", re.S | re.I)
TD = re.compile(r"<td\b[^>]*>(.*?)</td>", re.S | re.I)
NUM_TD = re.compile(r"<td\b[^>]*class=\"bp-num\"[^>]*>(.*?)</td>", re.S | re.I)  # numeric columns (MimeBundle)
TAG = re.compile(r"<[^>]+>")


def bracket(text, start):
    """The text between the '[' at start and its matching ']'."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
    return text[start + 1:]


def figure_problem(html):
    """None, or why a Plotly figure's HTML holds no finite data (every x, y and z value NaN or absent)."""
    if "brightpaint-figure" not in html and "Plotly.newPlot" not in html:
        return None
    script = html.split("brightpaint-figure", 1)[-1]
    arrays = [bracket(script, m.end() - 1) for m in TRACE_KEY.finditer(script)]
    if not arrays:
        return "figure has no x, y or z data"
    if not has_finite(arrays):
        return "figure has no finite data (every x, y and z value is NaN or missing)"
    return trace_problem(script)


def has_finite(arrays):
    """Whether any of the x/y/z array texts holds a finite number."""
    for a in arrays:  # Tablesaw writes scatter values quoted ("1.0", "NaN"), heatmap z bare
        for m in TOKEN.finditer(a):
            tok = next(g for g in m.groups() if g is not None)
            if NUMBER.fullmatch(tok.strip()):
                return True
    return False


TRACE_VAR = re.compile(r"\bvar (trace\d+)\s*=")
TRACE_NAME = re.compile(r"\bname:\s*'([^']*)'")


def trace_problem(script):
    """None, or which trace of a figure has x/y/z data but no finite value (e.g. one MoA group of
    a t-SNE all NaN while the others are drawn: the figure silently lacks that group)."""
    parts = TRACE_VAR.split(script)
    for k in range(1, len(parts), 2):
        arrays = [bracket(parts[k + 1], m.end() - 1) for m in TRACE_KEY.finditer(parts[k + 1])]
        if arrays and not has_finite(arrays):
            name = TRACE_NAME.search(parts[k + 1])
            return "figure %s%s has no finite data (every x, y and z value is NaN or missing)" % (
                parts[k], " ('%s')" % name.group(1) if name else "")
    return None


def table_problem(html):
    """None, or why an HTML table is empty or all-NaN."""
    for t in TABLE.findall(html):
        rows = [r for r in ROW.findall(t) if TD.search(r)]
        if not rows:
            return "table has no data rows"
        cells = [TAG.sub("", c).strip() for r in rows for c in TD.findall(r)]
        if not any(cells):
            return "table has only empty cells"
        # numeric columns only (a text table, e.g. the doctor's report, may have empty cells);
        # the display bridge writes NaN as an empty cell
        numeric = [TAG.sub("", c).strip() for r in rows for c in NUM_TD.findall(r)]
        nan = [c for c in numeric if c.lower() in ("", "nan", "null", "-nan", "infinity", "-infinity")]
        finite = [c for c in numeric if NUMBER.fullmatch(c.replace(",", ""))]
        if nan and not finite:
            return "table has no finite number (%d of %d numeric cells NaN or empty)" % (len(nan), len(numeric))
    return None


def output_texts(out):
    """(mime, text) of every representation of one output."""
    if out.get("output_type") == "stream":
        yield "stream", out.get("text", "")
    elif out.get("output_type") == "error":
        yield "error", "\n".join(out.get("traceback", []))
    for mime, v in out.get("data", {}).items():
        yield mime, v if isinstance(v, str) else ("".join(v) if isinstance(v, list) else json.dumps(v))


def check_outputs(nb):
    """'cell N: `first line` -> reason' for the first output that shows something broken, or None."""
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            why = None
            for mime, text in output_texts(out):
                if mime == "error":
                    why = "error output: " + error_text(out)
                elif mime == "text/html":
                    why = figure_problem(text) or table_problem(text)
                if why is None and mime in ("stream", "text/plain", "text/markdown", "text/html") and STACK_TRACE.search(ANSI.sub("", text)):
                    line = STACK_TRACE.search(ANSI.sub("", text)).group(0).strip()
                    why = "output holds a Java stack trace (%s)" % line[:200]
                if why:
                    return "cell %d: `%s` -> %s" % (index, first_line(cell.source), why)
    return None


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
    # consecutive stream outputs become one, and a progress bar redrawn with \r keeps only its last
    # state: one line that updated in place, not one stored output per redraw (issue 10, obs. 7)
    nb, _ = coalesce_streams(nb, {})
    if failure is None:
        failure = check_outputs(nb)
    notebook_files.write_notebook(nb, out_dir, name)
    return failure, secs


def check_executed(path):
    """(failure, 0.0) for an already executed notebook: its outputs checked, nothing run."""
    return check_outputs(nbformat.read(path, as_version=4)), 0.0


def main(argv=None):
    args = list(sys.argv[1:] if argv is None else argv)
    record, size, headlines_file, check_only = False, "ci", HEADLINES_FILE, False
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--record-headlines":
            record = True
        elif opt == "--headlines":
            headlines_file = args.pop(0)
        elif opt == "--size":
            size = args.pop(0)
        elif opt == "--check-only":
            check_only = True
        else:
            print("run_notebooks.py: unknown option " + opt, file=sys.stderr)
            return 2
    out_dir, timeout, notebooks = args[0], int(args[1]), args[2:]
    os.makedirs(out_dir, exist_ok=True)
    spec = headline_numbers.load(headlines_file) if os.path.exists(headlines_file) else None
    workspace = os.environ.get("BRIGHTPAINT_WORKSPACE", os.path.join(headline_numbers.ROOT, "out", "workspace"))
    recorded = []
    failed = []
    width = max(len(os.path.basename(p)) for p in notebooks)
    for path in notebooks:
        failure, secs = check_executed(path) if check_only else run(path, out_dir, timeout)
        base = os.path.basename(path)
        executed = os.path.dirname(os.path.abspath(path)) if check_only else out_dir
        if failure is None and spec is not None and size == "ci":
            if record:
                recorded.append(base)
            else:
                failure = headline_numbers.failure(spec, base, workspace, executed, headlines_file)
        if failure is None:
            print("ok      %-*s %7.1f s" % (width, base, secs), flush=True)
        else:
            failed.append(base)
            print("FAILED  %-*s %7.1f s  %s" % (width, base, secs, failure), flush=True)
    print("%d of %d notebooks ok; executed notebooks and HTML in %s"
          % (len(notebooks) - len(failed), len(notebooks), out_dir), flush=True)
    if failed:
        print("failed: " + ", ".join(failed), flush=True)
    if not check_only:
        names = [os.path.splitext(os.path.basename(p))[0] for p in notebooks]
        line, over = notebook_files.size_report(notebook_files.run_bytes(out_dir, names))
        print(line, flush=True)
        if over and size == "ci":
            failed.append("run folder size")
    if record and spec is not None and recorded:
        problems = headline_numbers.record(spec, workspace, executed, set(recorded), None,
                                           "environment/run-notebooks --size ci --record-headlines " + " ".join(recorded))
        if problems:
            print("headline numbers not recorded: " + "; ".join(problems), flush=True)
            return 1
        headline_numbers.write(spec, headlines_file)
        print("recorded the headline numbers of %d notebook(s) in %s (commit it)" % (len(recorded), headlines_file), flush=True)
    elif record:
        print("no headline numbers recorded (no passing ci-size notebook, or no %s)" % headlines_file, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
