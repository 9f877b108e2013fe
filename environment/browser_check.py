"""Opens an executed notebook's HTML in headless Chromium (offline) and checks what it shows.

Passes when, in the DOM after scripts ran, every brightpaint figure div contains Plotly's drawn
<svg class="main-svg"> and the page holds at least one PNG or JPEG image that decodes. plotly.js
may be inlined or a file next to the page (run_notebooks.py shares one per folder: notebook_files);
the page's copies made here get the folder's .js and .css files beside them. The page is also
checked with an AMD loader defined first (as when require.js is on the page: classic Notebook,
nbconvert templates with require.js), where plotly.js must still set window.Plotly. With
--strip-plotly the inlined plotly.js is removed from a copy first (negative control: the check
must then fail). With --negative-control both runs happen and the command passes only if the
real page passes and the stripped page fails.

Usage: browser_check.py CHROMIUM HTML [--strip-plotly | --negative-control]
"""
import base64
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

MARKER = "data-brightpaint-plotly"
FIGURE_CLASS = "brightpaint-figure"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class DomScan(HTMLParser):
    """Collects figure divs (and whether a main-svg lies inside each) and PNG data images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open tags: (tag, figure_id or None)
        self.figures = {}        # id -> drawn?
        self.pngs = []           # decoded (width, height) of PNG and JPEG images
        self.bad_images = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        fig = a.get("id") if tag == "div" and FIGURE_CLASS in classes else None
        if fig:
            self.figures.setdefault(fig, False)
        if tag == "svg" and "main-svg" in classes:
            for _, open_fig in self.stack:
                if open_fig:
                    self.figures[open_fig] = True
        if tag == "img":
            src = a.get("src") or ""
            if src.startswith("data:image/png;base64,") or src.startswith("data:image/jpeg;base64,"):
                size = (png_size if "png" in src[:16] else jpeg_size)(src.split(",", 1)[1])
                if size:
                    self.pngs.append(size)
                else:
                    self.bad_images += 1
        if tag not in VOID:
            self.stack.append((tag, fig))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return


def png_size(b64):
    """(width, height) of a complete PNG (signature, IHDR, IEND), else None."""
    try:
        data = base64.b64decode(b64, validate=False)
    except Exception:
        return None
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or data[-8:-4] != b"IEND":
        return None
    return struct.unpack(">II", data[16:24])


def jpeg_size(b64):
    """(width, height) of a complete baseline or progressive JPEG (SOI, SOF0/SOF2, EOI), else None."""
    try:
        data = base64.b64decode(b64, validate=False)
    except Exception:
        return None
    if data[:2] != b"\xff\xd8" or data[-2:] != b"\xff\xd9":
        return None
    i = 2
    while i + 9 < len(data) and data[i] == 0xFF:
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return (w, h)
        i += 2 + length
    return None


def dump_dom(chromium, html_path):
    profile = tempfile.mkdtemp(prefix="bp-chromium-")
    try:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
               "--user-data-dir=" + profile, "--virtual-time-budget=30000", "--dump-dom",
               "file://" + os.path.abspath(html_path)]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        if r.returncode != 0 or not r.stdout:
            raise RuntimeError("chromium failed (%d): %s" % (r.returncode, r.stderr.decode(errors="replace")[-2000:]))
        return r.stdout.decode("utf-8", errors="replace")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def strip_plotly(html_path, out_path):
    html = open(html_path, encoding="utf-8").read()
    stripped, n = re.subn(r"<script[^>]*" + MARKER + r"[^>]*>.*?</script>", "", html, flags=re.S)
    if n == 0:
        raise RuntimeError("no inlined plotly.js (%s) found in %s" % (MARKER, html_path))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(stripped)


AMD_STUB = ("<script>/* brightpaint browser check: an AMD loader as require.js defines it */"
            "window.define = function () {}; window.define.amd = {};</script>")


def with_amd_loader(html_path, out_path):
    html = open(html_path, encoding="utf-8").read()
    i = html.find("<head>")
    if i < 0:
        raise RuntimeError("no <head> in " + html_path)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(html[:i + 6] + AMD_STUB + html[i + 6:])


def check(chromium, html_path, label):
    scan = DomScan()
    scan.feed(dump_dom(chromium, html_path))
    problems = []
    if not scan.figures:
        problems.append("no brightpaint figure div in the page")
    for fig, drawn in sorted(scan.figures.items()):
        if not drawn:
            problems.append("figure %s did not draw (no svg.main-svg inside it)" % fig)
    if not scan.pngs:
        problems.append("no PNG or JPEG image in the page")
    if scan.bad_images:
        problems.append("%d PNG/JPEG image(s) do not decode" % scan.bad_images)
    if problems:
        print("browser check (%s): FAILED: %s" % (label, "; ".join(problems)))
        return False
    print("browser check (%s): ok: %d figure(s) drawn (%s), %d PNG/JPEG image(s) (%s)"
          % (label, len(scan.figures), ", ".join(sorted(scan.figures)), len(scan.pngs),
             ", ".join("%dx%d" % s for s in scan.pngs)))
    return True


def main():
    chromium, html_path = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else ""
    tmp = tempfile.mkdtemp(prefix="bp-browser-check-")
    try:
        folder = os.path.dirname(os.path.abspath(html_path))
        for f in os.listdir(folder):  # shared plotly.js and stylesheet for the page's copies
            if f.endswith((".js", ".css")):
                shutil.copy(os.path.join(folder, f), tmp)
        stripped = os.path.join(tmp, "without-plotly.html")
        if mode == "--strip-plotly":
            strip_plotly(html_path, stripped)
            return 0 if check(chromium, stripped, "plotly.js removed") else 1
        ok = check(chromium, html_path, os.path.basename(html_path))
        amd = os.path.join(tmp, "with-amd-loader.html")
        with_amd_loader(html_path, amd)
        ok = check(chromium, amd, "same page with an AMD loader (require.js) defined first") and ok
        if mode == "--negative-control":
            strip_plotly(html_path, stripped)
            if check(chromium, stripped, "negative control, plotly.js removed"):
                print("negative control FAILED: the page passed without plotly.js, so the check proves nothing")
                return 1
            print("negative control ok: without plotly.js the check fails, as it must")
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
