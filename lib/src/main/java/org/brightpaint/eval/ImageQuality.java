package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * The pixel metrics of one predicted channel against its real counterpart, in two spaces:
 * normalised (the default: the pair mapped by the real image's robust range, {@link RobustRange},
 * data range 1) and raw (the stored values as given, e.g. counts / 65535, with the caller's data
 * range; the literature's setting, kept for comparison).
 *
 * @param mse mean squared error ({@link Mse}), normalised space
 * @param psnr peak signal-to-noise ratio in dB ({@link Psnr}), normalised; +Infinity for identical images
 * @param ssim mean SSIM ({@link Ssim}), normalised
 * @param pearson Pearson's r ({@link Pearson}) on the raw values; NaN when either image is constant
 * @param mseRaw MSE, raw space
 * @param psnrRaw PSNR, raw space
 * @param ssimRaw SSIM, raw space
 */
public record ImageQuality(double mse, double psnr, double ssim, double pearson, double mseRaw, double psnrRaw, double ssimRaw) {

  /**
   * Computes the metrics in both spaces. When the real image is flat (no robust range), the
   * normalised metrics are NaN.
   *
   * @param real the real image
   * @param pred the predicted image, same size
   * @param dataRange the data range of the raw space (1 for 16-bit values scaled to [0, 1])
   * @return the metrics
   */
  public static ImageQuality of(FloatImage real, FloatImage pred, double dataRange) {
    double mseRaw = Mse.of(real, pred);
    double psnrRaw = Psnr.ofMse(mseRaw, dataRange);
    double ssimRaw = Ssim.of(real, pred, dataRange);
    double pearson = Pearson.of(real, pred);
    RobustRange rr = RobustRange.of(real);
    if (!rr.usable()) return new ImageQuality(Double.NaN, Double.NaN, Double.NaN, pearson, mseRaw, psnrRaw, ssimRaw);
    FloatImage a = rr.apply(real), b = rr.apply(pred);
    double mse = Mse.of(a, b);
    return new ImageQuality(mse, Psnr.ofMse(mse, 1), Ssim.of(a, b, 1), pearson, mseRaw, psnrRaw, ssimRaw);
  }
}
