package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * The four pixel metrics of one predicted channel against its real counterpart.
 *
 * @param mse mean squared error ({@link Mse})
 * @param psnr peak signal-to-noise ratio in dB ({@link Psnr}); +Infinity for identical images
 * @param ssim mean SSIM ({@link Ssim})
 * @param pearson Pearson's r ({@link Pearson}); NaN when either image is constant
 */
public record ImageQuality(double mse, double psnr, double ssim, double pearson) {

  /**
   * Computes all four metrics.
   *
   * @param real the real image
   * @param pred the predicted image, same size
   * @param dataRange the data range for PSNR and SSIM (1 for images scaled to [0, 1])
   * @return the metrics
   */
  public static ImageQuality of(FloatImage real, FloatImage pred, double dataRange) {
    double mse = Mse.of(real, pred);
    return new ImageQuality(
        mse, Psnr.ofMse(mse, dataRange), Ssim.of(real, pred, dataRange), Pearson.of(real, pred));
  }
}
