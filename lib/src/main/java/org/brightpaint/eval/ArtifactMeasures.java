package org.brightpaint.eval;

/**
 * Measures of the paper's three artifact types for one predicted channel of one image.
 *
 * @param blurRatio high-frequency power (&gt;= 0.25 cycles/px) of the prediction over that of the
 *     real image; &lt; 1 means blur, NaN when the real image has no high-frequency power
 * @param structureRatio mean local variance (5 x 5) inside the real image's foreground, prediction
 *     over real; &lt; 1 means collapsed inner structure, NaN without foreground or structure
 * @param foregroundShift mean(pred) - mean(real) inside the foreground (intensity shift)
 * @param backgroundOffset mean(pred) - mean(real) in the background
 * @param backgroundNoiseReal standard deviation of the real background
 * @param backgroundNoisePred standard deviation of the predicted background
 * @param foregroundFraction the fraction of pixels in the real image's foreground mask
 */
public record ArtifactMeasures(
    double blurRatio, double structureRatio, double foregroundShift, double backgroundOffset,
    double backgroundNoiseReal, double backgroundNoisePred, double foregroundFraction) {

  /** @return predicted over real background standard deviation; &gt; 1 means added noise, NaN when real is 0 */
  public double backgroundNoiseRatio() {
    return backgroundNoiseReal == 0 ? Double.NaN : backgroundNoisePred / backgroundNoiseReal;
  }
}
