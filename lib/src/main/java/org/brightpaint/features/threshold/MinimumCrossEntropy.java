package org.brightpaint.features.threshold;

import org.brightpaint.features.ops.RadixSort;

/**
 * Li's minimum cross-entropy threshold, iterated exactly as {@code skimage.filters.threshold_li}
 * (which CellProfiler 4's "Minimum Cross-Entropy" calls): shift the values so the minimum is 0,
 * start at their mean {@code t}, and repeat
 * {@code t <- (mu_b - mu_f) / (ln mu_b - ln mu_f)} (background {@code <= t}, foreground {@code > t})
 * until the change is at most half the smallest gap between distinct values.
 *
 * <p>References: C. H. Li, C. K. Lee, "Minimum cross entropy thresholding", Pattern Recognition
 * 26 (1993) 617-625, doi:10.1016/0031-3203(93)90115-D; C. H. Li, P. K. S. Tam, "An iterative
 * algorithm for minimum cross entropy thresholding", Pattern Recognition Letters 19 (1998) 771-776,
 * doi:10.1016/S0167-8655(98)00057-9.
 */
public final class MinimumCrossEntropy {

  private MinimumCrossEntropy() {}

  /**
   * The threshold of a set of values.
   *
   * @param values finite values (not modified)
   * @return the threshold; the value itself when all values are equal; 0 for no values
   */
  public static double threshold(float[] values) {
    int n = values.length;
    if (n == 0) {
      return 0;
    }
    // the array Arrays.sort makes, by a radix sort (RadixSort.sortFloats)
    float[] sorted = values.clone();
    RadixSort.sortFloats(sorted, n);
    double min = sorted[0];
    if (sorted[n - 1] == sorted[0]) {
      return sorted[0];
    }
    double minGap = Double.POSITIVE_INFINITY;
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += sorted[i] - min;
      if (i > 0 && sorted[i] != sorted[i - 1]) {
        minGap = Math.min(minGap, (double) sorted[i] - sorted[i - 1]);
      }
    }
    // prefix sums over the sorted values let each iteration run in O(log n)
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + (sorted[i] - min);
    }
    double tolerance = minGap / 2;
    double next = total / n;
    double curr = -2 * tolerance;
    int guard = 0;
    while (Math.abs(next - curr) > tolerance && guard++ < 10_000) {
      curr = next;
      // number of values <= curr (shifted)
      int k = upperBound(sorted, curr + min);
      if (k == 0 || k == n) {
        break;
      }
      double meanBack = prefix[k] / k;
      double meanFore = (prefix[n] - prefix[k]) / (n - k);
      if (meanBack == 0) {
        break;
      }
      next = (meanBack - meanFore) / (Math.log(meanBack) - Math.log(meanFore));
    }
    return next + min;
  }

  private static int upperBound(float[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] - 0.0 <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
