package org.brightpaint.features.threshold;

import java.util.Arrays;
import org.brightpaint.image.FloatImage;

/**
 * CellProfiler's {@code CorrectIlluminationCalculate} "Regular" method as the CPJUMP1 illumination
 * pipeline uses it, per plate and channel: average all images, shrink by {@code 0.2} (area
 * average), median filter with a disk of radius {@code medianSize / 2 - 1}, divide by the 2nd
 * percentile of the positive values (values below it are lifted to it, so the function is
 * {@code >= 1}), enlarge back (bilinear). {@link #apply} divides an image by it and clips to [0, 1].
 */
public final class RegularIllumination {

  private RegularIllumination() {}

  /**
   * Accumulates a running sum of a plate's images (bounded memory: one double array).
   */
  public static final class Accumulator {
    private final int width;
    private final int height;
    private final double[] sum;
    private int count;

    /**
     * @param width columns
     * @param height rows
     */
    public Accumulator(int width, int height) {
      this.width = width;
      this.height = height;
      this.sum = new double[width * height];
    }

    /**
     * Adds one image.
     *
     * @param image an image of the accumulator's size
     */
    public synchronized void add(FloatImage image) {
      if (image.width() != width || image.height() != height) {
        throw new IllegalArgumentException("Illumination: image " + image + " does not match " + width + " x " + height);
      }
      float[] p = image.pixels();
      for (int i = 0; i < p.length; i++) {
        sum[i] += p[i];
      }
      count++;
    }

    /** @return the mean image */
    public synchronized FloatImage mean() {
      if (count == 0) {
        throw new IllegalStateException("Illumination: no images were added");
      }
      float[] out = new float[sum.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (sum[i] / count);
      }
      return new FloatImage(width, height, out);
    }
  }

  /**
   * The illumination function of an averaged image.
   *
   * @param mean the average of the plate's images of one channel
   * @param medianSize median filter size (CPJUMP1: 20)
   * @return the function, same size, values &gt;= 1 where the mean is positive
   */
  public static FloatImage compute(FloatImage mean, int medianSize) {
    int w = mean.width();
    int h = mean.height();
    int sw = Math.max(1, (int) Math.round(w * 0.2));
    int sh = Math.max(1, (int) Math.round(h * 0.2));
    float[] small = new float[sw * sh];
    float[] p = mean.pixels();
    for (int y = 0; y < sh; y++) {
      int y0 = (int) ((long) y * h / sh);
      int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * h / sh));
      for (int x = 0; x < sw; x++) {
        int x0 = (int) ((long) x * w / sw);
        int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * w / sw));
        double s = 0;
        for (int yy = y0; yy < y1; yy++) {
          for (int xx = x0; xx < x1; xx++) {
            s += p[yy * w + xx];
          }
        }
        small[y * sw + x] = (float) (s / ((y1 - y0) * (x1 - x0)));
      }
    }
    double radius = medianSize / 2.0 - 1;
    int ir = (int) radius;
    float[] filtered = new float[small.length];
    float[] window = new float[(2 * ir + 1) * (2 * ir + 1)];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        int n = 0;
        for (int dy = -ir; dy <= ir; dy++) {
          for (int dx = -ir; dx <= ir; dx++) {
            int yy = y + dy;
            int xx = x + dx;
            if (dx * dx + dy * dy <= radius * radius && yy >= 0 && yy < sh && xx >= 0 && xx < sw) {
              window[n++] = small[yy * sw + xx];
            }
          }
        }
        Arrays.sort(window, 0, n);
        filtered[y * sw + x] = window[n / 2];
      }
    }
    float[] positive = new float[filtered.length];
    int np = 0;
    for (float v : filtered) {
      if (v > 0) {
        positive[np++] = v;
      }
    }
    float robustMin = 1f;
    if (np > 0) {
      Arrays.sort(positive, 0, np);
      robustMin = positive[(int) Math.floor(0.02 * (np - 1))];
    }
    for (int i = 0; i < filtered.length; i++) {
      filtered[i] = Math.max(filtered[i], robustMin) / robustMin;
    }
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      double sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * sh / h - 0.5));
      int y0 = (int) sy;
      int y1 = Math.min(sh - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * sw / w - 0.5));
        int x0 = (int) sx;
        int x1 = Math.min(sw - 1, x0 + 1);
        double fx = sx - x0;
        double top = filtered[y0 * sw + x0] * (1 - fx) + filtered[y0 * sw + x1] * fx;
        double bot = filtered[y1 * sw + x0] * (1 - fx) + filtered[y1 * sw + x1] * fx;
        out[y * w + x] = (float) (top * (1 - fy) + bot * fy);
      }
    }
    return new FloatImage(w, h, out);
  }

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
