package org.brightpaint.features.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Zernike shape moments as CellProfiler computes them ({@code centrosome.zernike.zernike}):
 * object pixel centres are mapped into the object's minimum enclosing circle
 * ({@code rho = |p - c| / r}); for each (n, m) with {@code 0 <= m <= n <= 9}, {@code n - m} even,
 * the feature is {@code |sum_p R_nm(rho_p) e^{i m theta_p}| / (pi r^2)}, where
 * {@code R_nm(rho) = sum_k (-1)^k (n-k)! / (k! ((n+m)/2-k)! ((n-m)/2-k)!) rho^(n-2k)}.
 * A filled disk gives {@code Zernike_0_0 ~ 1} and {@code ~ 0} for every {@code m > 0}.
 *
 * <p>Reference: A. Khotanzad, Y. H. Hong, "Invariant image recognition by Zernike moments", IEEE
 * TPAMI 12 (1990) 489-497, doi:10.1109/34.55109.
 */
public final class Zernike {

  /** Pixels per block of {@link #moments}' per-pixel powers and angles. */
  private static final int CHUNK = 256;

  /** The highest order CellProfiler measures. */
  public static final int MAX_ORDER = 9;

  private Zernike() {}

  /**
   * The (n, m) pairs in CellProfiler's order: n ascending, then m ascending.
   *
   * @param maxOrder highest n
   * @return pairs {@code [n, m]}
   */
  public static List<int[]> indices(int maxOrder) {
    List<int[]> out = new ArrayList<>();
    for (int n = 0; n <= maxOrder; n++) {
      for (int m = n % 2; m <= n; m += 2) {
        out.add(new int[] {n, m});
      }
    }
    return out;
  }

  /**
   * The radial polynomial coefficients {@code c[k]} of {@code rho^(n-2k)}.
   *
   * @param n order
   * @param m repetition
   * @return coefficients
   */
  static double[] radialCoefficients(int n, int m) {
    int kmax = (n - m) / 2;
    double[] c = new double[kmax + 1];
    for (int k = 0; k <= kmax; k++) {
      c[k] = (k % 2 == 0 ? 1 : -1) * factorial(n - k)
          / (factorial(k) * factorial((n + m) / 2 - k) * factorial((n - m) / 2 - k));
    }
    return c;
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  /**
   * The moments of one object.
   *
   * @param xs pixel centre x coordinates
   * @param ys pixel centre y coordinates
   * @param cx enclosing circle centre x
   * @param cy enclosing circle centre y
   * @param r enclosing circle radius; 0 gives NaN for every moment
   * @param pairs the (n, m) pairs of {@link #indices}
   * @return one magnitude per pair
   */
  public static double[] moments(double[] xs, double[] ys, double cx, double cy, double r, List<int[]> pairs) {
    double[] out = new double[pairs.size()];
    if (!(r > 0)) {
      java.util.Arrays.fill(out, Double.NaN);
      return out;
    }
    int maxN = 0;
    for (int[] p : pairs) {
      maxN = Math.max(maxN, p[0]);
    }
    int np = pairs.size();
    int[] ns = new int[np];
    int[] ms = new int[np];
    double[][] coef = new double[np][];
    for (int i = 0; i < np; i++) {
      ns[i] = pairs.get(i)[0];
      ms[i] = pairs.get(i)[1];
      coef[i] = radialCoefficients(ns[i], ms[i]);
    }
    double[] re = new double[np];
    double[] im = new double[np];
    // Pixels in blocks; per block, each pixel's powers of rho and cos/sin of m theta are stored by
    // power in rows of CHUNK, and each pair then sweeps the block's pixels in order. re[i] and im[i]
    // receive the same terms in the same order as in a pixel-by-pixel loop over the pairs, and every
    // term is computed by the same operations, so the moments are bit-identical to that loop; the
    // sweeps run along contiguous rows.
    int stride = CHUNK;
    double[] rho = new double[stride];
    double[] c1 = new double[stride];
    double[] s1 = new double[stride];
    double[] rhoPow = new double[(maxN + 1) * stride];
    double[] cosM = new double[(maxN + 1) * stride];
    double[] sinM = new double[(maxN + 1) * stride];
    double[] radial = new double[stride];
    java.util.Arrays.fill(rhoPow, 0, stride, 1.0);
    java.util.Arrays.fill(cosM, 0, stride, 1.0);
    for (int p0 = 0; p0 < xs.length; p0 += stride) {
      int len = Math.min(stride, xs.length - p0);
      for (int q = 0; q < len; q++) {
        double dx = (xs[p0 + q] - cx) / r;
        double dy = (ys[p0 + q] - cy) / r;
        double rq = Math.sqrt(dx * dx + dy * dy);
        rho[q] = rq;
        c1[q] = rq > 0 ? dx / rq : 1;
        s1[q] = rq > 0 ? dy / rq : 0;
      }
      for (int k = 1; k <= maxN; k++) {
        int at = k * stride;
        int before = at - stride;
        for (int q = 0; q < len; q++) {
          rhoPow[at + q] = rhoPow[before + q] * rho[q];
          cosM[at + q] = cosM[before + q] * c1[q] - sinM[before + q] * s1[q];
          sinM[at + q] = sinM[before + q] * c1[q] + cosM[before + q] * s1[q];
        }
      }
      for (int i = 0; i < np; i++) {
        double[] c = coef[i];
        java.util.Arrays.fill(radial, 0, len, 0.0);
        for (int k = 0; k < c.length; k++) {
          double ck = c[k];
          int pow = (ns[i] - 2 * k) * stride;
          for (int q = 0; q < len; q++) {
            radial[q] += ck * rhoPow[pow + q];
          }
        }
        int m = ms[i] * stride;
        double sumRe = re[i];
        double sumIm = im[i];
        for (int q = 0; q < len; q++) {
          sumRe += radial[q] * cosM[m + q];
          sumIm += radial[q] * sinM[m + q];
        }
        re[i] = sumRe;
        im[i] = sumIm;
      }
    }
    double area = Math.PI * r * r;
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.hypot(re[i], im[i]) / area;
    }
    return out;
  }
}
