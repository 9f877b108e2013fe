"""Shared files of a folder of executed notebooks: one plotly.js and one stylesheet per folder.

The kernel inlines plotly.js (1.4 MB, org.brightpaint.report.PlotlyEmbed) once per notebook, so
that an interactive session draws its figures offline; and nbconvert's lab template inlines its
0.57 MB stylesheet into every HTML page. Stored in a run folder of 17 notebooks that is 17 copies
of each in the .ipynb and again in the .html (issue 10: executed notebooks + HTML under 15 MB).
Before the executed notebook is written, share_plotly() moves each inlined plotly.js into one file
next to the notebooks (plotly-cartesian-<version>.js, the same bytes the kernel inlined: the
wrapper that hides an AMD loader included) and leaves <script src="..."> in its place; share_css()
does the same for the HTML page's template stylesheets (notebook-<sha256 prefix>.css). The .html
and the .ipynb therefore draw their figures only next to that file: copy the folder, not one page.
Same input, same bytes: the file names are fixed by the version and the content.
"""
import hashlib
import os
import re

import nbformat
from nbconvert import HTMLExporter

from atomic_file import atomic_write

MARKER = "data-brightpaint-plotly"
INLINE_PLOTLY = re.compile(r"<script([^>]*)\b" + MARKER + r"=\"([^\"]+)\"([^>]*)>(.*?)</script>", re.S)
HEAD_STYLE = re.compile(r"<style type=\"text/css\">(.*?)</style>\s*", re.S)


def write_shared(out_dir, name, text):
    """Writes out_dir/name (atomically) unless it already holds exactly text."""
    path = os.path.join(out_dir, name)
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == text.encode("utf-8"):
                return
    atomic_write(path, text)


def write_notebook(nb, out_dir, name):
    """Writes name.ipynb and name.html (nbconvert's HTMLExporter) into out_dir, each atomically;
    plotly.js and the template CSS go to the files the folder shares (share_plotly, share_css)."""
    share_plotly(nb, out_dir)
    atomic_write(os.path.join(out_dir, name + ".ipynb"), nbformat.writes(nb))
    html, _ = HTMLExporter().from_notebook_node(nb)
    atomic_write(os.path.join(out_dir, name + ".html"), share_css(html, out_dir))


def plotly_file_name(version):
    if not re.fullmatch(r"[0-9A-Za-z.+-]+", version):
        raise ValueError("unexpected plotly.js version %r in %s" % (version, MARKER))
    return "plotly-cartesian-%s.js" % version


def share_plotly(nb, out_dir):
    """Replaces every inlined plotly.js in nb's text/html outputs by <script src> of the shared
    file, which is written once into out_dir. Returns the number of copies replaced."""
    replaced = 0

    def swap(m):
        nonlocal replaced
        version, body = m.group(2), m.group(4)
        if not body.strip():
            return m.group(0)  # already a reference
        name = plotly_file_name(version)
        write_shared(out_dir, name, body.strip("\n") + "\n")
        replaced += 1
        return '<script type="text/javascript" src="%s" %s="%s"></script>' % (name, MARKER, version)

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            html = data.get("text/html")
            if html is None:
                continue
            text = html if isinstance(html, str) else "".join(html)
            if MARKER in text:
                data["text/html"] = INLINE_PLOTLY.sub(swap, text)
    return replaced


def share_css(html, out_dir):
    """Moves the <style> blocks of the page's <head> (nbconvert's template CSS) into one shared
    stylesheet in out_dir and links it; output styles in the body stay where they are."""
    end = html.find("</head>")
    if end < 0:
        return html
    head, rest = html[:end], html[end:]
    styles = HEAD_STYLE.findall(head)
    if not styles:
        return html
    css = "\n".join(s.strip("\n") for s in styles) + "\n"
    name = "notebook-%s.css" % hashlib.sha256(css.encode("utf-8")).hexdigest()[:12]
    write_shared(out_dir, name, css)
    first = HEAD_STYLE.search(head).start()
    head = head[:first] + '<link rel="stylesheet" href="%s">\n' % name + HEAD_STYLE.sub("", head[first:])
    return head + rest


def inlined_plotly_copies(nb):
    """How many outputs of nb still inline plotly.js (0 after share_plotly)."""
    n = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html")
            text = "" if html is None else html if isinstance(html, str) else "".join(html)
            n += sum(1 for m in INLINE_PLOTLY.finditer(text) if m.group(4).strip())
    return n


# Issue 10: executed notebooks + HTML of a ci run under 15 MB in total (shared files included).
SIZE_LIMIT_BYTES = 15_000_000


def shared_file(name):
    """True for the files share_plotly and share_css write (one per folder)."""
    return re.fullmatch(r"plotly-cartesian-[0-9A-Za-z.+-]+\.js|notebook-[0-9a-f]{12}\.css", name) is not None


def run_bytes(out_dir, names):
    """Bytes of name.ipynb and name.html for each notebook name (without extension) plus every
    shared .js/.css file in out_dir, as `du -cb` counts them; missing files count 0."""
    total = 0
    for name in names:
        for ext in (".ipynb", ".html"):
            p = os.path.join(out_dir, name + ext)
            total += os.path.getsize(p) if os.path.exists(p) else 0
    for f in os.listdir(out_dir):
        if shared_file(f):
            total += os.path.getsize(os.path.join(out_dir, f))
    return total


def size_report(total, limit=SIZE_LIMIT_BYTES):
    """(line to print, over the limit?) for a run's total bytes."""
    over = total > limit
    return ("%s run's notebooks + HTML + shared files: %.2f MB (%d bytes; limit %.0f MB)"
            % ("FAILED " if over else "size   ", total / 1e6, total, limit / 1e6), over)
