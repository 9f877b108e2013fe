package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * Peak signal-to-noise ratio in decibels.
 *
 * <p>{@code PSNR = 10 log10(R^2 / MSE)} with an explicit data range {@code R} (no guessing from
 * the dtype): 1 for images scaled to [0, 1], 65535 for raw 16-bit values. Identical images have
 * {@code MSE = 0} and PSNR {@link Double#POSITIVE_INFINITY} (as scikit-image, which returns inf);
 * callers that average PSNR should report how many infinite values they dropped.
 *
 * <p>Agrees with {@code skimage.metrics.peak_signal_noise_ratio(a, b, data_range=R)}.
 */
public final class Psnr {
  private Psnr() {}

  /**
   * @param a reference image
   * @param b compared image, same size
   * @param dataRange the data range R &gt; 0
   * @return PSNR in dB; +Infinity for identical images
   */
  public static double of(FloatImage a, FloatImage b, double dataRange) {
    a.requireSameSize(b, "PSNR");
    return ofMse(Mse.of(a, b), dataRange);
  }

  /**
   * @param mse a mean squared error &gt;= 0
   * @param dataRange the data range R &gt; 0
   * @return {@code 10 log10(R^2 / mse)}; +Infinity when mse is 0
   */
  public static double ofMse(double mse, double dataRange) {
    Checks.dataRange(dataRange);
    if (!(mse >= 0)) {
      throw new IllegalArgumentException("MSE must be >= 0, got " + mse);
    }
    if (mse == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return 10 * Math.log10(dataRange * dataRange / mse);
  }
}
