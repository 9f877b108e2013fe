package org.brightpaint.eval;

/**
 * Calibration of per-cell posteriors: the probability integral transform {@code PIT = F_post(y)}
 * of the real value under the posterior's {@link Kde} distribution function, the share of real
 * values inside the posterior's central intervals, and the PIT histogram. A calibrated model's
 * PIT values are uniform on [0, 1], so its central {@code l} interval (PIT in
 * {@code [(1 - l)/2, (1 + l)/2]}) holds a share {@code l} of the real values; an over-confident
 * model's PIT piles up at 0 and 1 (U shape), an under-confident one's in the middle.
 */
public final class PosteriorCalibration {
  private PosteriorCalibration() {}

  /**
   * @param posterior the cell's posterior
   * @param real the real value
   * @return {@code F_post(y)} in [0, 1]
   */
  public static double pit(Kde posterior, double real) {
    return posterior.cdf(real);
  }

  /**
   * @param pits PIT values
   * @param level the central interval's nominal probability in (0, 1), e.g. 0.5 or 0.9
   * @return the share of values with {@code |PIT - 1/2| <= level / 2}; NaN when empty
   */
  public static double coverage(double[] pits, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("Interval level must be in (0, 1), got " + level);
    }
    if (pits.length == 0) {
      return Double.NaN;
    }
    int in = 0;
    for (double p : pits) {
      if (Math.abs(p - 0.5) <= level / 2) {
        in++;
      }
    }
    return (double) in / pits.length;
  }

  /**
   * @param pits PIT values in [0, 1]
   * @param bins number of equal-width bins, &gt; 0
   * @return the share of values per bin (bin b holds [b/bins, (b+1)/bins), the last includes 1)
   */
  public static double[] histogram(double[] pits, int bins) {
    if (bins <= 0) {
      throw new IllegalArgumentException("PIT histogram needs bins > 0, got " + bins);
    }
    double[] h = new double[bins];
    for (double p : pits) {
      h[Math.min(bins - 1, Math.max(0, (int) Math.floor(p * bins)))]++;
    }
    for (int b = 0; b < bins && pits.length > 0; b++) {
      h[b] /= pits.length;
    }
    return h;
  }
}
