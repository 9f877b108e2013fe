"""The one atomic writer of the environment scripts (run_notebooks, notebook_files, headlines):
a file appears under its final name only when complete, so a reader never sees a partial file."""
import os


def atomic_write(path, text):
    """Writes text (UTF-8) to path + ".tmp", then renames it to path."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
