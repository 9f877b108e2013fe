#!/usr/bin/env python3
"""Prints the README's results table at "ci" size from the benchmark's `evaluate` stage of an
executed run (the table is regenerated from a run, never typed in; see acceptance_table.py for the
acceptance table).

Reads <workspace>/ci/benchmark/stages/evaluate/tables/: quality_summary.csv (the "mean" columns
average the five stains, DNA columns are DNA's row; normalised space, raw-space SSIM in
brackets), moa_prediction_summary.csv (six-class macro F1) and energy_distance.csv (with real's
real-vs-real floor in the header). Blank cells: not computed (e.g. no cells segmented in a
model's predictions; the evaluate stage's notes.txt says why). Numbers to 3 significant digits.

Usage: environment/results_table.py [RUN_OUT]   (default out/: holds workspace/)
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headlines import number as num  # noqa: E402  (one parser of table cells: None for empty/NaN)

STAINS = ["Mito", "AGP", "RNA", "ER", "DNA"]
SOURCES = ["real", "baseline-mean", "unet", "pix2pix", "spade", "palette", "spade-diffusion"]


def rows(path, *key):
    """The table's rows by the value (or tuple of values) of its key column(s)."""
    with open(path, newline="", encoding="utf-8") as f:
        return {(r[key[0]] if len(key) == 1 else tuple(r[k] for k in key)): r for r in csv.DictReader(f)}


def g(v):
    return "" if v is None else "%.3g" % v


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if len(values) == len(STAINS) else None


def main(argv):
    run = argv[1] if len(argv) > 1 else "out"
    tables = os.path.join(run, "workspace", "ci", "benchmark", "stages", "evaluate", "tables")
    q = rows(os.path.join(tables, "quality_summary.csv"), "model", "channel")
    moa = rows(os.path.join(tables, "moa_prediction_summary.csv"), "source")
    energy = rows(os.path.join(tables, "energy_distance.csv"), "source")
    floor = num(energy.get("real", {}).get("real_vs_real_floor"))
    print("| source | mean SSIM, normalised (raw) | mean PSNR dB, normalised | mean Pearson r | DNA SSIM, normalised (raw)"
          " | DNA MSE, normalised | F1 well-grouped | F1 leave-compound-out | F1 cell-level (as the paper)"
          " | F1 train on model / test on real (well-grouped) | energy distance to real (real-vs-real floor %s) |" % g(floor))
    print("| --- |" + " --- |" * 10)
    for s in SOURCES:
        cells = []
        if s == "real":
            cells += [""] * 5
        else:
            per = [q.get((s, c)) for c in STAINS]
            if any(p is None for p in per):
                cells += [""] * 5
            else:
                ssim = mean(num(p["mean_ssim"]) for p in per)
                ssim_raw = mean(num(p["mean_ssim_raw"]) for p in per)
                dna = q[(s, "DNA")]
                cells += ["%s (%s)" % (g(ssim), g(ssim_raw)), g(mean(num(p["mean_psnr"]) for p in per)),
                          g(mean(num(p["mean_pearson"]) for p in per)),
                          "%s (%s)" % (g(num(dna["mean_ssim"])), g(num(dna["mean_ssim_raw"]))), g(num(dna["mean_mse"]))]
        m = moa.get(s, {})
        cells += [g(num(m.get(k))) for k in ("f1_well_grouped", "f1_leave_compound_out", "f1_cell_level_as_paper",
                                                 "f1_transfer_to_real_well_grouped")]
        cells.append(g(num(energy.get(s, {}).get("energy_distance_to_real"))))
        print("| %s | %s |" % (s, " | ".join(cells)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
