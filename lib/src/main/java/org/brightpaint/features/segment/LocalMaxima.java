package org.brightpaint.features.segment;

import org.brightpaint.features.ops.Labels;

/**
 * Seeds for declumping, as CellProfiler's {@code get_maxima}: a labelled pixel is a local maximum
 * when no pixel of the same label within a disk footprint of radius {@code max(1, s - 0.5)} is
 * brighter ({@code centrosome is_local_maximum} with {@code strel_disk}); non-positive maxima are
 * dropped; each 8-connected plateau of maxima shrinks to one point (its pixel nearest the
 * plateau's centroid, standing in for {@code binary_shrink}).
 */
public final class LocalMaxima {

  private LocalMaxima() {}

  /**
   * The disk footprint offsets, as {@code centrosome.cpmorphology.strel_disk(radius)}:
   * {@code dx^2 + dy^2 <= radius^2}, {@code |dx|, |dy| <= (int) radius}, centre excluded.
   *
   * @param radius disk radius
   * @return {@code [dx[], dy[]]}
   */
  public static int[][] disk(double radius) {
    int r = (int) radius;
    int n = 0;
    int[] dx = new int[(2 * r + 1) * (2 * r + 1)];
    int[] dy = new int[dx.length];
    for (int y = -r; y <= r; y++) {
      for (int x = -r; x <= r; x++) {
        if ((x != 0 || y != 0) && x * x + y * y <= radius * radius) {
          dx[n] = x;
          dy[n] = y;
          n++;
        }
      }
    }
    return new int[][] {java.util.Arrays.copyOf(dx, n), java.util.Arrays.copyOf(dy, n)};
  }

  /**
   * Single-point maxima.
   *
   * @param image values to find peaks in
   * @param labels objects; maxima are found within each label
   * @param width columns
   * @param height rows
   * @param suppressionSize CellProfiler's maxima suppression size {@code s}
   * @return flags, one point per accepted maximum plateau
   */
  public static boolean[] find(float[] image, int[] labels, int width, int height, double suppressionSize) {
    int[][] fp = disk(Math.max(1, suppressionSize - 0.5));
    int[] fx = fp[0];
    int[] fy = fp[1];
    boolean[] max = new boolean[labels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        int l = labels[p];
        if (l == 0 || image[p] <= 0) {
          continue;
        }
        float v = image[p];
        boolean ok = true;
        for (int k = 0; k < fx.length; k++) {
          int nx = x + fx[k];
          int ny = y + fy[k];
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
            continue;
          }
          int q = ny * width + nx;
          if (labels[q] == l && image[q] > v) {
            ok = false;
            break;
          }
        }
        max[p] = ok;
      }
    }
    return shrinkToPoints(max, width, height);
  }

  /**
   * Replaces each 8-connected blob of flags by its pixel nearest the blob centroid.
   *
   * @param mask flags, not modified
   * @param width columns
   * @param height rows
   * @return one flag per blob
   */
  public static boolean[] shrinkToPoints(boolean[] mask, int width, int height) {
    int[] comp = Labels.components(mask, width, height, true);
    int n = Labels.max(comp);
    double[] sx = new double[n + 1];
    double[] sy = new double[n + 1];
    int[] cnt = new int[n + 1];
    for (int i = 0; i < comp.length; i++) {
      if (comp[i] > 0) {
        sx[comp[i]] += i % width;
        sy[comp[i]] += i / width;
        cnt[comp[i]]++;
      }
    }
    int[] best = new int[n + 1];
    double[] bestD = new double[n + 1];
    java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
    for (int i = 0; i < comp.length; i++) {
      int c = comp[i];
      if (c > 0) {
        double dx = i % width - sx[c] / cnt[c];
        double dy = i / width - sy[c] / cnt[c];
        double d = dx * dx + dy * dy;
        if (d < bestD[c]) {
          bestD[c] = d;
          best[c] = i;
        }
      }
    }
    boolean[] out = new boolean[mask.length];
    for (int c = 1; c <= n; c++) {
      out[best[c]] = true;
    }
    return out;
  }
}
