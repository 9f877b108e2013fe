package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Percentiles;

/**
 * The normalisation of an image pair by the real image's robust range: the real image's
 * {@value #LOW_PERCENTILE} and {@value #HIGH_PERCENTILE} percentiles {@code lo}, {@code hi} map to
 * 0 and 1 and both images are clipped to [0, 1]: {@code x' = clip((x - lo) / (hi - lo), 0, 1)}.
 * Metrics on the normalised pair use data range 1.
 *
 * <p>Why: a stain fills a few percent of the 16-bit range, so with data range 1 on counts / 65535
 * the SSIM constants {@code (0.01 R)^2, (0.03 R)^2} dominate and every prediction, the mean image
 * included, scores near 1; on the robust range a prediction must reproduce the structure that the
 * real image shows. Percentiles are numpy's default ({@link Percentiles}), as the golden fixture
 * ({@code fixtures/skimage/make_golden.py}) does.
 *
 * @param lo the real image's 0.1 percentile (same units as the image)
 * @param hi the real image's 99.9 percentile
 */
public record RobustRange(double lo, double hi) {
  /** Lower percentile, in percent. */
  public static final double LOW_PERCENTILE = 0.1;
  /** Upper percentile, in percent. */
  public static final double HIGH_PERCENTILE = 99.9;

  /**
   * @param real the real image
   * @return its robust range
   */
  public static RobustRange of(FloatImage real) {
    double[] p = Percentiles.of(real.pixels(), new double[] {LOW_PERCENTILE, HIGH_PERCENTILE});
    return new RobustRange(p[0], p[1]);
  }

  /** @return true when the range has width (a flat real image cannot be normalised) */
  public boolean usable() {
    return hi > lo;
  }

  /**
   * @param image an image in the real image's units
   * @return {@code clip((x - lo) / (hi - lo), 0, 1)} per pixel
   * @throws IllegalArgumentException when the range is empty (flat real image)
   */
  public FloatImage apply(FloatImage image) {
    if (!usable()) {
      throw new IllegalArgumentException("The real image is flat between its 0.1 and 99.9 percentiles (" + lo + "): no robust range to normalise by");
    }
    float[] out = new float[image.pixels().length];
    double s = 1 / (hi - lo);
    for (int i = 0; i < out.length; i++) out[i] = (float) Math.max(0, Math.min(1, (image.pixels()[i] - lo) * s));
    return new FloatImage(image.width(), image.height(), out);
  }
}
