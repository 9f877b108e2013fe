package org.brightpaint.features.measure;

import java.util.Arrays;

/**
 * A symmetric grey-level co-occurrence matrix (GLCM) with sparse accumulation, and Haralick's 13
 * texture features computed from it exactly as mahotas 1.4 ({@code mahotas.features.haralick},
 * used by CellProfiler 4.0.6 MeasureTexture) defines them.
 *
 * <p>Accumulation: {@link #add(int, int)} records one ordered pixel pair (a, b); the matrix the
 * features see is the symmetric {@code M = C + C^T} of the ordered counts {@code C}, so a pair
 * (a, b) adds 1 to M[a][b] and to M[b][a], and a pair (a, a) adds 2 to M[a][a]. Only the touched
 * cells are stored and visited, so an object with few distinct grey-level pairs costs little,
 * whatever the number of levels. One instance is reusable ({@link #clear()}) and not thread-safe.
 *
 * <p>Features, with {@code p = M / sum(M)}, {@code px = py} the marginal, {@code p_{x+y}(k)} and
 * {@code p_{x-y}(k)} the sums of p over {@code i+j = k} and {@code |i-j| = k}, entropies
 * {@code H(q) = -sum q log2 q} with {@code 0 log 0 = 0}:
 *
 * <ol>
 *   <li>AngularSecondMoment = sum p^2
 *   <li>Contrast = sum_k k^2 p_{x-y}(k)
 *   <li>Correlation = (sum ij p - ux uy) / (sx sy); 1 when sx or sy is 0
 *   <li>Variance = sum_k k^2 px(k) - ux^2
 *   <li>InverseDifferenceMoment = sum p / (1 + (i-j)^2)
 *   <li>SumAverage = sum_k k p_{x+y}(k)
 *   <li>SumVariance = sum_k k^2 p_{x+y}(k) - SumAverage^2
 *   <li>SumEntropy = H(p_{x+y})
 *   <li>Entropy = H(p) (called HXY below)
 *   <li>DifferenceVariance = population variance of the vector p_{x-y}(0 .. size-1) itself
 *       (mahotas' default, not the variance of |i-j|); size = largest grey value + 1
 *   <li>DifferenceEntropy = H(p_{x-y})
 *   <li>InfoMeas1 = (HXY - HXY1) / max(HX, HY), or HXY - HXY1 when max(HX, HY) = 0, with HXY1 =
 *       -sum p log2(px py)
 *   <li>InfoMeas2 = sqrt(max(0, 1 - exp(-2 (HXY2 - HXY)))), HXY2 = -sum px py log2(px py)
 * </ol>
 *
 * <p>Because M is symmetric, HXY1 = HXY2 = HX + HY exactly; they are computed that way (from the
 * marginal), which differs from mahotas' direct sums only by rounding. An empty matrix has no
 * features: {@link #haralick(int)} returns 13 NaN (mahotas raises).
 *
 * <p>References: Haralick RM, Shanmugam K, Dinstein I (1973) Textural features for image
 * classification. IEEE Trans SMC 3(6):610-621, https://doi.org/10.1109/TSMC.1973.4309314; Coelho LP
 * (2013) Mahotas: open source software for scriptable computer vision. J Open Res Softw 1(1):e3,
 * https://doi.org/10.5334/jors.ac.
 */
public final class Glcm {
  /** Number of Haralick features. */
  public static final int FEATURES = 13;

  private static final int LOG_TABLE = 1 << 17;
  private static final double[] NLOG2N = new double[LOG_TABLE];
  private static final double INV_LN2 = 1.0 / Math.log(2.0);

  static {
    for (int n = 1; n < LOG_TABLE; n++) {
      NLOG2N[n] = n * Math.log(n) * INV_LN2;
    }
  }

  private final int levels;
  private final int shift;
  private final int lowMask;
  private final double[] idmWeight;
  private final int[] counts;
  /**
   * The second ordered table of {@link #addImagePairs}; null in a matrix made by {@link #create}.
   * (Allocated here, not lazily in addImagePairs: that made its compiled loop about 30% slower.)
   */
  private final int[] oddCounts;
  private final int[] touched;
  private int nTouched;
  private long pairs;
  private final long[] row;
  private final long[] plus;
  private final long[] minus;

  private Glcm(int levels, boolean imagePairs) {
    if (levels < 2 || levels > 1024) {
      throw new IllegalArgumentException("GLCM levels must be in 2..1024, got " + levels);
    }
    this.levels = levels;
    this.shift = 32 - Integer.numberOfLeadingZeros(levels - 1);
    this.lowMask = (1 << shift) - 1;
    this.idmWeight = new double[levels];
    for (int d = 0; d < levels; d++) {
      idmWeight[d] = 2.0 / (1.0 + (double) d * d);
    }
    this.counts = new int[1 << (2 * shift)];
    this.oddCounts = imagePairs ? new int[counts.length] : null;
    this.touched = new int[levels * levels];
    this.row = new long[levels];
    this.plus = new long[2 * levels];
    this.minus = new long[levels];
  }

  /**
   * An empty matrix for grey values {@code 0 .. levels-1}.
   *
   * @param levels the number of grey levels, 2..1024
   * @return the matrix
   */
  public static Glcm create(int levels) {
    return new Glcm(levels, false);
  }

  /**
   * An empty matrix for the pairs of one image ({@link #addImagePairs}), the image checked once for
   * every displacement.
   *
   * @param grey row-major grey values in {@code 0..levels-1}, {@code width * height} of them
   * @param width columns
   * @param height rows
   * @param levels the number of grey levels, 2..1024
   * @return the matrix
   * @throws IllegalArgumentException on a size mismatch or a value outside {@code 0..levels-1}
   */
  static Glcm forImage(int[] grey, int width, int height, int levels) {
    Glcm g = new Glcm(levels, true);
    g.checkImage(grey, width, height);
    return g;
  }

  /**
   * The GLCM of a whole grey-level image for one displacement, as mahotas' {@code cooccurence(f,
   * direction, symmetric=True, distance)}: every pixel (x, y) with (x + dx, y + dy) inside the
   * image contributes the pair (f(x, y), f(x + dx, y + dy)).
   *
   * @param grey row-major grey values in {@code 0..levels-1}, {@code width * height} of them
   * @param width columns
   * @param height rows
   * @param dy row displacement
   * @param dx column displacement
   * @param levels number of grey levels
   * @param ignoreZeros drop pairs where either value is 0 (mahotas' {@code ignore_zeros})
   * @return the matrix
   */
  public static Glcm of(int[] grey, int width, int height, int dy, int dx, int levels, boolean ignoreZeros) {
    if (!ignoreZeros) {
      Glcm g = forImage(grey, width, height, levels);
      g.addImagePairs(grey, width, height, dy, dx);
      return g;
    }
    Glcm g = new Glcm(levels, false);
    g.checkImage(grey, width, height);
    for (int y = Math.max(0, -dy); y < Math.min(height, height - dy); y++) {
      for (int x = Math.max(0, -dx); x < Math.min(width, width - dx); x++) {
        int a = grey[y * width + x];
        int b = grey[(y + dy) * width + x + dx];
        if (a != 0 && b != 0) {
          g.add(a, b);
        }
      }
    }
    return g;
  }

  /**
   * @param grey row-major grey values
   * @param width columns
   * @param height rows
   * @throws IllegalArgumentException on a size mismatch or a value outside {@code 0..levels-1}
   */
  private void checkImage(int[] grey, int width, int height) {
    if (grey.length != (long) width * height) {
      throw new IllegalArgumentException(
          "Grey image of " + width + " x " + height + " needs " + ((long) width * height) + " values, got " + grey.length);
    }
    for (int v : grey) {
      if (v < 0 || v >= levels) {
        throw new IllegalArgumentException("Grey value " + v + " outside 0.." + (levels - 1));
      }
    }
  }

  /**
   * Adds the pairs of {@link #of} without {@code ignoreZeros} to this matrix, one made by {@link
   * #forImage} for this image.
   *
   * <p>The result is exactly that of calling {@link #add} for every pair in raster order: the same
   * counts and the same first-occurrence order of the unordered cells ({@code touched}, the order in
   * which {@link #haralick} sums). It is computed faster: each pair increments the ORDERED cell
   * {@code (a << shift) | b} (no min/max), pairs at even and odd columns of a row in two separate
   * tables ({@code counts} and {@code oddCounts}, so that runs of one pair, common in a dark
   * background, do not chain every increment on the previous one), and the pair count is the
   * number of positions. An unordered cell {a, b} is new exactly when, right after the increment
   * that made an ordered table cell 1, the counts of (a, b) and (b, a) over both tables, plus the
   * unordered count recorded before this call (stored at one of those two cells), sum to 1; it is
   * then appended to {@code touched} at the same position {@link #add} would have appended it. At the
   * end, every touched cell's ordered counts (four, two on the diagonal) are folded into its
   * unordered cell {@code (min << shift) | max} and the others zeroed, which restores the state
   * {@link #add} leaves.
   */
  void addImagePairs(int[] grey, int width, int height, int dy, int dx) {
    int x0 = Math.max(0, -dx);
    int x1 = Math.min(width, width - dx);
    int y0 = Math.max(0, -dy);
    int y1 = Math.min(height, height - dy);
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    int[] even = counts;
    int[] odd = oddCounts;
    int s = shift;
    for (int y = y0; y < y1; y++) {
      int i = y * width;
      int j = (y + dy) * width + dx;
      int x = x0;
      for (; x + 1 < x1; x += 2) {
        int a = grey[i + x];
        int b = grey[j + x];
        if (even[(a << s) | b]++ == 0) {
          firstOrdered(a, b);
        }
        a = grey[i + x + 1];
        b = grey[j + x + 1];
        if (odd[(a << s) | b]++ == 0) {
          firstOrdered(a, b);
        }
      }
      if (x < x1) {
        int a = grey[i + x];
        int b = grey[j + x];
        if (even[(a << s) | b]++ == 0) {
          firstOrdered(a, b);
        }
      }
    }
    for (int t = 0; t < nTouched; t++) {
      int key = touched[t];
      int a = key >>> s;
      int b = key & lowMask;
      int c = even[key] + odd[key];
      odd[key] = 0;
      if (a != b) {
        int reverse = (b << s) | a;
        c += even[reverse] + odd[reverse];
        even[reverse] = 0;
        odd[reverse] = 0;
      }
      even[key] = c;
    }
    pairs += (long) (y1 - y0) * (x1 - x0);
  }

  /**
   * Called by {@link #addImagePairs} when an ordered cell (a, b) of one of its tables has just
   * become 1: appends the unordered cell when this is its first pair (see there).
   */
  private void firstOrdered(int a, int b) {
    int key = (a << shift) | b;
    int c = counts[key] + oddCounts[key];
    if (a != b) {
      int reverse = (b << shift) | a;
      c += counts[reverse] + oddCounts[reverse];
    }
    if (c == 1) {
      touched[nTouched++] = (Math.min(a, b) << shift) | Math.max(a, b);
    }
  }

  /** Empties the matrix (cost proportional to the touched cells). */
  public void clear() {
    for (int i = 0; i < nTouched; i++) {
      counts[touched[i]] = 0;
    }
    nTouched = 0;
    pairs = 0;
  }

  /**
   * Records one ordered pixel pair.
   *
   * <p>Without a branch on whether the cell is new (unpredictable in a textured object, where most
   * pairs can be new): the key is always written at {@code touched[nTouched]}, which always exists
   * (at most {@code levels (levels + 1) / 2 < levels^2} cells), and {@code nTouched} advances only
   * for a new cell, so the first-occurrence order is that of the branching form.
   *
   * @param a grey value of the pixel, {@code 0..levels-1}
   * @param b grey value of its displaced neighbour
   */
  public void add(int a, int b) {
    int key = (Math.min(a, b) << shift) | Math.max(a, b);
    int c = counts[key];
    counts[key] = c + 1;
    touched[nTouched] = key;
    nTouched += c == 0 ? 1 : 0;
    pairs++;
  }

  /** @return the number of recorded pairs (half the sum of the symmetric matrix) */
  public long pairCount() {
    return pairs;
  }

  /** @return the number of grey levels */
  public int levels() {
    return levels;
  }

  /**
   * The recorded cells in the order {@link #haralick} visits them (first occurrence), for tests of
   * that order.
   *
   * @return per cell {smaller grey value, larger grey value, number of pairs}
   */
  int[][] cells() {
    int[][] out = new int[nTouched][];
    for (int t = 0; t < nTouched; t++) {
      int key = touched[t];
      out[t] = new int[] {key >>> shift, key & lowMask, counts[key]};
    }
    return out;
  }

  /**
   * The dense symmetric matrix {@code C + C^T}, for inspection and tests.
   *
   * @return {@code levels x levels} counts
   */
  public long[][] symmetricMatrix() {
    long[][] m = new long[levels][levels];
    for (int t = 0; t < nTouched; t++) {
      int key = touched[t];
      int a = key >>> shift;
      int b = key & lowMask;
      int c = counts[key];
      if (a == b) {
        m[a][a] += 2L * c;
      } else {
        m[a][b] += c;
        m[b][a] += c;
      }
    }
    return m;
  }

  /**
   * Haralick's 13 features of this matrix.
   *
   * @param size mahotas' matrix size: the largest grey value of the measured region + 1 (only
   *     DifferenceVariance depends on it); must exceed every recorded grey value
   * @return the 13 features in {@link FeatureNames#HARALICK} order; all NaN when the matrix is empty
   */
  public double[] haralick(int size) {
    double[] out = new double[FEATURES];
    haralick(size, out, 0);
    return out;
  }

  /**
   * Haralick's 13 features into {@code out[offset .. offset + 13)}.
   *
   * @param size the largest grey value of the region + 1
   * @param out destination
   * @param offset first index written
   */
  public void haralick(int size, double[] out, int offset) {
    if (pairs == 0) {
      Arrays.fill(out, offset, offset + FEATURES, Double.NaN);
      return;
    }
    int lo = Integer.MAX_VALUE;
    int hi = -1;
    double sumSq = 0;
    double sumIJ = 0;
    double idm = 0;
    double mlogm = 0;
    int matrixNz = 0;
    for (int t = 0; t < nTouched; t++) {
      int key = touched[t];
      int a = key >>> shift;
      int b = key & lowMask;
      long c = counts[key];
      if (a < lo) {
        lo = a;
      }
      if (b > hi) {
        hi = b;
      }
      int d = b - a;
      if (d == 0) {
        long m = 2 * c;
        sumSq += (double) m * m;
        row[a] += m;
        sumIJ += (double) a * a * m;
        mlogm += nlog2n(m);
        matrixNz++;
      } else {
        sumSq += 2.0 * c * c;
        row[a] += c;
        row[b] += c;
        sumIJ += 2.0 * a * b * c;
        mlogm += 2 * nlog2n(c);
        matrixNz += 2;
      }
      plus[a + b] += 2 * c;
      minus[d] += 2 * c;
      idm += idmWeight[d] * c;
    }
    if (hi >= size) {
      clearMarginals(lo, hi);
      throw new IllegalArgumentException("GLCM size " + size + " must exceed the largest grey value " + hi);
    }
    double total = 2.0 * pairs;
    double logT = Math.log(total) * INV_LN2;
    // marginal px = py
    double sk = 0;
    double sk2 = 0;
    double rowLog = 0;
    int rowNz = 0;
    for (int k = lo; k <= hi; k++) {
      long r = row[k];
      if (r != 0) {
        rowNz++;
        sk += (double) k * r;
        sk2 += (double) k * k * r;
        rowLog += nlog2n(r);
      }
    }
    double ux = sk / total;
    double vx = sk2 / total - ux * ux;
    double sx = Math.sqrt(vx);
    double hx = entropy(logT, rowLog, total, rowNz);
    // p_{x+y}
    double pk = 0;
    double pk2 = 0;
    double plusLog = 0;
    int plusNz = 0;
    for (int k = 2 * lo; k <= 2 * hi; k++) {
      long v = plus[k];
      if (v != 0) {
        plusNz++;
        pk += (double) k * v;
        pk2 += (double) k * k * v;
        plusLog += nlog2n(v);
      }
    }
    // p_{x-y}
    double contrast = 0;
    double minusLog = 0;
    double minusSum = 0;
    int minusNz = 0;
    int span = hi - lo;
    for (int k = 0; k <= span; k++) {
      long v = minus[k];
      if (v != 0) {
        minusNz++;
        contrast += (double) k * k * v;
        minusLog += nlog2n(v);
        minusSum += v / total;
      }
    }
    double mean = minusSum / size;
    double ss = 0;
    for (int k = 0; k <= span; k++) {
      double dv = minus[k] / total - mean;
      ss += dv * dv;
    }
    ss += (double) (size - span - 1) * mean * mean;
    clearMarginals(lo, hi);

    double hxy = entropy(logT, mlogm, total, matrixNz);
    double sumAverage = pk / total;
    double hxy1 = 2 * hx;
    double hxy2 = 2 * hx;
    out[offset] = sumSq / (total * total);
    out[offset + 1] = contrast / total;
    out[offset + 2] = (sx == 0.0) ? 1.0 : (sumIJ / total - ux * ux) / (sx * sx);
    out[offset + 3] = vx;
    out[offset + 4] = idm / total;
    out[offset + 5] = sumAverage;
    out[offset + 6] = pk2 / total - sumAverage * sumAverage;
    out[offset + 7] = entropy(logT, plusLog, total, plusNz);
    out[offset + 8] = hxy;
    out[offset + 9] = ss / size;
    out[offset + 10] = entropy(logT, minusLog, total, minusNz);
    out[offset + 11] = hx == 0.0 ? hxy - hxy1 : (hxy - hxy1) / hx;
    out[offset + 12] = Math.sqrt(Math.max(0.0, 1.0 - Math.exp(-2.0 * (hxy2 - hxy))));
  }

  private void clearMarginals(int lo, int hi) {
    Arrays.fill(row, lo, hi + 1, 0L);
    Arrays.fill(plus, 2 * lo, 2 * hi + 1, 0L);
    Arrays.fill(minus, 0, hi - lo + 1, 0L);
  }

  /** H = log2 T - sum n log2 n / T, exactly 0 for a single non-zero cell as in mahotas. */
  private static double entropy(double logT, double sumNlogN, double total, int nonZero) {
    return nonZero <= 1 ? 0.0 : logT - sumNlogN / total;
  }

  private static double nlog2n(long n) {
    return n < LOG_TABLE ? NLOG2N[(int) n] : n * Math.log(n) * INV_LN2;
  }
}
