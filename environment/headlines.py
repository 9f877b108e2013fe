"""Headline numbers of the notebooks: what each notebook concludes from, recorded once from an
accepted "ci" run and compared with every later run within a stated tolerance per number.

The accepted numbers live in environment/headlines-ci.json. Each entry names its notebook, a
name, where the number is read from, the recorded value and a tolerance class; the classes
(with why and what size of regression each still catches) are stated in the same file. A
number is read from one of
  {"table": "ci/.../x.csv", "where": {"col": "value" | "!value"}, "column": "c"}  one cell
      (exactly one matching row), or instead of "column": "count": true (matching rows),
      "distinct": ["c", ...], "sum": "c", "mean": "c", "median": "c"; "table" may be a glob
      (rows of every match); paths are relative to the workspace (BRIGHTPAINT_WORKSPACE);
  {"shown": "caption", "row": "first-cell text", "column": "header"}  a cell of an HTML
      table the executed notebook shows (as displayed, e.g. 4 significant digits);
  {"text": "regex with one group"}  the first match in the notebook's text/markdown outputs;
  {"tagged": "key"}  a number the notebook published with Display.headlines.
An empty cell, NaN or a missing match reads as null (a null recorded value must stay null).
A class with "absent_ok": true is for numbers that exist only when a model's predictions hold
enough segmented cells: such a number may be null, or its source missing, in the recorded run or
in the new one (the class says why); when both runs have it, it must be within the tolerance.

A number drifts when |new - recorded| > abs + rel * |recorded| (its class's tolerances).

Command line (also environment/headlines):
  headlines.py record [--file F] [--workspace W] [--notebooks DIR] [--run-commit C] [NOTEBOOK...]
      re-reads every number (or those of the named notebooks) from an executed run and writes
      the file, keeping entries and classes, stamping the command, date and run commit.
  headlines.py check  [--file F] [--workspace W] [--notebooks DIR] [NOTEBOOK...]
      prints one line per notebook (ok / FAILED naming number, recorded, new, tolerance);
      exit 1 on any drift.
Defaults: F = environment/headlines-ci.json, W = out/workspace, DIR = out/notebooks.
"""
import csv
import datetime
import glob
import json
import math
import os
import re
import statistics
import subprocess
import sys

from atomic_file import atomic_write

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILE = os.path.join(ROOT, "environment", "headlines-ci.json")
RECORD_COMMAND = "python3 environment/headlines.py record"
NUM = re.compile(r"^[-+]?(\d[\d,]*\.?\d*|\.\d+)([eE][-+]?\d+)?$")
TAG = re.compile(r"<[^>]+>")
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S | re.I)
TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
ROW = re.compile(r"<tr\b.*?</tr>", re.S | re.I)
CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.S | re.I)
HEADLINES_MIME = "application/vnd.brightpaint.headlines"


class Unreadable(Exception):
    """A number's source is missing or ambiguous (a file, row, column, table or match)."""


def number(text):
    """float of a table cell or match (thousands separators allowed); None for empty/NaN."""
    if text is None:
        return None
    t = str(text).strip()
    if t == "" or t.lower() in ("nan", "-nan", "null", "none"):
        return None
    if not NUM.match(t) and t.lower() not in ("infinity", "-infinity", "inf", "-inf"):
        raise Unreadable("not a number: %r" % t[:60])
    v = float(t.replace(",", ""))
    return v if math.isfinite(v) else None


def html(text):
    return TAG.sub("", text).replace("&nbsp;", " ").replace("&amp;", "&").replace("&times;", "x").strip()


def notebook_outputs(path):
    """(mime, text) of every output of an executed notebook."""
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                t = out.get("text", "")
                yield "stream", "".join(t) if isinstance(t, list) else t
            for mime, v in out.get("data", {}).items():
                yield mime, "".join(v) if isinstance(v, list) else (v if isinstance(v, str) else json.dumps(v))


def rows_of(workspace, pattern):
    paths = sorted(glob.glob(os.path.join(workspace, pattern)))
    if not paths:
        raise Unreadable("no file %s under %s" % (pattern, workspace))
    rows = []
    for p in paths:
        with open(p, newline="", encoding="utf-8") as f:
            rows.extend(csv.DictReader(f))
    return rows


def matches(row, where):
    for col, want in where.items():
        if col not in row:
            raise Unreadable("no column %s" % col)
        if want.startswith("!"):
            if row[col] == want[1:]:
                return False
        elif row[col] != want:
            return False
    return True


def read_table(src, workspace):
    rows = [r for r in rows_of(workspace, src["table"]) if matches(r, src.get("where", {}))]
    if src.get("count"):
        return float(len(rows))
    if "distinct" in src:
        return float(len({tuple(r[c] for c in src["distinct"]) for r in rows}))
    for agg, fn in (("sum", math.fsum), ("mean", statistics.fmean), ("median", statistics.median)):
        if agg in src:
            values = [number(r.get(src[agg])) for r in rows]
            values = [v for v in values if v is not None]
            return fn(values) if values else None
    if len(rows) != 1:
        raise Unreadable("%d rows match %s in %s (need one)" % (len(rows), src.get("where"), src["table"]))
    if src["column"] not in rows[0]:
        raise Unreadable("no column %s in %s" % (src["column"], src["table"]))
    return number(rows[0][src["column"]])


def read_shown(src, path):
    for mime, text in notebook_outputs(path):
        if mime != "text/html":
            continue
        for table in TABLE.findall(text):
            cap = CAPTION.search(table)
            if not cap or not html(cap.group(1)).startswith(src["shown"]):
                continue
            rows = [[html(c) for c in CELL.findall(r)] for r in ROW.findall(table)]
            header, body = rows[0], rows[1:]
            if src["column"] not in header:
                raise Unreadable("table '%s' has no column '%s'" % (src["shown"], src["column"]))
            hit = [r for r in body if r and r[0] == src["row"]]
            if len(hit) != 1:
                raise Unreadable("table '%s' has %d rows '%s'" % (src["shown"], len(hit), src["row"]))
            return number(hit[0][header.index(src["column"])])
    raise Unreadable("no table captioned '%s'" % src["shown"])


def read_text(src, path):
    pattern = re.compile(src["text"])
    for mime, text in notebook_outputs(path):
        if mime in ("stream", "text/markdown", "text/plain"):
            m = pattern.search(text)
            if m:
                return number(m.group(1))
    raise Unreadable("no output matches /%s/" % src["text"])


def read_tagged(src, path):
    for mime, text in notebook_outputs(path):
        if mime == HEADLINES_MIME:
            values = json.loads(text)
            if src["tagged"] in values:
                v = values[src["tagged"]]
                return None if v is None or not math.isfinite(v) else float(v)
    raise Unreadable("no published headline '%s'" % src["tagged"])


def measure(entry, workspace, notebooks):
    """The entry's number in this run (float or None); raises Unreadable."""
    src = entry["from"]
    if "table" in src:
        return read_table(src, workspace)
    path = os.path.join(notebooks, entry["notebook"])
    if not os.path.exists(path):
        raise Unreadable("no executed notebook %s" % path)
    if "shown" in src:
        return read_shown(src, path)
    if "text" in src:
        return read_text(src, path)
    if "tagged" in src:
        return read_tagged(src, path)
    raise Unreadable("unknown source %s" % src)


def absent_ok(spec, entry):
    """Whether the entry's class lets the number be absent (null or unreadable) in either run."""
    return bool(spec["tolerances"][entry["tolerance"]].get("absent_ok", False))


def value(spec, entry, workspace, notebooks):
    """measure(), except that an absent_ok entry whose source is missing reads as None."""
    try:
        return measure(entry, workspace, notebooks)
    except Unreadable:
        if absent_ok(spec, entry):
            return None
        raise


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def tolerance(spec, entry):
    t = spec["tolerances"][entry["tolerance"]]
    return t.get("abs", 0.0), t.get("rel", 0.0)


def fmt(v):
    return "null" if v is None else "%.10g" % v


def drift(spec, entry, new):
    """None, or why new is not within the entry's tolerance of its recorded value."""
    old = entry["value"]
    a, r = tolerance(spec, entry)
    if old is None or new is None:
        if (old is None) == (new is None) or absent_ok(spec, entry):
            return None
    elif abs(new - old) <= a + r * abs(old) + 1e-12 * abs(old):
        return None
    tol = " + ".join(([("%g" % a)] if a or not r else []) + (["%g x |recorded|" % r] if r else []))
    return "%s: new %s, recorded %s, tolerance %s (%s)" % (entry["name"], fmt(new), fmt(old), tol, entry["tolerance"])


def check(spec, notebook, workspace, notebooks):
    """Drift and unreadable messages for one notebook's numbers (empty: all within tolerance)."""
    problems = []
    for e in spec["numbers"]:
        if e["notebook"] != notebook:
            continue
        try:
            why = drift(spec, e, value(spec, e, workspace, notebooks))
        except Unreadable as u:
            why = "%s: cannot be read (%s), recorded %s" % (e["name"], u, fmt(e["value"]))
        if why:
            problems.append(why)
    return problems


def failure(spec, notebook, workspace, notebooks, file_name):
    """One line for run-notebooks, or None when the notebook has no drifted number."""
    p = check(spec, notebook, workspace, notebooks)
    if not p:
        return None
    return "headline numbers drifted from %s: %s" % (os.path.basename(file_name), "; ".join(p))


def commit():
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def record(spec, workspace, notebooks, only, run_commit, command):
    """Re-reads the numbers (of the notebooks in only, or all) into spec; returns problems."""
    problems = []
    for e in spec["numbers"]:
        if only and e["notebook"] not in only:
            continue
        try:
            e["value"] = value(spec, e, workspace, notebooks)
        except Unreadable as u:
            problems.append("%s / %s: %s" % (e["notebook"], e["name"], u))
    stamp = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
             "run_commit": run_commit or commit(), "command": command}
    done = sorted({e["notebook"] for e in spec["numbers"] if not only or e["notebook"] in only})
    spec["recorded"] = dict(sorted({**spec.get("recorded", {}), **{nb: stamp for nb in done}}.items()))
    return problems


def write(spec, path):
    """Writes spec with one line per number and per recorded stamp (readable diffs on re-record)."""
    def block(key, items, fmt):
        return '  "%s": %s' % (key, items[0] + ",\n".join("   " + fmt(x) for x in items[1]) + items[2])
    recorded = list(spec.get("recorded", {}).items())
    parts = ['  "about": ' + json.dumps(spec.get("about", ""), ensure_ascii=False),
             block("recorded", ("{\n", recorded, "\n  }"), lambda kv: json.dumps(kv[0]) + ": " + json.dumps(kv[1], ensure_ascii=False)),
             '  "tolerances": ' + json.dumps(spec["tolerances"], indent=1, ensure_ascii=False).replace("\n", "\n  "),
             block("numbers", ("[\n", spec["numbers"], "\n  ]"), lambda e: json.dumps(e, ensure_ascii=False))]
    text = "{\n" + ",\n".join(parts) + "\n}\n"
    json.loads(text)  # what is written must read back
    atomic_write(path, text)


def main(argv):
    if not argv or argv[0] not in ("record", "check"):
        print(__doc__.split("Command line")[1].split("Defaults")[0].strip(), file=sys.stderr)
        return 2
    mode, args = argv[0], argv[1:]
    path, workspace = FILE, os.path.join(ROOT, "out", "workspace")
    notebooks, run_commit, only = os.path.join(ROOT, "out", "notebooks"), None, []
    while args:
        a = args.pop(0)
        if a in ("--file", "--workspace", "--notebooks", "--run-commit") and args:
            v = args.pop(0)
            if a == "--file":
                path = v
            elif a == "--workspace":
                workspace = v
            elif a == "--notebooks":
                notebooks = v
            else:
                run_commit = v
        elif a.startswith("-"):
            print("headlines: unknown option %s (see environment/headlines with no arguments)" % a, file=sys.stderr)
            return 2
        else:
            only.append(os.path.basename(a))
    try:
        spec = load(path)
    except (OSError, ValueError) as e:
        print("headlines: cannot read %s (%s)" % (path, e), file=sys.stderr)
        return 1
    if not os.path.isdir(workspace) or not os.path.isdir(notebooks):
        print("headlines: no executed run at %s and %s: run environment/run-notebooks --size ci first, "
              "or pass --workspace and --notebooks" % (workspace, notebooks), file=sys.stderr)
        return 1
    if mode == "record":
        command = " ".join([RECORD_COMMAND] + [a for a in argv[1:]])
        problems = record(spec, workspace, notebooks, set(only), run_commit, command)
        if problems:
            print("headlines: not recorded, %d number(s) unreadable: %s" % (len(problems), "; ".join(problems)), file=sys.stderr)
            return 1
        write(spec, path)
        n = sum(1 for e in spec["numbers"] if not only or e["notebook"] in only)
        print("recorded %d headline numbers in %s (commit it)" % (n, path))
        return 0
    names = only or sorted({e["notebook"] for e in spec["numbers"]})
    failed = 0
    for nb in names:
        p = check(spec, nb, workspace, notebooks)
        if p:
            failed += 1
            print("FAILED  %s  %s" % (nb, "; ".join(p)))
        else:
            print("ok      %s  %d headline numbers within tolerance" % (nb, sum(1 for e in spec["numbers"] if e["notebook"] == nb)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
