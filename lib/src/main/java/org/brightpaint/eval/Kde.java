package org.brightpaint.eval;

import java.util.Arrays;

/**
 * A one-dimensional Gaussian kernel density estimate:
 * {@code p(x) = (1/n) sum_i phi((x - x_i) / h) / h}, {@code phi} the standard normal density,
 * and its distribution function {@code F(x) = (1/n) sum_i Phi((x - x_i) / h)}.
 *
 * <p>Bandwidth ({@link #silverman(double[])}): Silverman's rule of thumb (B. W. Silverman,
 * <i>Density Estimation for Statistics and Data Analysis</i>, 1986, eq. 3.31)
 * {@code h = 0.9 min(s, IQR / 1.34) n^(-1/5)}, with {@code s} the sample standard deviation
 * (n - 1 denominator) and {@code IQR} the interquartile range (linear interpolation between order
 * statistics); when the IQR is 0 but {@code s} is not, {@code s} is used alone; the result is
 * never below {@link #MIN_BANDWIDTH}. The rule is scale-equivariant; brightpaint applies it to
 * features standardised by the real cells' mean and sd, where {@link #MIN_BANDWIDTH} = 0.05 is 5 %
 * of the real population's spread (it only matters when the K samples (nearly) coincide).
 *
 * @param points the sample, finite, at least 1
 * @param bandwidth h &gt; 0
 */
public record Kde(double[] points, double bandwidth) {

  /** Smallest bandwidth the rule returns, in the (standardised) units of the points. */
  public static final double MIN_BANDWIDTH = 0.05;

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  /** Validates and copies. */
  public Kde {
    if (points == null || points.length == 0) {
      throw new IllegalArgumentException("A kernel density estimate needs at least one point");
    }
    points = points.clone();
    for (double p : points) {
      if (!Double.isFinite(p)) {
        throw new IllegalArgumentException("Kernel density points must be finite, got " + p);
      }
    }
    if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
      throw new IllegalArgumentException("Bandwidth must be finite and > 0, got " + bandwidth);
    }
  }

  /**
   * @param points the sample
   * @param bandwidth h
   * @return the estimate with that bandwidth
   */
  public static Kde of(double[] points, double bandwidth) {
    return new Kde(points, bandwidth);
  }

  /**
   * @param points the sample (standardised units), at least 1 finite value
   * @return the estimate with Silverman's bandwidth (see the class comment)
   */
  public static Kde silverman(double[] points) {
    return new Kde(points, silvermanBandwidth(points));
  }

  /**
   * @param points the sample
   * @return {@code max(0.9 min(s, IQR/1.34) n^(-1/5), MIN_BANDWIDTH)}
   */
  public static double silvermanBandwidth(double[] points) {
    int n = points.length;
    double mean = Arrays.stream(points).sum() / n;
    double ss = 0;
    for (double p : points) {
      ss += (p - mean) * (p - mean);
    }
    double s = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    double[] sorted = points.clone();
    Arrays.sort(sorted);
    double iqr = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.34;
    double spread = iqr > 0 ? Math.min(s, iqr) : s;
    return Math.max(0.9 * spread * Math.pow(n, -0.2), MIN_BANDWIDTH);
  }

  /**
   * @param sorted ascending values
   * @param q the probability in [0, 1]
   * @return the quantile by linear interpolation between order statistics (Hyndman-Fan type 7)
   */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * @param x where
   * @return {@code log p(x)}, by log-sum-exp so that far tails stay finite
   */
  public double logDensity(double x) {
    double max = Double.NEGATIVE_INFINITY;
    double[] t = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      double z = (x - points[i]) / bandwidth;
      t[i] = -0.5 * z * z;
      max = Math.max(max, t[i]);
    }
    double s = 0;
    for (double v : t) {
      s += Math.exp(v - max);
    }
    return max + Math.log(s / points.length) - LOG_SQRT_2PI - Math.log(bandwidth);
  }

  /**
   * @param x where
   * @return {@code p(x)}
   */
  public double density(double x) {
    return Math.exp(logDensity(x));
  }

  /**
   * @param x where
   * @return {@code F(x)} in [0, 1]
   */
  public double cdf(double x) {
    double s = 0;
    for (double p : points) {
      s += normalCdf((x - p) / bandwidth);
    }
    return s / points.length;
  }

  /**
   * Standard normal distribution function via the complementary error function (W. J. Cody's
   * rational approximation as in Numerical Recipes' {@code erfc}, relative error below 1.2e-7).
   *
   * @param z the argument
   * @return {@code Phi(z)}
   */
  static double normalCdf(double z) {
    double x = -z / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * Math.abs(x));
    double r = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    double erfc = x >= 0 ? r : 2 - r;
    return 0.5 * erfc;
  }
}
