package org.brightpaint.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Mid-ranks with ties and the tie correction term (package-private helper of the rank tests). */
final class Ranks {
  private Ranks() {}

  /** 1-based ranks, tied values get the mean of their ranks. */
  static double[] midRanks(double[] v) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j + 1 < idx.length && v[idx[j + 1]] == v[idx[i]]) j++;
      double mid = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) r[idx[k]] = mid;
      i = j + 1;
    }
    return r;
  }

  /** sum over tie groups of (t^3 - t). */
  static double tieTerm(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    double t3 = 0;
    int i = 0;
    while (i < s.length) {
      int j = i;
      while (j + 1 < s.length && s[j + 1] == s[i]) j++;
      double t = j - i + 1;
      t3 += t * t * t - t;
      i = j + 1;
    }
    return t3;
  }

  /** Two-sided normal p-value of a z score. */
  static double twoSidedNormal(double z) {
    return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  }

  /** Standard normal CDF, {@code Phi(z) = erfc(-z / sqrt 2) / 2}. */
  static double normalCdf(double z) {
    return 0.5 * smile.math.special.Erf.erfc(-z / Math.sqrt(2));
  }
}
