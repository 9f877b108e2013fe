package org.brightpaint.features.measure;

/**
 * Costes' automatic thresholds and the Manders coefficients above them, as CellProfiler's
 * MeasureColocalization (module revision 5, the one CPJUMP1's 4.0.6 pipeline was saved with)
 * computes them within objects: {@code Correlation_Costes_A_B} and {@code Correlation_Costes_B_A}.
 *
 * <p>Thresholds, from the WHOLE images f and s (every pixel, not only object pixels:
 * {@code measurecolocalization.py} {@code run_image_pair_objects} passes {@code fi =
 * first_pixel_data[mask]} with the image mask):
 * <ol>
 *   <li>orthogonal regression over pixels where f &gt; 0 or s &gt; 0: sample variances
 *       (ddof 1) vx, vy, vz of f, s and f + s, {@code cov = (vz - vx - vy) / 2}, slope {@code a =
 *       (vy - vx + sqrt((vy - vx)^2 + 4 cov^2)) / (2 cov)}, {@code b = mean s - a mean f};</li>
 *   <li>a candidate threshold t for f (and {@code a t + b} for s) is acceptable while the Pearson
 *       r of the pixels with f &lt; t or s &lt; a t + b is positive;</li>
 *   <li>{@link Method#ACCURATE} ({@code linear_costes}): t starts one step (1/scale) above the
 *       larger maximum, is lowered by one step while both thresholds are above both maxima, then
 *       one step at a time until r &lt;= 0 (r is recomputed only when the pixel count changes);
 *       the threshold is the last t tried. {@link Method#FAST} is the same with steps of 10, 5, 2
 *       while r &gt; 0.45, 0.35, 0.25 and t is at least 10 steps;</li>
 *   <li>{@link Method#FASTER} ({@code bisection_costes}): integer candidates m in a window
 *       [left, right] = [1, scale], tried at 5/6 of the window ({@code (right - left) // 1.2 +
 *       left}, halves once the window is at most 6 wide): r &lt; 0 (or at most 2 pixels, or r
 *       undefined) moves left to m - 1, r &gt;= 0 moves right to m + 1 and records m; the
 *       threshold is {@code (last recorded m - 1) / scale}.</li>
 * </ol>
 * Python's float floor division ({@code //}) and scipy's {@code pearsonr} conventions (NaN for
 * constant input, +-1 for two points, an error for fewer) are reproduced.
 *
 * <p>Per object: {@code C1 = sum f over (f > tf and s > ts) / sum f over (f >= tf)}, {@code C2}
 * mirrored (CellProfiler's mix of {@code >} and {@code >=}); 0 for every object when no object
 * pixel has both above; 0/0 = NaN for an object with no pixel at or above the threshold.
 *
 * <p>References: Costes SV et al. (2004) Automatic and quantitative measurement of protein-protein
 * colocalization in live cells, Biophys J 86(6):3993-4003, https://doi.org/10.1529/biophysj.103.038422;
 * CellProfiler {@code modules/measurecolocalization.py} ({@code linear_costes},
 * {@code bisection_costes}, {@code run_image_pair_objects}).
 */
public final class Costes {
  private Costes() {}

  /** CellProfiler's "Method for Costes thresholding". */
  public enum Method {
    /** Costes not measured ("Calculate the Manders coefficients using Costes auto threshold?: No"). */
    OFF,
    /** "Fast": linear search with larger steps while r is far from 0. */
    FAST,
    /** "Faster": the modified bisection. */
    FASTER,
    /** "Accurate": linear search, one step at a time. */
    ACCURATE
  }

  /**
   * The two thresholds.
   *
   * @param first threshold on the first image
   * @param second threshold on the second image ({@code a first + b})
   */
  public record Thresholds(double first, double second) {}

  /**
   * Costes' thresholds of two whole images.
   *
   * @param f first image, every pixel
   * @param s second image, same length
   * @param scale the images' scale (CellProfiler's {@code image.scale}: 65535 for 16-bit, 255
   *     for 8-bit), the step is 1/scale
   * @param method FAST, FASTER or ACCURATE
   * @return the thresholds
   */
  public static Thresholds thresholds(float[] f, float[] s, double scale, Method method) {
    if (method == Method.OFF) {
      throw new IllegalArgumentException("Costes thresholds need a method, got OFF");
    }
    double[] ab = regression(f, s);
    return method == Method.FASTER ? bisection(f, s, scale, ab[0], ab[1]) : linear(f, s, scale, ab[0], ab[1], method);
  }

  /** Orthogonal regression slope a and intercept b over pixels where either image is &gt; 0. */
  static double[] regression(float[] f, float[] s) {
    int n = 0;
    double mx = 0;
    double my = 0;
    for (int p = 0; p < f.length; p++) {
      if (f[p] > 0 || s[p] > 0) {
        n++;
        mx += f[p];
        my += s[p];
      }
    }
    mx /= n;
    my /= n;
    double mz = mx + my;
    double vx = 0;
    double vy = 0;
    double vz = 0;
    double sz = 0;
    for (int p = 0; p < f.length; p++) {
      if (f[p] > 0 || s[p] > 0) {
        sz += (double) f[p] + s[p];
      }
    }
    mz = sz / n;
    for (int p = 0; p < f.length; p++) {
      if (f[p] > 0 || s[p] > 0) {
        double dx = f[p] - mx;
        double dy = s[p] - my;
        double dz = ((double) f[p] + s[p]) - mz;
        vx += dx * dx;
        vy += dy * dy;
        vz += dz * dz;
      }
    }
    vx /= n - 1;
    vy /= n - 1;
    vz /= n - 1;
    double cov = 0.5 * (vz - (vx + vy));
    double a = ((vy - vx) + Math.sqrt((vy - vx) * (vy - vx) + 4 * (cov * cov))) / (2 * cov);
    return new double[] {a, my - a * mx};
  }

  private static Thresholds linear(float[] f, float[] s, double scale, double a, double b, Method m) {
    double step = 1 / scale;
    double fMax = max(f);
    double sMax = max(s);
    double i = step * (floorDiv(Math.max(fMax, sMax), step) + 1);
    int numTrue = -1;
    double r = pearsonOrThrow(f, s, null);
    double tf = i;
    double ts = a * i + b;
    while (i > fMax && a * i + b > sMax) {
      i -= step;
    }
    boolean[] below = new boolean[f.length];
    while (i > step) {
      tf = i;
      ts = a * i + b;
      int count = below(f, s, tf, ts, below);
      if (count != numTrue) {
        if (count < 2) {
          break; // pearsonr raises ValueError: CellProfiler stops
        }
        r = pearsonOrThrow(f, s, below);
        numTrue = count;
      }
      if (r <= 0) {
        break;
      } else if (m == Method.ACCURATE || i < step * 10) {
        i -= step;
      } else if (r > 0.45) {
        i -= step * 10;
      } else if (r > 0.35) {
        i -= step * 5;
      } else if (r > 0.25) {
        i -= step * 2;
      } else {
        i -= step;
      }
    }
    return new Thresholds(tf, ts);
  }

  private static Thresholds bisection(float[] f, float[] s, double scale, double a, double b) {
    double left = 1;
    double right = scale;
    double mid = floorDiv(right - left, 6.0 / 5) + left;
    double lastMid = 0;
    double valid = 1;
    boolean[] below = new boolean[f.length];
    while (lastMid != mid) {
      double tf = mid / scale;
      double ts = a * tf + b;
      int count = below(f, s, tf, ts, below);
      if (count <= 2) {
        left = mid - 1;
      } else {
        double r = pearsonOrThrow(f, s, below);
        if (r < 0) {
          left = mid - 1;
        } else if (r >= 0) {
          right = mid + 1;
          valid = mid;
        }
      }
      lastMid = mid;
      mid = right - left > 6 ? floorDiv(right - left, 6.0 / 5) + left : floorDiv(right - left, 2) + left;
    }
    double tf = (valid - 1) / scale;
    return new Thresholds(tf, a * tf + b);
  }

  private static int below(float[] f, float[] s, double tf, double ts, boolean[] out) {
    int c = 0;
    for (int p = 0; p < f.length; p++) {
      out[p] = f[p] < tf || s[p] < ts;
      if (out[p]) {
        c++;
      }
    }
    return c;
  }

  /**
   * scipy.stats.pearsonr over the selected pixels (all when {@code sel} is null): NaN when either
   * is constant (checked first, as scipy does), sign(dx) sign(dy) for two points.
   *
   * @throws IllegalArgumentException for fewer than two pixels (scipy's ValueError)
   */
  static double pearsonOrThrow(float[] f, float[] s, boolean[] sel) {
    int n = 0;
    double mx = 0;
    double my = 0;
    boolean constX = true;
    boolean constY = true;
    float x0 = Float.NaN;
    float y0 = Float.NaN;
    double[] first = new double[4];
    for (int p = 0; p < f.length; p++) {
      if (sel != null && !sel[p]) {
        continue;
      }
      if (n == 0) {
        x0 = f[p];
        y0 = s[p];
      } else {
        constX &= f[p] == x0;
        constY &= s[p] == y0;
      }
      if (n < 2) {
        first[2 * n] = f[p];
        first[2 * n + 1] = s[p];
      }
      n++;
      mx += f[p];
      my += s[p];
    }
    if (n < 2) {
      throw new IllegalArgumentException("x and y must have length at least 2");
    }
    if (constX || constY) {
      return Double.NaN;
    }
    if (n == 2) {
      return Math.signum(first[2] - first[0]) * Math.signum(first[3] - first[1]);
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int p = 0; p < f.length; p++) {
      if (sel != null && !sel[p]) {
        continue;
      }
      double dx = f[p] - mx;
      double dy = s[p] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
    return Math.max(-1, Math.min(1, r));
  }

  /** Python's float {@code a // b} (floatobject.c {@code float_floor_div}), for b &gt; 0. */
  static double floorDiv(double a, double b) {
    double mod = a % b; // C fmod
    double div = (a - mod) / b;
    if (mod != 0 && (b < 0) != (mod < 0)) {
      div -= 1.0;
    }
    if (div != 0) {
      double fl = Math.floor(div);
      if (div - fl > 0.5) {
        fl += 1.0;
      }
      return fl;
    }
    return Math.copySign(0.0, a / b);
  }

  private static double max(float[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (float x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * C1 and C2 per object (see the class comment).
   *
   * @param f first image
   * @param s second image
   * @param idx the objects' pixels
   * @param t the thresholds
   * @return {C1, C2}, one value per object
   */
  static double[][] coefficients(float[] f, float[] s, ObjectIndex idx, Thresholds t) {
    int n = idx.count;
    double[][] out = new double[2][n];
    boolean anyBoth = false;
    for (int p : idx.pixels) {
      if (f[p] > t.first() && s[p] > t.second()) {
        anyBoth = true;
        break;
      }
    }
    if (!anyBoth) {
      return out;
    }
    for (int o = 0; o < n; o++) {
      double totF = 0;
      double totS = 0;
      double bothF = 0;
      double bothS = 0;
      for (int k = idx.start[o]; k < idx.start[o + 1]; k++) {
        int p = idx.pixels[k];
        if (f[p] >= t.first()) {
          totF += f[p];
        }
        if (s[p] >= t.second()) {
          totS += s[p];
        }
        if (f[p] > t.first() && s[p] > t.second()) {
          bothF += f[p];
          bothS += s[p];
        }
      }
      out[0][o] = bothF / totF;
      out[1][o] = bothS / totS;
    }
    return out;
  }
}
