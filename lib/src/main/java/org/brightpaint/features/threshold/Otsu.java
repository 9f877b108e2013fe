package org.brightpaint.features.threshold;

/**
 * Two-class Otsu threshold on a 256-bin histogram between the minimum and maximum, as
 * {@code skimage.filters.threshold_otsu}: the bin centre maximising the between-class variance
 * {@code w0 w1 (mu0 - mu1)^2}.
 *
 * <p>Reference: N. Otsu, "A threshold selection method from gray-level histograms", IEEE Trans.
 * SMC 9 (1979) 62-66, doi:10.1109/TSMC.1979.4310076.
 */
public final class Otsu {

  /** Histogram bins, as scikit-image's default. */
  public static final int BINS = 256;

  private Otsu() {}

  /**
   * The threshold of a set of values.
   *
   * @param values finite values
   * @return the threshold; the value itself when all are equal; 0 for no values
   */
  public static double threshold(float[] values) {
    if (values.length == 0) {
      return 0;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min == max) {
      return min;
    }
    double[] hist = new double[BINS];
    double width = (max - min) / BINS;
    for (float v : values) {
      int b = (int) ((v - min) / width);
      hist[Math.min(BINS - 1, Math.max(0, b))]++;
    }
    double[] centers = new double[BINS];
    for (int i = 0; i < BINS; i++) {
      centers[i] = min + (i + 0.5) * width;
    }
    double[] w1 = new double[BINS];
    double[] m1 = new double[BINS];
    double cw = 0;
    double cm = 0;
    for (int i = 0; i < BINS; i++) {
      cw += hist[i];
      cm += hist[i] * centers[i];
      w1[i] = cw;
      m1[i] = cw > 0 ? cm / cw : 0;
    }
    double[] w2 = new double[BINS];
    double[] m2 = new double[BINS];
    cw = 0;
    cm = 0;
    for (int i = BINS - 1; i >= 0; i--) {
      cw += hist[i];
      cm += hist[i] * centers[i];
      w2[i] = cw;
      m2[i] = cw > 0 ? cm / cw : 0;
    }
    int best = 0;
    double bestVar = -1;
    for (int i = 0; i < BINS - 1; i++) {
      double d = m1[i] - m2[i + 1];
      double v = w1[i] * w2[i + 1] * d * d;
      if (v > bestVar) {
        bestVar = v;
        best = i;
      }
    }
    return centers[best];
  }
}
