package org.brightpaint.features.threshold;

import org.brightpaint.features.ops.Gaussian;
import org.brightpaint.image.FloatImage;

/**
 * CellProfiler's {@code CorrectIlluminationCalculate} "Background" method for one image: split the
 * image into blocks of about {@code blockSize} pixels (rows and columns split into
 * {@code max(1, round(n / blockSize))} equal parts, as {@code centrosome.cpmorphology.block}), replace
 * every pixel by its block's minimum, then smooth with an edge-corrected Gaussian of
 * {@code sigma = filterSize / 2.35}. {@link #subtract} applies it as CPJUMP1 does
 * ({@code CorrectIlluminationApply}, Subtract, clipped to [0, 1]).
 */
public final class BackgroundIllumination {

  private BackgroundIllumination() {}

  /**
   * The background illumination function.
   *
   * @param image the image
   * @param blockSize block size in pixels (CPJUMP1: 30)
   * @param filterSize Gaussian filter size in pixels (CPJUMP1: 50)
   * @return the background, same size
   */
  public static FloatImage compute(FloatImage image, int blockSize, double filterSize) {
    if (blockSize <= 0 || !(filterSize >= 0)) {
      throw new IllegalArgumentException("Invalid block size " + blockSize + " or filter size " + filterSize);
    }
    int w = image.width();
    int h = image.height();
    int nbx = Math.max(1, (int) Math.round((double) w / blockSize));
    int nby = Math.max(1, (int) Math.round((double) h / blockSize));
    int[] bx = new int[w];
    int[] by = new int[h];
    for (int x = 0; x < w; x++) {
      bx[x] = (int) ((long) x * nbx / w);
    }
    for (int y = 0; y < h; y++) {
      by[y] = (int) ((long) y * nby / h);
    }
    float[] mins = new float[nbx * nby];
    java.util.Arrays.fill(mins, Float.POSITIVE_INFINITY);
    float[] p = image.pixels();
    for (int y = 0; y < h; y++) {
      int row = by[y] * nbx;
      for (int x = 0; x < w; x++) {
        int b = row + bx[x];
        if (p[y * w + x] < mins[b]) {
          mins[b] = p[y * w + x];
        }
      }
    }
    if (filterSize == 0) {
      float[] out = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[y * w + x] = mins[by[y] * nbx + bx[x]];
        }
      }
      return new FloatImage(w, h, out);
    }
    // The block image is constant along block rows: smooth each distinct block row horizontally,
    // then do the vertical pass as a weighted sum of block rows (exactly the separable filter).
    // Each sum is a double sum from 0 of its terms in increasing tap (or block row) order; both
    // passes add one tap (block row) to a whole row of sums at a time, which keeps every sum's
    // terms and order and lets the JIT vectorise across the row.
    double[] k = Gaussian.kernel(filterSize / 2.35);
    int r = k.length / 2;
    double[] rowsSmoothed = new double[nby * w];
    double[] wx = new double[w];
    for (int x = 0; x < w; x++) {
      for (int d = Math.max(-r, -x); d <= Math.min(r, w - 1 - x); d++) {
        wx[x] += k[d + r];
      }
    }
    float[] blockRow = new float[w];
    double[] acc = new double[w];
    for (int b = 0; b < nby; b++) {
      for (int x = 0; x < w; x++) {
        blockRow[x] = mins[b * nbx + bx[x]];
      }
      Gaussian.rowSums(blockRow, 0, w, k, acc);
      for (int x = 0; x < w; x++) {
        rowsSmoothed[b * w + x] = acc[x] / wx[x];
      }
    }
    float[] out = new float[w * h];
    double[] weights = new double[nby];
    for (int y = 0; y < h; y++) {
      java.util.Arrays.fill(weights, 0);
      double wsum = 0;
      for (int d = Math.max(-r, -y); d <= Math.min(r, h - 1 - y); d++) {
        weights[by[y + d]] += k[d + r];
        wsum += k[d + r];
      }
      // only block rows within the kernel's reach have a weight (by is non-decreasing): the same
      // terms in the same order as a loop over all block rows
      int bLo = by[Math.max(0, y - r)];
      int bHi = by[Math.min(h - 1, y + r)];
      java.util.Arrays.fill(acc, 0);
      for (int b = bLo; b <= bHi; b++) {
        double wb = weights[b];
        if (wb != 0) {
          for (int x = 0; x < w; x++) {
            acc[x] += wb * rowsSmoothed[b * w + x];
          }
        }
      }
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (float) (acc[x] / wsum);
      }
    }
    return new FloatImage(w, h, out);
  }

  /**
   * {@code max(0, min(1, image - background))}.
   *
   * @param image the image
   * @param background the background, same size
   * @return the corrected image
   */
  public static FloatImage subtract(FloatImage image, FloatImage background) {
    image.requireSameSize(background, "Illumination background");
    float[] a = image.pixels();
    float[] b = background.pixels();
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.max(0f, Math.min(1f, a[i] - b[i]));
    }
    return new FloatImage(image.width(), image.height(), out);
  }
}
