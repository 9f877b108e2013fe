package org.brightpaint.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mean with a percentile bootstrap confidence interval: {@code resamples} resamples of the
 * values with replacement (seeded {@link SplittableRandom}, so the interval is reproducible), the
 * interval is the {@code (1 - level)/2} and {@code (1 + level)/2} quantiles of the resampled
 * means (B. Efron, R. Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, ch. 13). Used
 * over cells: each value is one cell's (mean) score, so the interval reflects cell-to-cell spread.
 *
 * @param mean the mean of the values (NaN when empty)
 * @param lower lower bound
 * @param upper upper bound
 * @param n number of values
 */
public record BootstrapMean(double mean, double lower, double upper, int n) {

  /** Resamples used by {@link #of(double[], long)}. */
  public static final int RESAMPLES = 1000;

  /** Level used by {@link #of(double[], long)}. */
  public static final double LEVEL = 0.95;

  /**
   * @param values the values (finite)
   * @param seed resampling seed
   * @return the mean with its 95 % percentile interval from 1000 resamples
   */
  public static BootstrapMean of(double[] values, long seed) {
    return of(values, RESAMPLES, LEVEL, seed);
  }

  /**
   * @param values the values (finite)
   * @param resamples number of resamples, &gt; 0
   * @param level the interval's probability in (0, 1)
   * @param seed resampling seed
   * @return the mean and interval; all NaN when there are no values
   */
  public static BootstrapMean of(double[] values, int resamples, double level, long seed) {
    int n = values.length;
    if (n == 0) {
      return new BootstrapMean(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double mean = Arrays.stream(values).sum() / n;
    SplittableRandom r = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[r.nextInt(n)];
      }
      means[b] = s / n;
    }
    Arrays.sort(means);
    return new BootstrapMean(mean, Kde.quantile(means, (1 - level) / 2), Kde.quantile(means, (1 + level) / 2), n);
  }
}
