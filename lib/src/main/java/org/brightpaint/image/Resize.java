package org.brightpaint.image;

/**
 * Resizing: exact area averaging (each output pixel is the area-weighted mean of the input pixels
 * it covers, as OpenCV's INTER_AREA; used for 1080 -&gt; 512) and bilinear interpolation with
 * optional Gaussian anti-aliasing (as skimage.transform.resize, used by the illumination
 * pipeline). Pixel centres sit at half-integers in both grids.
 */
public final class Resize {

  private Resize() {}

  /**
   * Area-averaging resize. Downscaling by an integer factor k averages k x k blocks exactly;
   * other factors weight partially covered pixels by their overlap. Upscaling repeats pixels
   * proportionally (nearest-area). The mean of the image is preserved.
   *
   * @param image the image
   * @param width output width, &gt; 0
   * @param height output height, &gt; 0
   * @return the resized image
   */
  public static FloatImage areaAverage(FloatImage image, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Output size must be positive, got " + width + " x " + height);
    }
    float[][] wx = new float[width][];
    int[] x0 = new int[width];
    weights(image.width(), width, wx, x0);
    float[][] wy = new float[height][];
    int[] y0 = new int[height];
    weights(image.height(), height, wy, y0);
    int iw = image.width();
    float[] src = image.pixels();
    float[] tmp = new float[width * image.height()];
    for (int y = 0; y < image.height(); y++) {
      int row = y * iw;
      for (int x = 0; x < width; x++) {
        float[] w = wx[x];
        double s = 0;
        for (int k = 0; k < w.length; k++) {
          s += w[k] * src[row + x0[x] + k];
        }
        tmp[y * width + x] = (float) s;
      }
    }
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      float[] w = wy[y];
      for (int x = 0; x < width; x++) {
        double s = 0;
        for (int k = 0; k < w.length; k++) {
          s += w[k] * tmp[(y0[y] + k) * width + x];
        }
        out[y * width + x] = (float) s;
      }
    }
    return new FloatImage(width, height, out);
  }

  /** Overlap weights of output cell [i*s, (i+1)*s) with input pixels, s = in/out. */
  private static void weights(int in, int out, float[][] w, int[] first) {
    double s = (double) in / out;
    for (int i = 0; i < out; i++) {
      double a = i * s;
      double b = (i + 1) * s;
      int lo = (int) Math.floor(a);
      int hi = Math.min(in - 1, (int) Math.ceil(b) - 1);
      first[i] = lo;
      w[i] = new float[hi - lo + 1];
      for (int k = lo; k <= hi; k++) {
        double ov = Math.min(b, k + 1) - Math.max(a, k);
        w[i][k - lo] = (float) (Math.max(0, ov) / s);
      }
    }
  }

  /**
   * Bilinear resize. When shrinking with {@code antiAlias}, the image is first smoothed with a
   * Gaussian of sigma = max(0, (1/scale - 1) / 2) per axis, as skimage.transform.resize does.
   * Edges are clamped.
   *
   * @param image the image
   * @param width output width
   * @param height output height
   * @param antiAlias smooth before shrinking
   * @return the resized image
   */
  public static FloatImage bilinear(FloatImage image, int width, int height, boolean antiAlias) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Output size must be positive, got " + width + " x " + height);
    }
    FloatImage src = image;
    double sx = (double) image.width() / width;
    double sy = (double) image.height() / height;
    if (antiAlias && (sx > 1 || sy > 1)) {
      double sigma = Math.max(0, (Math.max(sx, sy) - 1) / 2);
      src = Filters.gaussian(image, sigma);
    }
    int iw = src.width();
    int ih = src.height();
    float[] p = src.pixels();
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      double fy = Math.max(0, Math.min(ih - 1, (y + 0.5) * sy - 0.5));
      int ya = (int) fy;
      int yb = Math.min(ih - 1, ya + 1);
      double ty = fy - ya;
      for (int x = 0; x < width; x++) {
        double fx = Math.max(0, Math.min(iw - 1, (x + 0.5) * sx - 0.5));
        int xa = (int) fx;
        int xb = Math.min(iw - 1, xa + 1);
        double tx = fx - xa;
        out[y * width + x] = (float) ((1 - ty) * ((1 - tx) * p[ya * iw + xa] + tx * p[ya * iw + xb])
            + ty * ((1 - tx) * p[yb * iw + xa] + tx * p[yb * iw + xb]));
      }
    }
    return new FloatImage(width, height, out);
  }
}
