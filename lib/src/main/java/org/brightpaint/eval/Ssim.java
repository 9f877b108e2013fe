package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * Mean structural similarity index (SSIM) with a Gaussian window, as in scikit-image.
 *
 * <p>Local statistics use a separable Gaussian filter with sigma 1.5 truncated at 3.5 sigma
 * (radius 5, window 11) and mirror ("reflect", {@code d c b a | a b c d | d c b a}) borders, as
 * {@code scipy.ndimage.gaussian_filter}. With {@code C1 = (K1 R)^2}, {@code C2 = (K2 R)^2}, K1 =
 * 0.01, K2 = 0.03 and population (not sample) covariances:
 *
 * <pre>
 *   S = (2 mu_a mu_b + C1)(2 cov_ab + C2) / ((mu_a^2 + mu_b^2 + C1)(var_a + var_b + C2))
 * </pre>
 *
 * and the result is the mean of S after cropping {@code (win - 1) / 2 = 5} pixels from every
 * border. This matches {@code skimage.metrics.structural_similarity(a, b, gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=R)} to 1e-4 (golden test). Because C1, C2 &gt;
 * 0, constant images give a defined value (identical constants give exactly 1), never NaN.
 *
 * <p>References: Z. Wang, A. C. Bovik, H. R. Sheikh, E. P. Simoncelli, "Image quality assessment:
 * from error visibility to structural similarity", IEEE TIP 13(4), 2004, doi:10.1109/TIP.2003.819861.
 */
public final class Ssim {
  /** Gaussian sigma of the window, in pixels. */
  public static final double SIGMA = 1.5;
  /** Truncation of the Gaussian in sigmas (scikit-image's choice). */
  public static final double TRUNCATE = 3.5;
  /** Luminance constant factor. */
  public static final double K1 = 0.01;
  /** Contrast constant factor. */
  public static final double K2 = 0.03;

  private static final int RADIUS = (int) (TRUNCATE * SIGMA + 0.5);
  private static final double[] KERNEL = kernel();

  private Ssim() {}

  /**
   * Mean SSIM of two images.
   *
   * @param a reference image, at least 11 x 11
   * @param b compared image, same size
   * @param dataRange the data range R &gt; 0 (1 for [0, 1] images)
   * @return mean SSIM in [-1, 1]
   * @throws IllegalArgumentException on a size mismatch, an image smaller than the window, a
   *     non-finite pixel or a non-positive data range
   */
  public static double of(FloatImage a, FloatImage b, double dataRange) {
    double[] map = map(a, b, dataRange);
    int w = a.width(), h = a.height();
    double s = 0;
    for (int y = RADIUS; y < h - RADIUS; y++) {
      for (int x = RADIUS; x < w - RADIUS; x++) {
        s += map[y * w + x];
      }
    }
    return s / ((double) (w - 2 * RADIUS) * (h - 2 * RADIUS));
  }

  /**
   * The full SSIM map (uncropped), row-major, same size as the inputs.
   *
   * @param a reference image
   * @param b compared image
   * @param dataRange the data range R &gt; 0
   * @return per-pixel SSIM values
   */
  public static double[] map(FloatImage a, FloatImage b, double dataRange) {
    a.requireSameSize(b, "SSIM");
    Checks.dataRange(dataRange);
    Checks.sameLengthFinite(a.pixels(), b.pixels(), "SSIM");
    int w = a.width(), h = a.height();
    int win = 2 * RADIUS + 1;
    if (w < win || h < win) {
      throw new IllegalArgumentException(
          "SSIM needs images of at least " + win + " x " + win + ", got " + w + " x " + h);
    }
    int n = w * h;
    double[] x = new double[n], y = new double[n], xx = new double[n], yy = new double[n], xy = new double[n];
    float[] pa = a.pixels(), pb = b.pixels();
    for (int i = 0; i < n; i++) {
      x[i] = pa[i];
      y[i] = pb[i];
      xx[i] = x[i] * x[i];
      yy[i] = y[i] * y[i];
      xy[i] = x[i] * y[i];
    }
    double[] ux = gaussian(x, w, h), uy = gaussian(y, w, h);
    double[] uxx = gaussian(xx, w, h), uyy = gaussian(yy, w, h), uxy = gaussian(xy, w, h);
    double c1 = (K1 * dataRange) * (K1 * dataRange);
    double c2 = (K2 * dataRange) * (K2 * dataRange);
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double vx = uxx[i] - ux[i] * ux[i];
      double vy = uyy[i] - uy[i] * uy[i];
      double vxy = uxy[i] - ux[i] * uy[i];
      double a1 = 2 * ux[i] * uy[i] + c1, a2 = 2 * vxy + c2;
      double b1 = ux[i] * ux[i] + uy[i] * uy[i] + c1, b2 = vx + vy + c2;
      s[i] = (a1 * a2) / (b1 * b2);
    }
    return s;
  }

  /** Separable Gaussian with scipy's "reflect" border, rows then columns. */
  static double[] gaussian(double[] in, int w, int h) {
    double[] tmp = new double[in.length];
    double[] out = new double[in.length];
    int[] rx = reflectTable(w), ry = reflectTable(h);
    double[] k = KERNEL;
    int taps = k.length;
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int t = 0; t < taps; t++) {
          s += k[t] * in[row + rx[x + t]];
        }
        tmp[row + x] = s;
      }
    }
    double[] acc = new double[w];
    for (int y = 0; y < h; y++) {
      java.util.Arrays.fill(acc, 0);
      for (int t = 0; t < taps; t++) {
        int src = ry[y + t] * w;
        double kt = k[t];
        for (int x = 0; x < w; x++) {
          acc[x] += kt * tmp[src + x];
        }
      }
      System.arraycopy(acc, 0, out, y * w, w);
    }
    return out;
  }

  /** Index i + t (t = 0..2R) of the table is the reflected source of position i - R + t. */
  private static int[] reflectTable(int n) {
    int[] r = new int[n + 2 * RADIUS];
    for (int i = 0; i < r.length; i++) {
      r[i] = reflect(i - RADIUS, n);
    }
    return r;
  }

  /** scipy.ndimage "reflect" (half-sample symmetric) index. */
  static int reflect(int i, int n) {
    int period = 2 * n;
    int m = Math.floorMod(i, period);
    return m < n ? m : period - 1 - m;
  }

  private static double[] kernel() {
    double[] k = new double[2 * RADIUS + 1];
    double sum = 0;
    for (int i = -RADIUS; i <= RADIUS; i++) {
      k[i + RADIUS] = Math.exp(-0.5 * i * i / (SIGMA * SIGMA));
      sum += k[i + RADIUS];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    return k;
  }
}
