"""Self-check of run-notebooks' output and headline checks on copies of an executed run.

Feeds deliberately broken copies of executed notebooks to `run_notebooks.py --check-only` and
asserts that each fails with the notebook, the cell and the reason:
  - the t-SNE figure of 11-moa-prediction with every coordinate NaN (issue 10, observation 1);
  - a shown table with no data row, and one whose numeric cells are all empty (NaN);
  - a Java stack trace printed in an output, and an error output.
Then the headline numbers: it records the run's own numbers into a temporary file, checks that
the untouched run passes, and for one number of every tolerance class changes that number in a
copy of its source (evaluation table, shown table or text) to just outside its tolerance (must
fail naming notebook, number, recorded and new value, tolerance) and to half its tolerance
(must pass); for a class that lets the number be absent ("absent_ok"), a copy without the
number's rows must pass too.

Usage: notebook_selfcheck.py EXECUTED_NOTEBOOKS_DIR WORKSPACE_DIR [HEADLINES_FILE]
Exit status 0 when every case behaves, 1 naming the first that does not.
"""
import csv
import glob
import io
import json
import os
import re
import shutil
import sys
import tempfile
from contextlib import redirect_stdout

import nbformat

import headlines
import run_notebooks

NUMBER = re.compile(r'"?(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)"?')


def runner(notebook, headlines_file=None, workspace=None):
    """(exit status, output) of run_notebooks.py --check-only on one executed notebook."""
    # no headline file for the output checks: only the outputs are judged
    args = ["--check-only", "--headlines", headlines_file or os.path.join(tempfile.gettempdir(), "no-headlines.json")]
    old = os.environ.get("BRIGHTPAINT_WORKSPACE")
    os.environ["BRIGHTPAINT_WORKSPACE"] = workspace or tempfile.gettempdir()
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            rc = run_notebooks.main(args + [os.path.dirname(notebook), "60", notebook])
    finally:
        if old is None:
            del os.environ["BRIGHTPAINT_WORKSPACE"]
        else:
            os.environ["BRIGHTPAINT_WORKSPACE"] = old
    return rc, buf.getvalue()


class SelfCheck:
    def __init__(self, executed, workspace, spec_file, tmp):
        self.executed, self.workspace, self.spec_file, self.tmp = executed, workspace, spec_file, tmp
        self.failures = []

    def expect(self, what, notebook, pattern, headlines_file=None, workspace=None):
        """The check of notebook must fail with a line matching pattern (None: must pass)."""
        rc, out = runner(notebook, headlines_file, workspace)
        line = next((l for l in out.splitlines() if l.startswith(("FAILED", "ok "))), out.strip())
        if pattern is None:
            good = rc == 0
        else:
            good = rc != 0 and re.search(pattern, line) is not None
        print("%s  %s\n        %s" % ("ok  " if good else "BAD ", what, line))
        if not good:
            self.failures.append("%s (expected %s)" % (what, "a pass" if pattern is None else "/" + pattern + "/"))

    def broken_copy(self, name, change):
        """Path of a copy of executed notebook name after change(nb) -> cell index."""
        nb = nbformat.read(os.path.join(self.executed, name), as_version=4)
        index = change(nb)
        path = os.path.join(self.tmp, "broken-%d-%s" % (len(os.listdir(self.tmp)), name))
        nbformat.write(nb, path)
        return path, index

    # --- output checks -------------------------------------------------------------------

    def outputs(self):
        name = "11-moa-prediction.ipynb"
        self.expect("executed %s passes as it is" % name, os.path.join(self.executed, name), None)

        def nan_tsne(nb):
            for i, cell in enumerate(nb.cells):
                for out in cell.get("outputs", []):
                    h = out.get("data", {}).get("text/html", "")
                    if "t-SNE" in h and run_notebooks.TRACE_KEY.search(h):
                        parts, pos = [], 0
                        for m in run_notebooks.TRACE_KEY.finditer(h):
                            body = run_notebooks.bracket(h, m.end() - 1)
                            start = m.end()
                            parts += [h[pos:start], NUMBER.sub('"NaN"', body)]
                            pos = start + len(body)
                        out["data"]["text/html"] = "".join(parts) + h[pos:]
                        return i
            raise SystemExit("selfcheck: no t-SNE figure in %s" % name)
        path, i = self.broken_copy(name, nan_tsne)
        self.expect("t-SNE with NaN coordinates", path, r"FAILED .*%s.*cell %d: .* -> figure has no finite data" % (re.escape(name), i))

        def nan_first_trace(nb):
            for i, cell in enumerate(nb.cells):
                for out in cell.get("outputs", []):
                    h = out.get("data", {}).get("text/html", "")
                    if "t-SNE" in h and "var trace1" in h:
                        head, rest = h.split("var trace1", 1)
                        k = head.index("var trace0")
                        body = head[k:]
                        for m in reversed(list(run_notebooks.TRACE_KEY.finditer(body))):
                            inner = run_notebooks.bracket(body, m.end() - 1)
                            body = body[:m.end()] + NUMBER.sub('"NaN"', inner) + body[m.end() + len(inner):]
                        out["data"]["text/html"] = head[:k] + body + "var trace1" + rest
                        return i
            raise SystemExit("selfcheck: no t-SNE figure with several traces in %s" % name)
        path, i = self.broken_copy(name, nan_first_trace)
        self.expect("t-SNE with one group's coordinates NaN", path, r"FAILED .*cell %d: .* -> figure trace0 .*has no finite data" % i)

        def first_table(nb, body):
            for i, cell in enumerate(nb.cells):
                for out in cell.get("outputs", []):
                    h = out.get("data", {}).get("text/html", "")
                    if 'class="bp-num"' in h:
                        out["data"]["text/html"] = body(h)
                        return i
            raise SystemExit("selfcheck: no numeric table in %s" % name)
        path, i = self.broken_copy(name, lambda nb: first_table(nb, lambda h: re.sub(
            r"<tr\b(?:(?!</tr>).)*<td\b.*?</tr>", "", h, flags=re.S)))
        self.expect("table with no data row", path, r"FAILED .*cell %d: .* -> table has no data rows" % i)
        path, i = self.broken_copy(name, lambda nb: first_table(nb, lambda h: re.sub(
            r'(<td\b[^>]*class="bp-num"[^>]*>).*?(</td>)', r"\1\2", h, flags=re.S)))
        self.expect("table whose numbers are all NaN", path, r"FAILED .*cell %d: .* -> table has no finite number" % i)

        def append(output):
            def change(nb):
                i = max(j for j, c in enumerate(nb.cells) if c.cell_type == "code")
                nb.cells[i].outputs.append(output)
                return i
            return change
        trace = nbformat.v4.new_output("stream", name="stdout", text=(
            "java.lang.IllegalStateException: boom\n\tat org.brightpaint.eval.Tsne.embed(Tsne.java:42)\n"))
        path, i = self.broken_copy(name, append(trace))
        self.expect("Java stack trace in an output", path, r"FAILED .*cell %d: .* -> output holds a Java stack trace" % i)
        error = nbformat.v4.new_output("error", ename="java.lang.IllegalStateException", evalue="boom",
                                       traceback=["java.lang.IllegalStateException: boom"])
        path, i = self.broken_copy(name, append(error))
        self.expect("error output", path, r"FAILED .*cell %d: .* -> error output: java.lang.IllegalStateException" % i)

    # --- headline numbers ----------------------------------------------------------------

    def mirror(self, spec, notebook):
        """A workspace and notebooks folder holding copies of what notebook's numbers read."""
        ws = tempfile.mkdtemp(dir=self.tmp, prefix="ws-")
        nbs = tempfile.mkdtemp(dir=self.tmp, prefix="nb-")
        for e in spec["numbers"]:
            if e["notebook"] == notebook and "table" in e["from"]:
                for src in glob.glob(os.path.join(self.workspace, e["from"]["table"])):
                    dst = os.path.join(ws, os.path.relpath(src, self.workspace))
                    os.makedirs(os.path.dirname(dst), exist_ok=True)
                    shutil.copyfile(src, dst)
        shutil.copyfile(os.path.join(self.executed, notebook), os.path.join(nbs, notebook))
        return ws, nbs

    def set_number(self, entry, ws, nbs, value):
        """Writes value where entry's number is read from, in the mirrored copies."""
        src = entry["from"]
        if "table" in src:
            path = sorted(glob.glob(os.path.join(ws, src["table"])))[0]
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            fields = list(rows[0].keys())
            hit = [r for r in rows if headlines.matches(r, src.get("where", {}))]
            if "sum" in src:
                hit[0][src["sum"]] = repr(float(hit[0][src["sum"]]) + value - entry["value"])
            else:
                hit[0][src["column"]] = repr(value)
            write_rows(path, fields, rows)
            return
        path = os.path.join(nbs, entry["notebook"])
        with open(path, encoding="utf-8") as f:
            text = f.read()
        shown = ("%d" % value) if float(entry["value"]).is_integer() and float(value).is_integer() else repr(value)
        if "text" in src:
            m = re.search(src["text"], text)
            text = text[:m.start(1)] + shown + text[m.end(1):]
        elif "shown" in src:
            nb = json.loads(text)
            for cell in nb["cells"]:
                for out in cell.get("outputs", []):
                    h = out.get("data", {}).get("text/html")
                    if h is None:
                        continue
                    h = "".join(h) if isinstance(h, list) else h
                    for t in headlines.TABLE.findall(h):
                        cap = headlines.CAPTION.search(t)
                        if cap and headlines.html(cap.group(1)).startswith(src["shown"]):
                            header = [headlines.html(c) for c in headlines.CELL.findall(headlines.ROW.findall(t)[0])]
                            col = header.index(src["column"])
                            rows = headlines.ROW.findall(t)
                            for r in rows[1:]:
                                cells = headlines.CELL.findall(r)
                                if cells and headlines.html(cells[0]) == src["row"]:
                                    new_r = r.replace(cells[col], shown, 1) if cells[col] else r
                                    h = h.replace(t, t.replace(r, new_r), 1)
                            out["data"]["text/html"] = h
            text = json.dumps(nb)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def headline_numbers(self):
        spec = headlines.load(self.spec_file)
        present = {e["notebook"] for e in spec["numbers"] if os.path.exists(os.path.join(self.executed, e["notebook"]))}
        problems = headlines.record(spec, self.workspace, self.executed, present, None, "selfcheck")
        spec["numbers"] = [e for e in spec["numbers"] if e["notebook"] in present]
        if problems:
            self.failures.append("headline numbers unreadable in this run: " + "; ".join(problems))
            return
        own = os.path.join(self.tmp, "headlines-selfcheck.json")
        headlines.write(spec, own)
        chosen = {}
        for e in spec["numbers"]:
            if e["value"] is not None and e["tolerance"] not in chosen and "count" not in e["from"] and "distinct" not in e["from"] \
                    and "tagged" not in e["from"] and "mean" not in e["from"] and "median" not in e["from"]:
                chosen[e["tolerance"]] = e
        for cls, e in sorted(chosen.items()):
            a, r = headlines.tolerance(spec, e)
            width = a + r * abs(e["value"])
            nb = e["notebook"]
            ws, nbs = self.mirror(spec, nb)
            self.expect("%s / %s as recorded" % (nb, e["name"]), os.path.join(nbs, nb), None, own, ws)
            beyond = e["value"] + (2 * width if width else 1)
            if width and float(e["value"]).is_integer() and width >= 1:
                beyond = float(round(beyond))
            self.set_number(e, ws, nbs, beyond)
            self.expect("%s / %s drifted beyond its tolerance (%s)" % (nb, e["name"], cls), os.path.join(nbs, nb),
                        r"FAILED +%s .*%s: new .*, recorded .*, tolerance .*\(%s\)" % (re.escape(nb), re.escape(e["name"]), cls), own, ws)
            if width:
                within = e["value"] + (0.5 * width if not float(e["value"]).is_integer() or width < 2 else round(0.5 * width))
                ws, nbs = self.mirror(spec, nb)
                self.set_number(e, ws, nbs, within)
                self.expect("%s / %s moved within its tolerance (%s)" % (nb, e["name"], cls), os.path.join(nbs, nb), None, own, ws)
            if headlines.absent_ok(spec, e) and "table" in e["from"]:
                ws, nbs = self.mirror(spec, nb)
                for path in glob.glob(os.path.join(ws, e["from"]["table"])):
                    with open(path, newline="", encoding="utf-8") as f:
                        rows = list(csv.DictReader(f))
                    write_rows(path, list(rows[0].keys()),
                               [r for r in rows if not headlines.matches(r, e["from"].get("where", {}))])
                self.expect("%s / %s absent, which its class allows (%s)" % (nb, e["name"], cls), os.path.join(nbs, nb), None,
                            own, ws)


def write_rows(path, fields, rows):
    """Writes a mirrored evaluation table back (header, then rows as dicts)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.split("Usage: ")[1].split("\n")[0], file=sys.stderr)
        return 2
    executed, workspace = argv[0], argv[1]
    spec_file = argv[2] if len(argv) == 3 else headlines.FILE
    tmp = tempfile.mkdtemp(prefix="bp-selfcheck-")
    try:
        check = SelfCheck(executed, workspace, spec_file, tmp)
        check.outputs()
        check.headline_numbers()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if check.failures:
        print("selfcheck FAILED: " + "; ".join(check.failures))
        return 1
    print("selfcheck ok: broken outputs and drifted headline numbers fail with notebook, cell/number and reason")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
