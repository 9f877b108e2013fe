package org.brightpaint.features.measure;

/**
 * Exact squared Euclidean distance transform (Felzenszwalb and Huttenlocher 2012): for every true
 * pixel, the squared distance to the nearest false pixel of the array (pixels outside the array are
 * not edges, as in {@code scipy.ndimage.distance_transform_edt}); 0 for false pixels.
 */
final class Edt {
  private Edt() {}

  /**
   * @param in foreground mask, row-major
   * @param w columns
   * @param h rows
   * @param borderIsEdge treat the outside of the array as background (used when the mask has no
   *     false pixel at all)
   * @return squared distances
   */
  static double[] squared(boolean[] in, int w, int h, boolean borderIsEdge) {
    if (borderIsEdge) {
      int pw = w + 2;
      int ph = h + 2;
      boolean[] padded = new boolean[pw * ph];
      for (int y = 0; y < h; y++) {
        System.arraycopy(in, y * w, padded, (y + 1) * pw + 1, w);
      }
      double[] d = squared(padded, pw, ph, false);
      double[] out = new double[w * h];
      for (int y = 0; y < h; y++) {
        System.arraycopy(d, (y + 1) * pw + 1, out, y * w, w);
      }
      return out;
    }
    final double inf = 1e20;
    double[] g = new double[w * h];
    int m = Math.max(w, h);
    double[] f = new double[m];
    double[] dOut = new double[m];
    int[] v = new int[m];
    double[] z = new double[m + 1];
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) {
        f[y] = in[y * w + x] ? inf : 0;
      }
      transform(f, h, dOut, v, z);
      for (int y = 0; y < h; y++) {
        g[y * w + x] = dOut[y];
      }
    }
    double[] out = new double[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(g, y * w, f, 0, w);
      transform(f, w, dOut, v, z);
      System.arraycopy(dOut, 0, out, y * w, w);
    }
    return out;
  }

  private static void transform(double[] f, int n, double[] d, int[] v, double[] z) {
    int k = 0;
    v[0] = 0;
    z[0] = Double.NEGATIVE_INFINITY;
    z[1] = Double.POSITIVE_INFINITY;
    for (int q = 1; q < n; q++) {
      double s;
      while (true) {
        s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
        if (s <= z[k]) {
          k--;
          if (k < 0) {
            k = 0;
            break;
          }
        } else {
          break;
        }
      }
      if (k == 0 && s <= z[0]) {
        v[0] = q;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        continue;
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = Double.POSITIVE_INFINITY;
    }
    k = 0;
    for (int q = 0; q < n; q++) {
      while (z[k + 1] < q) {
        k++;
      }
      d[q] = (q - v[k]) * (double) (q - v[k]) + f[v[k]];
    }
  }
}
