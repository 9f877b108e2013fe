package org.brightpaint.features.measure;

import java.util.Arrays;

/**
 * Greyscale morphology on row-major double arrays as CellProfiler's granularity uses it: disk
 * opening with centrosome's padding (outside pixels are 1 for erosion, 0 for dilation), erosion by
 * the 4-connected cross, and reconstruction by dilation (Vincent's hybrid algorithm).
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
    // horizontal running extremum for each distinct half width
    double[][] byWidth = new double[r + 1][];
    for (int k = 0; k <= 2 * r; k++) {
      int hw = half[k];
      if (byWidth[hw] == null) {
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
          int row = y * w;
          for (int x = 0; x < w; x++) {
            double e = (x - hw < 0 || x + hw >= w) ? pad : (min ? Double.MAX_VALUE : -Double.MAX_VALUE);
            int from = Math.max(0, x - hw);
            int to = Math.min(w - 1, x + hw);
            for (int xx = from; xx <= to; xx++) {
              double v = img[row + xx];
              e = min ? Math.min(e, v) : Math.max(e, v);
            }
            out[row + x] = e;
          }
        }
        byWidth[hw] = out;
      }
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
   * Erosion by the 4-connected cross, outside pixels counting as 1 (centrosome pads with ones).
   *
   * @param img values
   * @param w columns
   * @param h rows
   * @return the erosion
   */
  static double[] crossErode(double[] img, int w, int h) {
    double[] out = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        double e = img[i];
        e = Math.min(e, x > 0 ? img[i - 1] : 1.0);
        e = Math.min(e, x < w - 1 ? img[i + 1] : 1.0);
        e = Math.min(e, y > 0 ? img[i - w] : 1.0);
        e = Math.min(e, y < h - 1 ? img[i + w] : 1.0);
        out[i] = e;
      }
    }
    return out;
  }

  /**
   * Greyscale reconstruction by dilation of {@code marker} under {@code mask}, 4-connected
   * (scikit-image {@code reconstruction(method='dilation')} with the cross footprint).
   *
   * @param marker seed, pointwise &lt;= mask (min(marker, mask) is used otherwise)
   * @param mask the limiting image
   * @param w columns
   * @param h rows
   * @return the reconstruction
   */
  static double[] reconstructByDilation(double[] marker, double[] mask, int w, int h) {
    int n = w * h;
    double[] j = new double[n];
    for (int i = 0; i < n; i++) {
      j[i] = Math.min(marker[i], mask[i]);
    }
    // forward raster scan
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        double v = j[i];
        if (x > 0 && j[i - 1] > v) {
          v = j[i - 1];
        }
        if (y > 0 && j[i - w] > v) {
          v = j[i - w];
        }
        j[i] = Math.min(v, mask[i]);
      }
    }
    int[] queue = new int[Math.max(16, n / 4)];
    int head = 0;
    int tail = 0;
    // backward scan
    for (int y = h - 1; y >= 0; y--) {
      for (int x = w - 1; x >= 0; x--) {
        int i = y * w + x;
        double v = j[i];
        if (x < w - 1 && j[i + 1] > v) {
          v = j[i + 1];
        }
        if (y < h - 1 && j[i + w] > v) {
          v = j[i + w];
        }
        v = Math.min(v, mask[i]);
        j[i] = v;
        boolean push = (x < w - 1 && j[i + 1] < v && j[i + 1] < mask[i + 1])
            || (y < h - 1 && j[i + w] < v && j[i + w] < mask[i + w]);
        if (push) {
          if (tail == queue.length) {
            queue = Arrays.copyOf(queue, queue.length * 2);
          }
          queue[tail++] = i;
        }
      }
    }
    // FIFO propagation (ring buffer, power-of-two capacity)
    int cap = Integer.highestOneBit(Math.max(16, tail)) << 1;
    int[] ring = Arrays.copyOf(queue, cap);
    int mask2 = cap - 1;
    int size = tail;
    head = 0;
    while (size > 0) {
      int p = ring[head];
      head = (head + 1) & mask2;
      size--;
      int x = p % w;
      double v = j[p];
      for (int k = 0; k < 4; k++) {
        int q;
        if (k == 0) {
          if (x == 0) {
            continue;
          }
          q = p - 1;
        } else if (k == 1) {
          if (x == w - 1) {
            continue;
          }
          q = p + 1;
        } else if (k == 2) {
          if (p < w) {
            continue;
          }
          q = p - w;
        } else {
          if (p + w >= n) {
            continue;
          }
          q = p + w;
        }
        double jq = j[q];
        if (jq < v) {
          double mq = mask[q];
          if (mq != jq) {
            j[q] = v < mq ? v : mq;
            if (size == cap) {
              int[] bigger = new int[cap * 2];
              for (int t = 0; t < size; t++) {
                bigger[t] = ring[(head + t) & mask2];
              }
              ring = bigger;
              head = 0;
              cap = bigger.length;
              mask2 = cap - 1;
            }
            ring[(head + size) & mask2] = q;
            size++;
          }
        }
      }
    }
    return j;
  }

}
