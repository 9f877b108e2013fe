package org.brightpaint.features.ops;

/**
 * Separable Gaussian smoothing of a row-major {@code width x height} float array, with zero
 * padding outside the image ({@code scipy.ndimage.gaussian_filter(x, sigma, mode="constant")}) and
 * CellProfiler's edge correction (divide by the same filter applied to an all-ones mask, as
 * {@code centrosome.smooth.smooth_with_function_and_mask}).
 *
 * <p>Kernel: {@code w_k = exp(-k^2 / (2 sigma^2))}, {@code |k| <= (int)(4 sigma + 0.5)}, normalised
 * to sum 1 (SciPy's default truncation of 4 standard deviations).
 */
public final class Gaussian {

  private Gaussian() {}

  /**
   * The normalised SciPy kernel for {@code sigma}.
   *
   * @param sigma standard deviation in pixels, &gt; 0
   * @return {@code 2r+1} weights summing to 1
   */
  public static double[] kernel(double sigma) {
    if (!(sigma > 0)) {
      throw new IllegalArgumentException("Gaussian sigma must be > 0, got " + sigma);
    }
    int r = (int) (4.0 * sigma + 0.5);
    double[] k = new double[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += k[i + r];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    return k;
  }

  /**
   * Zero-padded separable convolution with a symmetric odd-length kernel.
   *
   * <p>Each output of a pass is a double sum, from 0, of {@code kernel[k + r] * value} over the
   * in-image taps {@code k} in increasing order, rounded to float. Both passes form these sums tap
   * by tap for a whole row at once (tap {@code k} is added to every pixel whose neighbour at
   * {@code k} lies in the image), so each pixel gets the same terms in the same order as a loop
   * over its own taps, and the same float; the pixels of a row are independent sums, which the
   * JIT can vectorise.
   *
   * @param src {@code width * height} values
   * @param width columns
   * @param height rows
   * @param kernel odd-length weights, centre at {@code kernel.length / 2}
   * @return a new array
   */
  public static float[] convolve(float[] src, int width, int height, double[] kernel) {
    int r = kernel.length / 2;
    float[] tmp = new float[src.length];
    double[] acc = new double[width];
    // rows, tap by tap (see the method's comment)
    for (int y = 0; y < height; y++) {
      int row = y * width;
      rowSums(src, row, width, kernel, acc);
      for (int x = 0; x < width; x++) {
        tmp[row + x] = (float) acc[x];
      }
    }
    float[] out = new float[src.length];
    for (int y = 0; y < height; y++) {
      java.util.Arrays.fill(acc, 0);
      int lo = Math.max(-r, -y);
      int hi = Math.min(r, height - 1 - y);
      for (int k = lo; k <= hi; k++) {
        double w = kernel[k + r];
        int row = (y + k) * width;
        for (int x = 0; x < width; x++) {
          acc[x] += w * tmp[row + x];
        }
      }
      int row = y * width;
      for (int x = 0; x < width; x++) {
        out[row + x] = (float) acc[x];
      }
    }
    return out;
  }

  /**
   * The zero-padded convolution of one row with a symmetric odd-length kernel, in double sums:
   * {@code acc[x]} = the sum, from 0, of {@code kernel[k + r] * row[x + k]} over the in-row taps
   * {@code k} in increasing order. The sums are formed tap by tap for the whole row at once (tap
   * {@code k} is added to every x whose neighbour at {@code k} lies in the row), which gives each x
   * the same terms in the same order as a loop over its own taps, and lets the JIT vectorise.
   *
   * @param src values
   * @param from index of the row's first value in {@code src}
   * @param width values in the row
   * @param kernel the kernel, length {@code 2 r + 1}
   * @param acc receives the {@code width} sums
   */
  public static void rowSums(float[] src, int from, int width, double[] kernel, double[] acc) {
    int r = kernel.length / 2;
    java.util.Arrays.fill(acc, 0, width, 0.0);
    for (int k = -r; k <= r; k++) {
      double w = kernel[k + r];
      int xHi = Math.min(width, width - k);
      for (int x = Math.max(0, -k); x < xHi; x++) {
        acc[x] += w * src[from + x + k];
      }
    }
  }

  /**
   * Gaussian smoothing with zero padding (no edge correction).
   *
   * @param src values
   * @param width columns
   * @param height rows
   * @param sigma standard deviation in pixels; 0 returns a copy
   * @return a new array
   */
  public static float[] filter(float[] src, int width, int height, double sigma) {
    if (sigma == 0) {
      return src.clone();
    }
    return convolve(src, width, height, kernel(sigma));
  }

  /**
   * Edge-corrected smoothing: {@code conv(x) / conv(1)} with the given kernel, so that pixels near
   * the border are averages of the pixels that exist.
   *
   * @param src values
   * @param width columns
   * @param height rows
   * @param kernel odd-length weights (need not be normalised)
   * @return a new array
   */
  public static float[] smoothEdgeCorrected(float[] src, int width, int height, double[] kernel) {
    float[] num = convolve(src, width, height, kernel);
    // conv of ones is separable: rowWeight(x) * colWeight(y)
    double[] wx = onesResponse(width, kernel);
    double[] wy = onesResponse(height, kernel);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        num[y * width + x] = (float) (num[y * width + x] / (wx[x] * wy[y]));
      }
    }
    return num;
  }

  /**
   * Edge-corrected SciPy Gaussian ({@code smooth_with_function_and_mask} with a full mask).
   *
   * @param src values
   * @param width columns
   * @param height rows
   * @param sigma standard deviation in pixels; 0 returns a copy
   * @return a new array
   */
  public static float[] smoothEdgeCorrected(float[] src, int width, int height, double sigma) {
    if (sigma == 0) {
      return src.clone();
    }
    return smoothEdgeCorrected(src, width, height, kernel(sigma));
  }

  private static double[] onesResponse(int n, double[] kernel) {
    int r = kernel.length / 2;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = Math.max(-r, -i); k <= Math.min(r, n - 1 - i); k++) {
        s += kernel[k + r];
      }
      out[i] = s;
    }
    return out;
  }
}
