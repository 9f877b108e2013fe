package org.brightpaint.eval;

/**
 * Information gain of a per-cell posterior over the population, the proper scoring rule of
 * Tonks et al., "A Proper Scoring Rule for Virtual Staining" (arXiv:2602.23305, 2026):
 * <pre>
 * IG = log p_post(y) - log p_marg(y)      (nats)
 * </pre>
 * with {@code y} the real value of one feature of one cell, {@code p_post} the {@link Kde}
 * (Silverman bandwidth) of the K values a generator's K samples give that same cell, and
 * {@code p_marg} the {@link Kde} of the real values of that feature over all test cells. All
 * three are in standardised units (real test cells' mean and sd), where the bandwidth floor is
 * defined. IG &gt; 0: the model knows more about this cell than the population does; 0: no more;
 * &lt; 0: its posterior puts less mass on the truth than the population does.
 */
public final class InformationGain {
  private InformationGain() {}

  /**
   * @param samples the K sampled values of the cell (standardised), K &ge; 1
   * @param real the real value y (standardised)
   * @param marginal the population density of real values
   * @return IG in nats
   */
  public static double of(double[] samples, double real, Kde marginal) {
    return of(Kde.silverman(samples), real, marginal);
  }

  /**
   * @param posterior the cell's posterior density
   * @param real the real value y
   * @param marginal the population density
   * @return {@code log posterior(y) - log marginal(y)}
   */
  public static double of(Kde posterior, double real, Kde marginal) {
    return posterior.logDensity(real) - marginal.logDensity(real);
  }
}
