package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * Mean squared error between two images of the same size.
 *
 * <p>{@code MSE = (1/N) sum_i (a_i - b_i)^2}, accumulated in double precision. Agrees with
 * scikit-image's {@code skimage.metrics.mean_squared_error}.
 */
public final class Mse {
  private Mse() {}

  /**
   * @param a reference image
   * @param b compared image, same size
   * @return the mean squared error (units: intensity squared)
   * @throws IllegalArgumentException on a size mismatch or a non-finite pixel
   */
  public static double of(FloatImage a, FloatImage b) {
    a.requireSameSize(b, "MSE");
    return of(a.pixels(), b.pixels());
  }

  /**
   * @param a reference values
   * @param b compared values, same length
   * @return the mean squared error
   */
  public static double of(float[] a, float[] b) {
    Checks.sameLengthFinite(a, b, "MSE");
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      s += d * d;
    }
    return s / a.length;
  }
}
