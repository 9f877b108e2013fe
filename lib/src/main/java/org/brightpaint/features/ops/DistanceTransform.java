package org.brightpaint.features.ops;

/**
 * Exact Euclidean distance transform (Felzenszwalb and Huttenlocher's lower-envelope algorithm),
 * matching {@code scipy.ndimage.distance_transform_edt}: each foreground pixel gets the distance
 * between pixel centres to the nearest background pixel inside the image; background pixels get 0.
 *
 * <p>References: P. F. Felzenszwalb, D. P. Huttenlocher, "Distance Transforms of Sampled
 * Functions", Theory of Computing 8 (2012), doi:10.4086/toc.2012.v008a019.
 */
public final class DistanceTransform {

  private static final double INF = 1e20;

  private DistanceTransform() {}

  /**
   * Distances to the nearest background pixel.
   *
   * @param foreground {@code width * height} flags, row-major
   * @param width columns
   * @param height rows
   * @return distances (pixels); if there is no background at all, every value is very large
   */
  public static double[] edt(boolean[] foreground, int width, int height) {
    double[] f = new double[width * height];
    for (int i = 0; i < f.length; i++) {
      f[i] = foreground[i] ? INF : 0;
    }
    int n = Math.max(width, height);
    double[] line = new double[n];
    double[] out = new double[n];
    int[] v = new int[n];
    double[] z = new double[n + 1];
    // columns
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        line[y] = f[y * width + x];
      }
      pass(line, height, out, v, z);
      for (int y = 0; y < height; y++) {
        f[y * width + x] = out[y];
      }
    }
    for (int y = 0; y < height; y++) {
      System.arraycopy(f, y * width, line, 0, width);
      pass(line, width, out, v, z);
      for (int x = 0; x < width; x++) {
        f[y * width + x] = Math.sqrt(out[x]);
      }
    }
    return f;
  }

  private static void pass(double[] f, int n, double[] d, int[] v, double[] z) {
    int k = 0;
    v[0] = 0;
    z[0] = -INF;
    z[1] = INF;
    for (int q = 1; q < n; q++) {
      double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
      while (s <= z[k]) {
        k--;
        s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = INF;
    }
    k = 0;
    for (int q = 0; q < n; q++) {
      while (z[k + 1] < q) {
        k++;
      }
      double dq = q - v[k];
      d[q] = dq * dq + f[v[k]];
    }
  }
}
