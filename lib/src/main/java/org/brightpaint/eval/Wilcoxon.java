package org.brightpaint.eval;

import java.util.Arrays;

/**
 * Wilcoxon signed-rank test for paired samples (two-sided).
 *
 * <p>Differences {@code d_i = x_i - y_i}; zero differences are dropped (Wilcoxon's original
 * "wilcox" zero method, scipy's default); the absolute differences are ranked with mid-ranks for
 * ties and {@code W+} is the sum of the ranks of positive differences.
 *
 * <ul>
 *   <li><b>Exact</b> when the {@code n} non-zero differences number at most {@value #EXACT_MAX_N}
 *       and have no ties: the null distribution of {@code W+} is counted over all {@code 2^n} sign
 *       assignments (dynamic programming), {@code p = min(1, 2 min(P(W+ <= w), P(W+ >= w)))}.
 *   <li><b>Normal approximation</b> otherwise: mean {@code n(n+1)/4}, variance
 *       {@code n(n+1)(2n+1)/24 - sum(t^3 - t)/48} over tie groups, no continuity correction
 *       (scipy's default), {@code p = 2(1 - Phi(|z|))}.
 * </ul>
 *
 * <p>References: F. Wilcoxon, "Individual comparisons by ranking methods", Biometrics Bulletin
 * 1(6), 1945, doi:10.2307/3001968; scipy.stats.wilcoxon.
 */
public final class Wilcoxon {
  /** Largest number of non-zero differences for which the exact distribution is used. */
  public static final int EXACT_MAX_N = 25;

  private Wilcoxon() {}

  /**
   * @param x first paired sample
   * @param y second paired sample, same length
   * @return the test result; p = 1 with n = 0 when every difference is zero
   * @throws IllegalArgumentException on different lengths or non-finite values
   */
  public static TestResult test(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("Wilcoxon: paired samples differ in length: " + x.length + " vs " + y.length);
    }
    Checks.finite(x, "Wilcoxon x");
    Checks.finite(y, "Wilcoxon y");
    double[] d = new double[x.length];
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      double di = x[i] - y[i];
      if (di != 0) d[n++] = di;
    }
    d = Arrays.copyOf(d, n);
    if (n == 0) {
      return new TestResult("Wilcoxon signed-rank", 0, 0, Double.NaN, 1.0);
    }
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) abs[i] = Math.abs(d[i]);
    double[] r = Ranks.midRanks(abs);
    double wPlus = 0;
    for (int i = 0; i < n; i++) if (d[i] > 0) wPlus += r[i];
    double ties = Ranks.tieTerm(abs);
    if (n <= EXACT_MAX_N && ties == 0) {
      return new TestResult("Wilcoxon signed-rank (exact)", n, wPlus, Double.NaN, exactP(n, (int) Math.round(wPlus)));
    }
    double mean = n * (n + 1) / 4.0;
    double var = n * (n + 1) * (2.0 * n + 1) / 24.0 - ties / 48.0;
    double z = var > 0 ? (wPlus - mean) / Math.sqrt(var) : 0;
    return new TestResult("Wilcoxon signed-rank (normal approx.)", n, wPlus, z, Ranks.twoSidedNormal(z));
  }

  /** Two-sided exact p of W+ = w for n untied ranks. */
  static double exactP(int n, int w) {
    int max = n * (n + 1) / 2;
    double[] count = new double[max + 1];
    count[0] = 1;
    for (int k = 1; k <= n; k++) {
      for (int s = max; s >= k; s--) count[s] += count[s - k];
    }
    double total = Math.pow(2, n);
    double lower = 0, upper = 0;
    for (int s = 0; s <= max; s++) {
      if (s <= w) lower += count[s];
      if (s >= w) upper += count[s];
    }
    return Math.min(1, 2 * Math.min(lower, upper) / total);
  }
}
