package org.brightpaint.features.segment;

import org.brightpaint.features.ops.PixelHeap;
import org.brightpaint.features.ops.PixelNeighbours;

/**
 * CellProfiler's "Propagation" (centrosome {@code propagate}): Dijkstra-style growth of seed
 * labels over the mask, where a step between 8-neighbours p and q costs
 * {@code sqrt(D^2 + (|dx| + |dy|) lambda^2)} with {@code D = sum over the 3 x 3 window of
 * |I(p + o) - I(q + o)|} (image clamped at the border), as centrosome's {@code propagate.c}.
 * Each pixel takes the label of the seed with the smallest accumulated cost. A larger
 * {@code lambda} weighs plain distance more than image edges.
 *
 * <p>Reference: T. R. Jones, A. Carpenter, P. Golland, "Voronoi-Based Segmentation of Cells on
 * Image Manifolds", CVBIA 2005, LNCS 3765, 535-543, doi:10.1007/11569541_54.
 */
public final class Propagation {

  private Propagation() {}

  /**
   * Propagates seed labels.
   *
   * @param image the image guiding the boundaries
   * @param seeds seed labels (&gt; 0), not modified
   * @param mask pixels that may be labelled
   * @param width columns
   * @param height rows
   * @param lambda regularisation factor (&gt;= 0)
   * @return labels
   */
  public static int[] propagate(float[] image, int[] seeds, boolean[] mask, int width, int height, double lambda) {
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("Invalid regularization factor: " + lambda);
    }
    int n = seeds.length;
    int[] out = seeds.clone();
    double[] dist = new double[n];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    boolean[] done = new boolean[n];
    PixelHeap heap = new PixelHeap(1024);
    int[] nb = new int[PixelNeighbours.MAX];
    for (int i = 0; i < n; i++) {
      if (seeds[i] > 0) {
        dist[i] = 0;
        heap.push(0, i);
      }
    }
    while (!heap.isEmpty()) {
      double d = heap.peekValue();
      int p = heap.pop();
      if (done[p] || d > dist[p]) {
        continue;
      }
      done[p] = true;
      int px = p % width;
      int py = p / width;
      int nn = PixelNeighbours.of(p, width, height, true, nb);
      for (int k = 0; k < nn; k++) {
        int q = nb[k];
        if (done[q] || !mask[q]) {
          continue;
        }
        double diff = difference(image, width, height, px, py, q % width, q / width);
        int steps = PixelNeighbours.diagonal(p, q, width) ? 2 : 1; // |dx| + |dy|
        double nd = d + Math.sqrt(diff * diff + steps * lambda * lambda);
        if (nd < dist[q]) {
          dist[q] = nd;
          out[q] = out[p];
          heap.push(nd, q);
        }
      }
    }
    return out;
  }

  private static double difference(float[] img, int w, int h, int x1, int y1, int x2, int y2) {
    double t = 0;
    for (int oy = -1; oy <= 1; oy++) {
      int ya = clamp(y1 + oy, h) * w;
      int yb = clamp(y2 + oy, h) * w;
      for (int ox = -1; ox <= 1; ox++) {
        t += Math.abs(img[ya + clamp(x1 + ox, w)] - img[yb + clamp(x2 + ox, w)]);
      }
    }
    return t;
  }

  private static int clamp(int v, int n) {
    return v < 0 ? 0 : (v >= n ? n - 1 : v);
  }
}
