"""Measurement harness (not used by CI): re-emits stored executed notebooks as run-notebooks would
write them with the current code, without running a kernel, to measure a run folder's size for
notebooks too slow to re-execute (the training notebooks 02-07 take 30+ minutes on 2 cores).

Applied to each notebook: every image/png output through MimeBundle.ofDisplayImage (Java,
environment/ReencodeImages.java: display width, JPEG where it is at most half the PNG), for
07-artifact-inspection only the first gallery of each model (as BenchmarkViews.Artifacts.featured
now selects), then plotly.js and the stylesheet shared per folder (notebook_files) and the HTML
page. Figures and tables stay as stored: changes to what a notebook computes or plots (e.g. 01's
binned histograms, 05/06's loss-and-validation overlay) need a real run.

Usage: reemit_notebooks.py CLASSPATH OUT_DIR NOTEBOOK.ipynb...
"""
import base64
import os
import subprocess
import sys
import tempfile

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import notebook_files  # noqa: E402


def featured_galleries_only(nb):
    """Notebook 07's gallery cell: keeps the caption and image of each model's first gallery."""
    for cell in nb.cells:
        outs = cell.get("outputs", [])
        caps = [o for o in outs if "**" in "".join(o.get("data", {}).get("text/markdown", ""))]
        if len(caps) < 2 or "Display.show(a.galleries()" not in "".join(cell.source):
            continue
        kept, seen, keep_next = [], set(), False
        for o in outs:
            md = "".join(o.get("data", {}).get("text/markdown", ""))
            if md.startswith("**"):
                model = md.strip("*").split(" ", 1)[0]
                keep_next = model not in seen
                seen.add(model)
                if keep_next:
                    kept.append(o)
            elif keep_next:
                kept.append(o)
                keep_next = False
        cell["outputs"] = kept


def main():
    cp, out_dir, notebooks = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="bp-reemit-")
    for path in notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        nb = nbformat.read(path, as_version=4)
        if name.startswith("07-"):
            featured_galleries_only(nb)
        images = []
        for i, cell in enumerate(nb.cells):
            for k, o in enumerate(cell.get("outputs", [])):
                v = o.get("data", {}).get("image/png")
                if v:
                    f = os.path.join(work, "%s_%d_%d.png" % (name, i, k))
                    with open(f, "wb") as fh:
                        fh.write(base64.b64decode(v))
                    images.append((o, f))
        if images:
            subprocess.run(["java", "-cp", cp, os.path.join(HERE, "ReencodeImages.java")]
                           + [f for _, f in images], check=True)
            for o, f in images:
                mime, b64 = open(f + ".mime").read().split("\n", 1)
                del o["data"]["image/png"]
                o["data"][mime] = b64
        notebook_files.write_notebook(nb, out_dir, name)
        print("re-emitted %s: %d + %d bytes" % (name, os.path.getsize(os.path.join(out_dir, name + ".ipynb")),
                                                os.path.getsize(os.path.join(out_dir, name + ".html"))), flush=True)


if __name__ == "__main__":
    main()
