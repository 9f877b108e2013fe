package org.brightpaint.features.threshold;

import org.brightpaint.features.ops.Gaussian;
import org.brightpaint.image.FloatImage;

/**
 * CellProfiler's global threshold strategy (module {@code Threshold}, setting version 11): compute
 * the method's threshold on the unsmoothed image ({@code orig}), multiply by the correction
 * factor and clamp to the bounds ({@code final}); the foreground is
 * {@code smooth(image) >= final}, where smoothing is an edge-corrected Gaussian of
 * {@code sigma = scale / 0.6744 / 2} (none for scale 0).
 */
public final class GlobalThreshold {

  private GlobalThreshold() {}

  /**
   * Threshold settings.
   *
   * @param method the global method
   * @param smoothingScale CellProfiler's "threshold smoothing scale" (&gt;= 0)
   * @param correctionFactor multiplies the computed threshold (&gt; 0)
   * @param lowerBound the final threshold is at least this
   * @param upperBound the final threshold is at most this
   */
  public record Options(
      ThresholdMethod method, double smoothingScale, double correctionFactor, double lowerBound,
      double upperBound) {

    /** Validates. */
    public Options {
      if (method == null) {
        throw new IllegalArgumentException("Threshold method is required");
      }
      if (!(smoothingScale >= 0)) {
        throw new IllegalArgumentException("Invalid threshold smoothing scale: " + smoothingScale);
      }
      if (!(correctionFactor > 0)) {
        throw new IllegalArgumentException("Invalid threshold correction factor: " + correctionFactor);
      }
      if (!(lowerBound <= upperBound)) {
        throw new IllegalArgumentException(
            "Invalid threshold bounds: [" + lowerBound + ", " + upperBound + "]");
      }
    }

    /**
     * Minimum cross-entropy with the given settings.
     *
     * @param smoothingScale smoothing scale
     * @param correctionFactor correction factor
     * @param lower lower bound
     * @param upper upper bound
     * @return the options
     */
    public static Options li(double smoothingScale, double correctionFactor, double lower, double upper) {
      return new Options(ThresholdMethod.MINIMUM_CROSS_ENTROPY, smoothingScale, correctionFactor, lower, upper);
    }
  }

  /**
   * A thresholding outcome.
   *
   * @param original the method's threshold before correction and bounds
   * @param threshold the final threshold
   * @param foreground {@code width * height} flags, {@code smoothed >= threshold}
   */
  public record Result(double original, double threshold, boolean[] foreground) {}

  /**
   * The raw threshold of an image by a method.
   *
   * @param image the image
   * @param method the method
   * @return the threshold ({@code image[0]} when the image is constant, 0 when all zero)
   */
  public static double compute(FloatImage image, ThresholdMethod method) {
    float[] p = image.pixels();
    boolean allZero = true;
    for (float v : p) {
      if (v != 0) {
        allZero = false;
        break;
      }
    }
    if (allZero) {
      return 0;
    }
    return switch (method) {
      case MINIMUM_CROSS_ENTROPY -> MinimumCrossEntropy.threshold(p);
      case OTSU -> Otsu.threshold(p);
    };
  }

  /**
   * Thresholds an image.
   *
   * @param image values in 0..1, finite
   * @param options settings
   * @return the thresholds and the foreground mask
   */
  public static Result apply(FloatImage image, Options options) {
    double orig = compute(image, options.method());
    double fin = Math.min(options.upperBound(), Math.max(options.lowerBound(), orig * options.correctionFactor()));
    float[] smoothed = options.smoothingScale() > 0
        ? Gaussian.smoothEdgeCorrected(image.pixels(), image.width(), image.height(),
            options.smoothingScale() / 0.6744 / 2.0)
        : image.pixels();
    boolean[] fg = new boolean[smoothed.length];
    for (int i = 0; i < fg.length; i++) {
      fg[i] = smoothed[i] >= fin;
    }
    return new Result(orig, fin, fg);
  }
}
