package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * Pearson's correlation coefficient, the headline metric of the label-free literature
 * (Ounkomol et al., Nat. Methods 2018, doi:10.1038/s41592-018-0111-2).
 *
 * <p>{@code r = sum (a - ma)(b - mb) / sqrt(sum (a - ma)^2 sum (b - mb)^2)}, two-pass in double.
 * When either input is constant the coefficient is undefined and {@link Double#NaN} is returned
 * on purpose (documented, never by accident); callers report such cases.
 */
public final class Pearson {
  private Pearson() {}

  /**
   * @param a first image
   * @param b second image, same size
   * @return r in [-1, 1], or NaN when either image is constant
   */
  public static double of(FloatImage a, FloatImage b) {
    a.requireSameSize(b, "Pearson");
    Checks.sameLengthFinite(a.pixels(), b.pixels(), "Pearson");
    float[] x = a.pixels();
    float[] y = b.pixels();
    double mx = 0, my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - mx, dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx == 0 || syy == 0 ? Double.NaN : clamp(sxy / Math.sqrt(sxx * syy));
  }

  /**
   * Pearson's r over paired values, skipping pairs where either value is not finite.
   *
   * @param x first values
   * @param y second values, same length
   * @return r, or NaN when fewer than 2 finite pairs remain or either side is constant
   */
  public static double of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("Pearson: " + x.length + " values vs " + y.length);
    }
    double mx = 0, my = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        mx += x[i];
        my += y[i];
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        double dx = x[i] - mx, dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    return sxx == 0 || syy == 0 ? Double.NaN : clamp(sxy / Math.sqrt(sxx * syy));
  }

  private static double clamp(double r) {
    return Math.max(-1, Math.min(1, r));
  }
}
