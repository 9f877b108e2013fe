#!/usr/bin/env python3
"""Prints the README's acceptance table at "ci" size from an executed ci run (issue 9: the table is
regenerated from the run CI makes, never typed in).

Reads, with environment/headlines.py's readers, (1) the "held-out MSE vs mean training image" table
that notebooks 02-06 show after training (normalised units, per channel) and (2) the benchmark's
`evaluate` stage table quality_summary.csv (DNA, normalised MSE and SSIM on the held-out test sites,
every generator and the mean image), i.e. what the quality gate of notebook 07 judges.

Usage: environment/acceptance_table.py [RUN_OUT]   (default out/: holds notebooks/ and workspace/)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import headlines  # noqa: E402

TRAINING = [("unet", "02-train-unet.ipynb"), ("pix2pix", "03-train-pix2pix.ipynb"),
            ("spade", "04-train-spade.ipynb"), ("palette", "05-train-palette.ipynb"),
            ("spade-diffusion", "06-train-spade-diffusion.ipynb")]
CHANNELS = ["Mito", "AGP", "RNA", "ER", "DNA"]
CAPTION = "held-out MSE vs mean training image"
SUMMARY = "ci/benchmark/stages/evaluate/tables/quality_summary.csv"


def shown(path, row, column):
    return headlines.read_shown({"shown": CAPTION, "row": row, "column": column}, path)


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(headlines.ROOT, "out")
    notebooks, workspace = os.path.join(out, "notebooks"), os.path.join(out, "workspace")
    print("| model | held-out DNA MSE, model / mean training image (notebook) | channels beating the mean image "
          "| DNA normalised MSE, test sites | DNA normalised SSIM, test sites |")
    print("| --- | --- | --- | --- | --- |")
    rows = {r["model"]: r for r in headlines.rows_of(workspace, SUMMARY) if r["channel"] == "DNA"}
    base = rows.get("baseline-mean")
    for model, nb in TRAINING:
        path = os.path.join(notebooks, nb)
        beat = [c for c in CHANNELS if shown(path, c, "model MSE") < shown(path, c, "mean-image MSE")]
        r = rows.get(model)
        print("| %s | %.4g / %.4g | %d / 5 (%s) | %s | %s |" % (
            model, shown(path, "DNA", "model MSE"), shown(path, "DNA", "mean-image MSE"), len(beat),
            ", ".join(beat) or "none",
            "%.4g" % float(r["mean_mse"]) if r else "-", "%.4g" % float(r["mean_ssim"]) if r else "-"))
    if base:
        print("| baseline-mean (mean training image) | | | %.4g | %.4g |" % (float(base["mean_mse"]), float(base["mean_ssim"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
