package org.brightpaint.eval;

/**
 * Z-scoring of feature columns, fitted on training rows only: {@code z = (x - mean) / sd} with
 * the population standard deviation. Non-finite training values are ignored when fitting and
 * mapped to 0 (the mean) when applied, so a NaN feature of one cell does not drop the cell.
 *
 * @param mean per-column mean
 * @param sd per-column standard deviation (0 for constant columns, which map to 0)
 */
public record Standardizer(double[] mean, double[] sd) {

  /**
   * @param x rows x features
   * @return the fitted standardizer
   */
  public static Standardizer fit(double[][] x) {
    int d = x.length == 0 ? 0 : x[0].length;
    double[] m = new double[d], s = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      int n = 0;
      for (double[] row : x) {
        if (Double.isFinite(row[j])) {
          sum += row[j];
          n++;
        }
      }
      m[j] = n == 0 ? 0 : sum / n;
      double ss = 0;
      for (double[] row : x) {
        if (Double.isFinite(row[j])) ss += (row[j] - m[j]) * (row[j] - m[j]);
      }
      s[j] = n == 0 ? 0 : Math.sqrt(ss / n);
    }
    return new Standardizer(m, s);
  }

  /**
   * @param x rows x features (same features as fitted)
   * @return standardized copy
   */
  public double[][] apply(double[][] x) {
    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = new double[mean.length];
      for (int j = 0; j < mean.length; j++) {
        double v = x[i][j];
        z[i][j] = !Double.isFinite(v) || sd[j] == 0 ? 0 : (v - mean[j]) / sd[j];
      }
    }
    return z;
  }
}
