package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * A foreground (cell) mask from Otsu's threshold on a 256-bin histogram between the image's
 * minimum and maximum, used to separate cells from background when measuring artifacts.
 *
 * <p>Reference: N. Otsu, "A threshold selection method from gray-level histograms", IEEE Trans.
 * SMC 9(1), 1979, doi:10.1109/TSMC.1979.4310076.
 */
public final class ForegroundMask {
  private ForegroundMask() {}

  /**
   * @param image the (real) image
   * @return Otsu's threshold; the minimum for a constant image (then nothing is foreground)
   */
  public static double otsuThreshold(FloatImage image) {
    float[] p = image.pixels();
    Checks.finite(p, "Otsu threshold");
    double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
    for (float v : p) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max == min) return min;
    int bins = 256;
    long[] h = new long[bins];
    for (float v : p) h[Math.min(bins - 1, (int) ((v - min) / (max - min) * bins))]++;
    double total = p.length, sumAll = 0;
    for (int i = 0; i < bins; i++) sumAll += i * (double) h[i];
    double wB = 0, sumB = 0, best = -1;
    int bestI = 0;
    for (int i = 0; i < bins; i++) {
      wB += h[i];
      if (wB == 0) continue;
      double wF = total - wB;
      if (wF == 0) break;
      sumB += i * (double) h[i];
      double mB = sumB / wB, mF = (sumAll - sumB) / wF;
      double between = wB * wF * (mB - mF) * (mB - mF);
      if (between > best) {
        best = between;
        bestI = i;
      }
    }
    return min + (bestI + 1) * (max - min) / bins;
  }

  /**
   * @param image the (real) image
   * @return true where the pixel is at or above Otsu's threshold (and the image is not constant)
   */
  public static boolean[] otsu(FloatImage image) {
    double t = otsuThreshold(image);
    float[] p = image.pixels();
    boolean[] m = new boolean[p.length];
    boolean constant = true;
    for (float v : p) if (v != p[0]) constant = false;
    if (constant) return m;
    for (int i = 0; i < p.length; i++) m[i] = p[i] >= t;
    return m;
  }
}
