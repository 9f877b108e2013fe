package org.brightpaint.image;

/**
 * Per-image, per-channel percentile normalisation: the low and high percentiles of an image map
 * to -1 and +1, {@code y = 2 (x - lo) / (hi - lo) - 1}, optionally clipped to [-1, 1]; the
 * inverse is {@code x = lo + (y + 1) (hi - lo) / 2}. The seed paper normalises each channel of
 * each image with the 0.5th and 99.5th percentiles.
 *
 * @param lowPercentile percent mapped to -1, in [0, 100)
 * @param highPercentile percent mapped to +1, in (lowPercentile, 100]
 * @param clip clip the result to [-1, 1]
 */
public record PercentileNormalization(double lowPercentile, double highPercentile, boolean clip) {

  /** Validates. */
  public PercentileNormalization {
    if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
      throw new IllegalArgumentException("Invalid percentiles: need 0 <= low < high <= 100, got "
          + lowPercentile + " / " + highPercentile);
    }
  }

  /** @return the paper's setting: 0.5 / 99.5, clipped */
  public static PercentileNormalization paper() {
    return new PercentileNormalization(0.5, 99.5, true);
  }

  /**
   * The two values that map to -1 and +1.
   *
   * @param low the value mapped to -1
   * @param high the value mapped to +1 (equal to low for a flat image: then everything maps to -1)
   */
  public record Scaling(double low, double high) {
    /**
     * Maps one value.
     *
     * @param x a value
     * @return {@code 2 (x - low) / (high - low) - 1}, or -1 when high == low
     */
    public double forward(double x) {
      double range = high - low;
      return range > 0 ? 2 * (x - low) / range - 1 : -1;
    }

    /**
     * Maps one normalised value back.
     *
     * @param y a normalised value
     * @return {@code low + (y + 1) (high - low) / 2}
     */
    public double inverse(double y) {
      return low + (y + 1) * (high - low) / 2;
    }
  }

  /**
   * The scaling of an image.
   *
   * @param image the image (no NaN)
   * @return its percentiles
   */
  public Scaling fit(FloatImage image) {
    double[] p = Percentiles.of(image.pixels(), new double[] {lowPercentile, highPercentile});
    return new Scaling(p[0], p[1]);
  }

  /**
   * Normalises with a scaling.
   *
   * @param image the image
   * @param s the scaling (from {@link #fit})
   * @return the normalised image
   */
  public FloatImage apply(FloatImage image, Scaling s) {
    float[] in = image.pixels();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      double y = s.forward(in[i]);
      out[i] = (float) (clip ? Math.max(-1, Math.min(1, y)) : y);
    }
    return new FloatImage(image.width(), image.height(), out);
  }

  /**
   * Fits and normalises.
   *
   * @param image the image
   * @return the normalised image
   */
  public FloatImage apply(FloatImage image) {
    return apply(image, fit(image));
  }

  /**
   * Maps normalised values back to the original scale.
   *
   * @param normalised a normalised image
   * @param s the scaling it was made with
   * @return the image on the original scale
   */
  public static FloatImage invert(FloatImage normalised, Scaling s) {
    float[] in = normalised.pixels();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) s.inverse(in[i]);
    }
    return new FloatImage(normalised.width(), normalised.height(), out);
  }
}
