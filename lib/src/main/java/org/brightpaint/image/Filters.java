package org.brightpaint.image;

import java.util.Arrays;

/**
 * Linear and rank filters over row-major float arrays: Gaussian smoothing, the 5-point
 * Laplacian and a disk median. Borders are handled by mirror reflection without repeating the
 * edge pixel ({@code d c b | a b c d | c b a}, scipy's "mirror"), except where a method says
 * otherwise. Inputs are never modified.
 */
public final class Filters {

  private Filters() {}

  /**
   * Gaussian smoothing, separable, kernel truncated at 4 sigma (as scipy.ndimage.gaussian_filter).
   *
   * @param image the image
   * @param sigma standard deviation in pixels, &gt;= 0 (0 returns a copy)
   * @return the smoothed image
   */
  public static FloatImage gaussian(FloatImage image, double sigma) {
    return new FloatImage(image.width(), image.height(), gaussian(image.pixels(), image.width(), image.height(), sigma));
  }

  /**
   * Gaussian smoothing of a raw array.
   *
   * @param px {@code w * h} values, row-major
   * @param w width
   * @param h height
   * @param sigma standard deviation in pixels, &gt;= 0
   * @return a new smoothed array
   */
  public static float[] gaussian(float[] px, int w, int h, double sigma) {
    return gaussian(px, w, h, sigma, 4.0);
  }

  /**
   * Gaussian smoothing of a raw array with a chosen kernel truncation (scipy's {@code truncate}).
   *
   * @param px {@code w * h} values, row-major
   * @param w width
   * @param h height
   * @param sigma standard deviation in pixels, &gt;= 0
   * @param truncate kernel half-width in standard deviations, &gt; 0
   * @return a new smoothed array
   */
  public static float[] gaussian(float[] px, int w, int h, double sigma, double truncate) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("Gaussian sigma must be finite and >= 0, got " + sigma);
    }
    if (sigma == 0) {
      return px.clone();
    }
    int r = Math.max(1, (int) Math.ceil(truncate * sigma));
    float[] k = new float[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      double v = Math.exp(-0.5 * i * i / (sigma * sigma));
      k[i + r] = (float) v;
      sum += v;
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= (float) sum;
    }
    float[] tmp = new float[px.length];
    float[] out = new float[px.length];
    float[] line = new float[w + 2 * r];
    for (int y = 0; y < h; y++) {
      fillLine(line, px, y * w, 1, w, r);
      convolve(line, k, tmp, y * w, 1, w);
    }
    // vertical pass row by row (contiguous memory): out row y = sum_j k[j] * tmp row mirror(y + j - r)
    for (int y = 0; y < h; y++) {
      int o = y * w;
      for (int j = 0; j < k.length; j++) {
        float kj = k[j];
        int src = mirror(y + j - r, h) * w;
        for (int x = 0; x < w; x++) {
          out[o + x] += kj * tmp[src + x];
        }
      }
    }
    return out;
  }

  private static void fillLine(float[] line, float[] src, int start, int stride, int n, int r) {
    for (int i = 0; i < n; i++) {
      line[i + r] = src[start + stride * i];
    }
    for (int i = 1; i <= r; i++) {
      line[r - i] = src[start + stride * mirror(-i, n)];
      line[n - 1 + r + i] = src[start + stride * mirror(n - 1 + i, n)];
    }
  }

  private static void convolve(float[] line, float[] k, float[] dst, int start, int stride, int n) {
    int len = k.length;
    for (int i = 0; i < n; i++) {
      float s = 0;
      for (int j = 0; j < len; j++) {
        s += k[j] * line[i + j];
      }
      dst[start + stride * i] = s;
    }
  }

  /**
   * Mirror reflection of an index into [0, n) without repeating the edge.
   *
   * @param i any index
   * @param n length, &gt; 0
   * @return the reflected index
   */
  static int mirror(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }

  /**
   * The 5-point Laplacian {@code f(x-1,y)+f(x+1,y)+f(x,y-1)+f(x,y+1)-4f(x,y)} in units of
   * value per pixel squared, with mirrored borders.
   *
   * @param px values
   * @param w width
   * @param h height
   * @return a new array
   */
  public static float[] laplacian(float[] px, int w, int h) {
    float[] out = new float[px.length];
    for (int y = 0; y < h; y++) {
      int ym = mirror(y - 1, h) * w;
      int yp = mirror(y + 1, h) * w;
      for (int x = 0; x < w; x++) {
        int xm = mirror(x - 1, w);
        int xp = mirror(x + 1, w);
        out[y * w + x] = px[y * w + xm] + px[y * w + xp] + px[ym + x] + px[yp + x] - 4 * px[y * w + x];
      }
    }
    return out;
  }

  /**
   * Median over a disk footprint (pixels with {@code dx^2 + dy^2 <= radius^2}); borders use the
   * pixels of the footprint that lie inside the image.
   *
   * @param image the image
   * @param radius disk radius in pixels, &gt;= 0
   * @return the filtered image
   */
  public static FloatImage medianDisk(FloatImage image, int radius) {
    if (radius < 0) {
      throw new IllegalArgumentException("Median radius must be >= 0, got " + radius);
    }
    int w = image.width();
    int h = image.height();
    float[] px = image.pixels();
    int n = 0;
    int[] dxs = new int[(2 * radius + 1) * (2 * radius + 1)];
    int[] dys = new int[dxs.length];
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        if (dx * dx + dy * dy <= radius * radius) {
          dxs[n] = dx;
          dys[n] = dy;
          n++;
        }
      }
    }
    float[] out = new float[px.length];
    float[] buf = new float[n];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int m = 0;
        for (int k = 0; k < n; k++) {
          int xx = x + dxs[k];
          int yy = y + dys[k];
          if (xx >= 0 && xx < w && yy >= 0 && yy < h) {
            buf[m++] = px[yy * w + xx];
          }
        }
        Arrays.sort(buf, 0, m);
        out[y * w + x] = (m & 1) == 1 ? buf[m / 2] : 0.5f * (buf[m / 2 - 1] + buf[m / 2]);
      }
    }
    return new FloatImage(w, h, out);
  }
}
