package org.brightpaint.features.ops;

import java.util.Arrays;

/**
 * 2-D convex hull (Andrew's monotone chain) with the polygon area and the Feret diameters derived
 * from it, as {@code centrosome.cpmorphology.convex_hull_ijv} and {@code feret_diameter} use them.
 */
public final class ConvexHull {

  private ConvexHull() {}

  /**
   * Hull vertices in counter-clockwise order without collinear points.
   *
   * @param xs x coordinates
   * @param ys y coordinates (same length)
   * @return {@code [hx, hy]}; a single point or two points for degenerate inputs
   */
  public static double[][] of(double[] xs, double[] ys) {
    int n = xs.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b]) : Double.compare(ys[a], ys[b]));
    if (n <= 1) {
      return new double[][] {xs.clone(), ys.clone()};
    }
    int[] h = new int[2 * n];
    int k = 0;
    for (int t = 0; t < n; t++) {
      int i = order[t];
      while (k >= 2 && cross(xs, ys, h[k - 2], h[k - 1], i) <= 0) {
        k--;
      }
      h[k++] = i;
    }
    for (int t = n - 2, lo = k + 1; t >= 0; t--) {
      int i = order[t];
      while (k >= lo && cross(xs, ys, h[k - 2], h[k - 1], i) <= 0) {
        k--;
      }
      h[k++] = i;
    }
    int m = Math.max(1, k - 1);
    double[] hx = new double[m];
    double[] hy = new double[m];
    for (int i = 0; i < m; i++) {
      hx[i] = xs[h[i]];
      hy[i] = ys[h[i]];
    }
    return new double[][] {hx, hy};
  }

  private static double cross(double[] xs, double[] ys, int o, int a, int b) {
    return (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  }

  /**
   * Polygon area by the shoelace formula.
   *
   * @param hull {@code [hx, hy]}
   * @return the area (0 for fewer than 3 vertices)
   */
  public static double area(double[][] hull) {
    double[] x = hull[0];
    double[] y = hull[1];
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      int j = (i + 1) % x.length;
      s += x[i] * y[j] - x[j] * y[i];
    }
    return Math.abs(s) / 2;
  }

  /**
   * Maximum Feret diameter: the largest distance between two hull vertices.
   *
   * @param hull {@code [hx, hy]}
   * @return the diameter (0 for one point)
   */
  public static double maxFeret(double[][] hull) {
    double[] x = hull[0];
    double[] y = hull[1];
    double best = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        best = Math.max(best, Math.hypot(x[i] - x[j], y[i] - y[j]));
      }
    }
    return best;
  }

  /**
   * Minimum Feret diameter (rotating calipers over hull edges): the smallest, over edges, of the
   * largest distance of a vertex from the edge's line.
   *
   * @param hull {@code [hx, hy]}
   * @return the width (0 for fewer than 3 vertices)
   */
  public static double minFeret(double[][] hull) {
    double[] x = hull[0];
    double[] y = hull[1];
    int n = x.length;
    if (n < 3) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ex = x[j] - x[i];
      double ey = y[j] - y[i];
      double len = Math.hypot(ex, ey);
      if (len == 0) {
        continue;
      }
      double far = 0;
      for (int k = 0; k < n; k++) {
        far = Math.max(far, Math.abs(ex * (y[k] - y[i]) - ey * (x[k] - x[i])) / len);
      }
      best = Math.min(best, far);
    }
    return best == Double.POSITIVE_INFINITY ? 0 : best;
  }

  /**
   * Smallest circle enclosing the points (Welzl's algorithm, iterative form, deterministic order).
   *
   * @param x x coordinates (hull vertices suffice)
   * @param y y coordinates
   * @return {@code [cx, cy, r]}
   */
  public static double[] minimumEnclosingCircle(double[] x, double[] y) {
    int n = x.length;
    if (n == 0) {
      return new double[] {0, 0, 0};
    }
    double cx = x[0];
    double cy = y[0];
    double r = 0;
    double eps = 1e-9;
    for (int i = 1; i < n; i++) {
      if (Math.hypot(x[i] - cx, y[i] - cy) <= r + eps) {
        continue;
      }
      cx = x[i];
      cy = y[i];
      r = 0;
      for (int j = 0; j < i; j++) {
        if (Math.hypot(x[j] - cx, y[j] - cy) <= r + eps) {
          continue;
        }
        cx = (x[i] + x[j]) / 2;
        cy = (y[i] + y[j]) / 2;
        r = Math.hypot(x[i] - x[j], y[i] - y[j]) / 2;
        for (int k = 0; k < j; k++) {
          if (Math.hypot(x[k] - cx, y[k] - cy) <= r + eps) {
            continue;
          }
          double[] c = circumcircle(x[i], y[i], x[j], y[j], x[k], y[k]);
          cx = c[0];
          cy = c[1];
          r = c[2];
        }
      }
    }
    return new double[] {cx, cy, r};
  }

  private static double[] circumcircle(double ax, double ay, double bx, double by, double cx, double cy) {
    double d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
    if (Math.abs(d) < 1e-12) {
      // collinear: circle on the farthest pair
      double dab = Math.hypot(ax - bx, ay - by);
      double dac = Math.hypot(ax - cx, ay - cy);
      double dbc = Math.hypot(bx - cx, by - cy);
      if (dab >= dac && dab >= dbc) {
        return new double[] {(ax + bx) / 2, (ay + by) / 2, dab / 2};
      }
      if (dac >= dbc) {
        return new double[] {(ax + cx) / 2, (ay + cy) / 2, dac / 2};
      }
      return new double[] {(bx + cx) / 2, (by + cy) / 2, dbc / 2};
    }
    double a2 = ax * ax + ay * ay;
    double b2 = bx * bx + by * by;
    double c2 = cx * cx + cy * cy;
    double ux = (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d;
    double uy = (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d;
    return new double[] {ux, uy, Math.hypot(ax - ux, ay - uy)};
  }
}
