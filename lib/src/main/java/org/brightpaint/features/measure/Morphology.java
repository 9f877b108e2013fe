package org.brightpaint.features.measure;

import java.util.Arrays;

/**
 * Greyscale morphology on row-major double arrays as CellProfiler's granularity uses it: disk
 * opening with centrosome's padding (outside pixels are 1 for erosion, 0 for dilation), erosion by
 * the 4-connected cross, and reconstruction by dilation, the last two on ranked images
 * ({@link Ranked}).
 */
final class Morphology {
  private Morphology() {}

  /**
   * Grey opening with the disk {@code x^2 + y^2 <= r^2}.
   *
   * @param img values
   * @param w columns
   * @param h rows
   * @param r radius
   * @return erosion then dilation
   */
  static double[] diskOpen(double[] img, int w, int h, int r) {
    int[] half = new int[2 * r + 1];
    for (int dy = -r; dy <= r; dy++) {
      half[dy + r] = (int) Math.floor(Math.sqrt((double) r * r - (double) dy * dy) + 1e-12);
    }
    double[] ero = diskFilter(img, w, h, r, half, true);
    return diskFilter(ero, w, h, r, half, false);
  }

  private static double[] diskFilter(double[] img, int w, int h, int r, int[] half, boolean min) {
    double pad = min ? 1.0 : 0.0;
    // horizontal extremum over [x - hw, x + hw] for each distinct half width, each width grown
    // from the next smaller one (min and max are associative and commutative, so this equals the
    // direct window scan bit for bit)
    double[][] byWidth = new double[r + 1][];
    boolean[] used = new boolean[r + 1];
    for (int k = 0; k <= 2 * r; k++) {
      used[half[k]] = true;
    }
    double[] prev = null;
    int prevHw = -1;
    for (int hw = 0; hw <= r; hw++) {
      if (!used[hw]) {
        continue;
      }
      double[] out = new double[w * h];
      for (int y = 0; y < h; y++) {
        int row = y * w;
        for (int x = 0; x < w; x++) {
          double e;
          int from;
          if (prev == null) {
            e = img[row + x];
            from = 1;
          } else {
            e = prev[row + x];
            from = prevHw + 1;
          }
          for (int d = from; d <= hw; d++) {
            double lo = x - d < 0 ? pad : img[row + x - d];
            double hi = x + d >= w ? pad : img[row + x + d];
            e = min ? Math.min(e, Math.min(lo, hi)) : Math.max(e, Math.max(lo, hi));
          }
          out[row + x] = e;
        }
      }
      byWidth[hw] = out;
      prev = out;
      prevHw = hw;
    }
    double[] out = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double e = (y - r < 0 || y + r >= h) ? pad : (min ? Double.MAX_VALUE : -Double.MAX_VALUE);
        for (int dy = -r; dy <= r; dy++) {
          int yy = y + dy;
          if (yy < 0 || yy >= h) {
            continue;
          }
          double v = byWidth[half[dy + r]][yy * w + x];
          e = min ? Math.min(e, v) : Math.max(e, v);
        }
        out[y * w + x] = e;
      }
    }
    return out;
  }

  /**
   * An image as dense ranks of its values: {@code values[ranks[i]] == img[i]}, {@code values}
   * strictly ascending in {@link Double#compare} order. Erosion, dilation and reconstruction only
   * compare values, so running them on ranks and mapping back through {@code values} gives
   * bit-identical results to running them on the doubles.
   *
   * @param ranks per pixel, 0 .. values.length - 1
   * @param values the distinct values, ascending
   */
  record Ranked(int[] ranks, double[] values) {
    /**
     * @param img values, none NaN
     * @param extra one more value to give a rank to (a padding value), whether or not it occurs
     * @return the ranks of {@code img}
     */
    static Ranked of(double[] img, double extra) {
      double[] sorted = Arrays.copyOf(img, img.length + 1);
      sorted[img.length] = extra;
      Arrays.sort(sorted);
      int m = 0;
      for (double v : sorted) {
        if (m == 0 || Double.compare(v, sorted[m - 1]) != 0) {
          sorted[m++] = v;
        }
      }
      double[] values = Arrays.copyOf(sorted, m);
      int[] ranks = new int[img.length];
      for (int i = 0; i < img.length; i++) {
        ranks[i] = Arrays.binarySearch(values, img[i]);
      }
      return new Ranked(ranks, values);
    }

    /**
     * @param v a value given a rank
     * @return its rank
     */
    int rankOf(double v) {
      return Arrays.binarySearch(values, v);
    }
  }

  /**
   * Erosion by the 4-connected cross of a ranked image; outside pixels have rank {@code pad}
   * (centrosome pads with ones: pass the rank of 1.0).
   *
   * @param img ranks, {@code h x w} row-major
   * @param w columns
   * @param h rows
   * @param pad the rank outside the image
   * @param out receives the erosion (not {@code img})
   */
  static void crossErode(int[] img, int w, int h, int pad, int[] out) {
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int i = row + x;
        int e = img[i];
        e = Math.min(e, x > 0 ? img[i - 1] : pad);
        e = Math.min(e, x < w - 1 ? img[i + 1] : pad);
        e = Math.min(e, y > 0 ? img[i - w] : pad);
        e = Math.min(e, y < h - 1 ? img[i + w] : pad);
        out[i] = e;
      }
    }
  }

  /**
   * Greyscale reconstruction by dilation, 4-connected (scikit-image {@code
   * reconstruction(method='dilation')} with the cross footprint), of ranked markers under one
   * fixed ranked mask. The result is unique, so the algorithm is free: this is the "downhill
   * filter" (Robinson K, Whelan PF (2004) Efficient morphological reconstruction: a downhill
   * filter, Pattern Recognition Letters 25(15):1759-1767,
   * https://doi.org/10.1016/j.patrec.2004.07.002): pixels are visited once each in decreasing
   * order of their final value from per-rank buckets, and each raises its lower neighbours to
   * {@code min(value, mask)}. A pixel is raised at most once (to the level being processed or to
   * its mask), so the work is O(pixels + ranks), independent of how winding the propagation paths
   * are (Vincent's hybrid raster-and-FIFO algorithm revisits pixels many times on noisy images).
   * Buffers are allocated once and reused by every {@link #run}.
   */
  static final class Reconstruction {
    private final int w;
    private final int h;
    private final int ww;
    private final int levels;
    /** Per padded pixel p: {@code jm[2p]} the running value, {@code jm[2p + 1]} the mask. */
    private final int[] jm;
    private final int[] head;
    /** Per bucket entry e: {@code entries[2e]} the pixel, {@code entries[2e + 1]} the next entry. */
    private final int[] entries;

    /**
     * @param mask ranks of the limiting image, {@code h x w} row-major
     * @param w columns
     * @param h rows
     * @param levels number of ranks (every rank is below it)
     */
    Reconstruction(int[] mask, int w, int h, int levels) {
      this.w = w;
      this.h = h;
      this.ww = w + 2;
      this.levels = levels;
      int n2 = ww * (h + 2);
      // a one-pixel frame of rank -1 in both: never raised, never raises
      this.jm = new int[2 * n2];
      Arrays.fill(this.jm, -1);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          jm[2 * ((y + 1) * ww + 1 + x) + 1] = mask[y * w + x];
        }
      }
      this.head = new int[levels];
      this.entries = new int[4 * w * h];
    }

    /**
     * @param marker ranks of the seed, {@code h x w} (min(marker, mask) is used)
     * @param out receives the reconstruction's ranks, {@code h x w}
     */
    void run(int[] marker, int[] out) {
      int[] a = jm;
      int[] hd = head;
      int[] en = entries;
      Arrays.fill(hd, -1);
      int ne = 0;
      for (int y = 0; y < h; y++) {
        int src = y * w;
        int dst = (y + 1) * ww + 1;
        for (int x = 0; x < w; x++) {
          int p = dst + x;
          int v = Math.min(marker[src + x], a[2 * p + 1]);
          a[2 * p] = v;
          en[2 * ne] = p;
          en[2 * ne + 1] = hd[v];
          hd[v] = ne++;
        }
      }
      int[] offsets = {-2, 2, -2 * ww, 2 * ww};
      // rank 0 cannot raise anything
      for (int level = levels - 1; level > 0; level--) {
        int e;
        while ((e = hd[level]) != -1) {
          hd[level] = en[2 * e + 1];
          int p2 = 2 * en[2 * e];
          if (a[p2] != level) {
            continue; // raised since it was queued here, and processed at its new level
          }
          for (int k = 0; k < 4; k++) {
            int q2 = p2 + offsets[k];
            int jq = a[q2];
            if (jq < level) {
              int mq = a[q2 + 1];
              if (mq > jq) {
                int v = mq < level ? mq : level;
                a[q2] = v;
                en[2 * ne] = q2 >> 1;
                en[2 * ne + 1] = hd[v];
                hd[v] = ne++;
              }
            }
          }
        }
      }
      for (int y = 0; y < h; y++) {
        int src = 2 * ((y + 1) * ww + 1);
        int dst = y * w;
        for (int x = 0; x < w; x++) {
          out[dst + x] = a[src + 2 * x];
        }
      }
    }
  }
}
