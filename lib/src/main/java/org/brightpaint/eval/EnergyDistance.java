package org.brightpaint.eval;

/**
 * Energy distance between two multivariate samples, a number for "how far is a model's feature
 * distribution from the real one" (0 when the distributions are equal, larger is worse).
 *
 * <p>{@code E(X, Y) = 2 mean ||x_i - y_j|| - mean ||x_i - x_k|| - mean ||y_j - y_l||} with
 * Euclidean norms and means over all pairs including {@code i = k} (the V-statistic, which is
 * exactly 0 for identical samples and never negative). Callers standardize features first (on
 * the real sample's mean and standard deviation) so that every feature weighs the same.
 *
 * <p>Reference: G. J. Szekely, M. L. Rizzo, "Energy statistics: A class of statistics based on
 * distances", J. Stat. Plan. Inference 143(8), 2013, doi:10.1016/j.jspi.2013.03.018.
 */
public final class EnergyDistance {
  private EnergyDistance() {}

  /**
   * @param x first sample, rows x features
   * @param y second sample, rows x the same features
   * @return the energy distance &gt;= 0
   */
  public static double of(double[][] x, double[][] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("Energy distance needs two non-empty samples, got " + x.length + " and " + y.length);
    }
    if (x[0].length != y[0].length) {
      throw new IllegalArgumentException("Samples have " + x[0].length + " and " + y[0].length + " features");
    }
    double e = 2 * meanDistance(x, y) - meanDistance(x, x) - meanDistance(y, y);
    return Math.max(0, e);
  }

  private static double meanDistance(double[][] a, double[][] b) {
    double s = 0;
    for (double[] u : a) {
      for (double[] v : b) {
        double d = 0;
        for (int j = 0; j < u.length; j++) {
          double t = u[j] - v[j];
          d += t * t;
        }
        s += Math.sqrt(d);
      }
    }
    return s / ((double) a.length * b.length);
  }
}
