package org.brightpaint.features.threshold;

/** CellProfiler's global thresholding methods implemented here. */
public enum ThresholdMethod {
  /** Minimum Cross-Entropy: Li's iterative method, see {@link MinimumCrossEntropy}. */
  MINIMUM_CROSS_ENTROPY,
  /** Two-class Otsu on a 256-bin histogram, see {@link Otsu}. */
  OTSU
}
