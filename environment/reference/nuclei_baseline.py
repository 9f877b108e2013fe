#!/usr/bin/env python3
"""Scikit-image baseline for nuclei segmentation on the real-nuclei fixtures.

Recipe (issue 11): Gaussian sigma 1, Li threshold, fill holes, remove objects < 30 px,
distance-transform watershed (seeds: peaks of the Euclidean distance transform at least
MIN_DISTANCE px apart inside each connected component; watershed of the negated distance inside
the mask). Score: F1 at IoU >= 0.5 after removing objects that touch the image border from both
the prediction and the ground truth.

Usage: /usr/bin/python3 environment/reference/nuclei_baseline.py ../shared/fixtures/real-nuclei \
           > lib/src/test/resources/real-nuclei/skimage-baseline.csv
Tested with Debian's python3-skimage 0.19.3.
"""
import os
import sys

import numpy as np
import tifffile
from scipy import ndimage as ndi
from skimage import filters, measure, morphology, segmentation
from skimage.feature import peak_local_max

MIN_DISTANCE = int(os.environ.get("MIN_DISTANCE", "7"))
NAMES = ["bbbc039-h07-s2", "bbbc039-k12-s7", "bbbc039-h06-s6", "sbsst265-normal-22",
         "sbsst265-neuroblastoma-2", "sbsst265-otherspecimen-7", "sbsst265-ganglioneuroblastoma-9"]


def segment(image):
    smooth = filters.gaussian(image.astype(np.float64), sigma=1, preserve_range=True)
    mask = smooth > filters.threshold_li(smooth)
    mask = ndi.binary_fill_holes(mask)
    mask = morphology.remove_small_objects(mask, 30)
    dist = ndi.distance_transform_edt(mask)
    comps = measure.label(mask)
    peaks = peak_local_max(dist, min_distance=MIN_DISTANCE, labels=comps, exclude_border=False)
    markers = np.zeros(mask.shape, dtype=np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    return segmentation.watershed(-dist, markers, mask=mask)


def f1(pred, truth):
    pred = segmentation.clear_border(pred)
    truth = segmentation.clear_border(truth)
    p_ids = [i for i in np.unique(pred) if i]
    t_ids = [i for i in np.unique(truth) if i]
    pa = {i: int((pred == i).sum()) for i in p_ids}
    ta = {i: int((truth == i).sum()) for i in t_ids}
    both = (pred > 0) & (truth > 0)
    pairs, counts = np.unique(np.stack([pred[both], truth[both]]), axis=1, return_counts=True)
    tp = sum(1 for (a, b), n in zip(pairs.T, counts) if n / (pa[a] + ta[b] - n) >= 0.5)
    return len(p_ids), len(t_ids), tp, 2 * tp / (len(p_ids) + len(t_ids))


def main(folder):
    print("image,predicted,truth,true_positives,f1")
    for name in NAMES:
        image = tifffile.imread(os.path.join(folder, name + ".tif"))
        truth = tifffile.imread(os.path.join(folder, name + "-labels.tif")).astype(np.int64)
        n_p, n_t, tp, score = f1(segment(image), truth)
        print(f"{name},{n_p},{n_t},{tp},{score:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
