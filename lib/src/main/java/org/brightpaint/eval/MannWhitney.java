package org.brightpaint.eval;

/**
 * Mann-Whitney U test (Wilcoxon rank-sum) for two independent samples, two-sided.
 *
 * <p>{@code U1 = R1 - n1(n1+1)/2} with mid-ranks over the pooled sample. Exact when both samples
 * have at most {@value #EXACT_MAX_N} values and there are no ties (the null distribution of U
 * counted over all {@code C(n1+n2, n1)} rank assignments); otherwise the normal approximation with
 * tie-corrected variance {@code n1 n2/12 ((n+1) - sum(t^3-t)/(n(n-1)))}, no continuity correction.
 *
 * <p>Used for diagonal vs off-diagonal cells of the cross-cell-line matrices, where the samples
 * are different images and therefore not paired.
 *
 * <p>References: H. B. Mann, D. R. Whitney, Ann. Math. Statist. 18(1), 1947,
 * doi:10.1214/aoms/1177730491.
 */
public final class MannWhitney {
  /** Largest per-sample size for the exact distribution. */
  public static final int EXACT_MAX_N = 20;

  private MannWhitney() {}

  /**
   * @param x first sample, at least one value
   * @param y second sample, at least one value
   * @return the test result with statistic U of {@code x}
   */
  public static TestResult test(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("Mann-Whitney needs two non-empty samples, got " + x.length + " and " + y.length);
    }
    Checks.finite(x, "Mann-Whitney x");
    Checks.finite(y, "Mann-Whitney y");
    int n1 = x.length, n2 = y.length, n = n1 + n2;
    double[] all = new double[n];
    System.arraycopy(x, 0, all, 0, n1);
    System.arraycopy(y, 0, all, n1, n2);
    double[] r = Ranks.midRanks(all);
    double r1 = 0;
    for (int i = 0; i < n1; i++) r1 += r[i];
    double u1 = r1 - n1 * (n1 + 1) / 2.0;
    double ties = Ranks.tieTerm(all);
    if (ties == 0 && n1 <= EXACT_MAX_N && n2 <= EXACT_MAX_N) {
      return new TestResult("Mann-Whitney U (exact)", n, u1, Double.NaN, exactP(n1, n2, (int) Math.round(u1)));
    }
    double mean = n1 * (double) n2 / 2;
    double var = n1 * (double) n2 / 12.0 * ((n + 1) - ties / ((double) n * (n - 1)));
    double z = var > 0 ? (u1 - mean) / Math.sqrt(var) : 0;
    return new TestResult("Mann-Whitney U (normal approx.)", n, u1, z, Ranks.twoSidedNormal(z));
  }

  /** Exact two-sided p for U = u (frequencies of U by the recurrence f(m,n,u)=f(m-1,n,u-n)+f(m,n-1,u)). */
  static double exactP(int n1, int n2, int u) {
    int max = n1 * n2;
    // dp[j][s]: number of arrangements with i x's and j y's having U = s, iterate over i
    double[][] prev = new double[n2 + 1][max + 1];
    for (int j = 0; j <= n2; j++) prev[j][0] = 1; // i = 0
    for (int i = 1; i <= n1; i++) {
      double[][] cur = new double[n2 + 1][max + 1];
      cur[0][0] = 1;
      for (int j = 1; j <= n2; j++) {
        for (int s = 0; s <= i * j; s++) {
          // last element is an x (it beats all j y's) or a y
          double a = s - j >= 0 ? prev[j][s - j] : 0;
          double b = cur[j - 1][s];
          cur[j][s] = a + b;
        }
      }
      prev = cur;
    }
    double[] f = prev[n2];
    double total = 0, lower = 0, upper = 0;
    for (int s = 0; s <= max; s++) {
      total += f[s];
      if (s <= u) lower += f[s];
      if (s >= u) upper += f[s];
    }
    return Math.min(1, 2 * Math.min(lower, upper) / total);
  }
}
