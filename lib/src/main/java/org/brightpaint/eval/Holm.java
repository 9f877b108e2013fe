package org.brightpaint.eval;

/**
 * Holm-Bonferroni step-down correction of a family of p-values (controls the family-wise error
 * rate, uniformly more powerful than Bonferroni).
 *
 * <p>With p-values sorted ascending {@code p_(1) <= ... <= p_(m)}, the adjusted value is
 * {@code p~_(i) = max_{j <= i} min(1, (m - j + 1) p_(j))}; a hypothesis is rejected at level
 * alpha when its adjusted p is &lt; alpha.
 *
 * <p>Reference: S. Holm, "A simple sequentially rejective multiple test procedure", Scand. J.
 * Statist. 6(2), 1979.
 */
public final class Holm {
  private Holm() {}

  /**
   * @param p raw p-values in [0, 1] (NaN not allowed)
   * @return adjusted p-values in the input order
   */
  public static double[] adjust(double[] p) {
    int m = p.length;
    Integer[] idx = new Integer[m];
    for (int i = 0; i < m; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " is not in [0, 1]: " + p[i]);
      }
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, java.util.Comparator.comparingDouble(i -> p[i]));
    double[] adj = new double[m];
    double running = 0;
    for (int k = 0; k < m; k++) {
      double v = Math.min(1, (m - k) * p[idx[k]]);
      running = Math.max(running, v);
      adj[idx[k]] = running;
    }
    return adj;
  }
}
