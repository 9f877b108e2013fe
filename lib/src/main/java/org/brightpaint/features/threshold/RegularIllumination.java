package org.brightpaint.features.threshold;

import org.brightpaint.image.FloatImage;

/**
 * CellProfiler's {@code CorrectIlluminationApply} "Divide" step for CPJUMP1's per-plate "Regular"
 * illumination functions, on images scaled to [0, 1]: {@link #apply} divides by the function and
 * clips to [0, 1]. The function itself (average of the plate's images shrunk by 0.2, disk median,
 * rescaled by the 2nd percentile, enlarged back) is computed by {@link
 * org.brightpaint.image.Illumination} — one implementation for the data and features packages.
 */
public final class RegularIllumination {

  private RegularIllumination() {}

  /**
   * {@code max(0, min(1, image / function))}.
   *
   * @param image the image
   * @param function the illumination function (positive), same size
   * @return the corrected image
   */
  public static FloatImage apply(FloatImage image, FloatImage function) {
    image.requireSameSize(function, "Illumination function");
    float[] a = image.pixels();
    float[] f = function.pixels();
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      float v = f[i] > 0 ? a[i] / f[i] : 0f;
      out[i] = Math.max(0f, Math.min(1f, v));
    }
    return new FloatImage(image.width(), image.height(), out);
  }
}
