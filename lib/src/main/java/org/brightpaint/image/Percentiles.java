package org.brightpaint.image;

import java.util.Arrays;

/** Percentiles with NumPy's default ("linear") interpolation. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * The q-th percentile of the values: with v sorted and h = (n - 1) q / 100, the value
   * {@code v[floor(h)] + (h - floor(h)) (v[floor(h)+1] - v[floor(h)])} (numpy.percentile).
   *
   * @param values the values (not modified); NaNs are rejected
   * @param q percent, 0..100
   * @return the percentile
   */
  public static double of(float[] values, double q) {
    return of(values, new double[] {q})[0];
  }

  /**
   * Several percentiles with one sort.
   *
   * @param values the values (not modified)
   * @param qs percents, each 0..100
   * @return the percentiles, in the order of {@code qs}
   * @throws IllegalArgumentException for an empty array, a NaN value or q outside 0..100
   */
  public static double[] of(float[] values, double[] qs) {
    if (values.length == 0) {
      throw new IllegalArgumentException("Percentile of an empty array");
    }
    float[] v = values.clone();
    Arrays.sort(v);
    if (Float.isNaN(v[v.length - 1])) {
      throw new IllegalArgumentException("Percentile of an array holding NaN");
    }
    double[] out = new double[qs.length];
    for (int i = 0; i < qs.length; i++) {
      double q = qs[i];
      if (!(q >= 0 && q <= 100)) {
        throw new IllegalArgumentException("Percentile must be in 0..100, got " + q);
      }
      double h = (v.length - 1) * q / 100.0;
      int lo = (int) Math.floor(h);
      int hi = Math.min(v.length - 1, lo + 1);
      out[i] = v[lo] + (h - lo) * ((double) v[hi] - v[lo]);
    }
    return out;
  }
}
