package org.brightpaint.models.diffusion;

import java.util.Arrays;

/**
 * A discrete diffusion noise schedule: the variances beta_t of the forward process
 * q(x_t | x_{t-1}) = N(sqrt(1 - beta_t) x_{t-1}, beta_t I), t = 1..T, with the derived
 * alpha_t = 1 - beta_t and alpha-bar_t = prod_{s <= t} alpha_s, so that
 * q(x_t | x_0) = N(sqrt(alpha-bar_t) x_0, (1 - alpha-bar_t) I).
 *
 * <p>Arrays are indexed from 0: index {@code i} holds step {@code t = i + 1}. Values are kept in
 * double precision (the cumulative product loses digits in float).
 *
 * <p>References: Ho, Jain, Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020,
 * arXiv:2006.11239; Saharia et al., "Palette: Image-to-Image Diffusion Models", SIGGRAPH 2022,
 * doi:10.1145/3528233.3530757; Wang et al., "Semantic Image Synthesis via Diffusion Models",
 * arXiv:2207.00050.
 *
 * @param betas beta_t for t = 1..T, each in (0, 1)
 * @param alphas 1 - beta_t
 * @param alphaBars prod_{s <= t} alpha_s
 */
public record NoiseSchedule(double[] betas, double[] alphas, double[] alphaBars) {

  /** Validates lengths and ranges and copies the arrays. */
  public NoiseSchedule {
    if (betas == null || alphas == null || alphaBars == null) {
      throw new IllegalArgumentException("Noise schedule arrays must not be null");
    }
    if (betas.length == 0 || alphas.length != betas.length || alphaBars.length != betas.length) {
      throw new IllegalArgumentException(
          "Noise schedule arrays must be non-empty and of equal length, got "
              + betas.length + ", " + alphas.length + ", " + alphaBars.length);
    }
    for (int i = 0; i < betas.length; i++) {
      if (!(betas[i] > 0 && betas[i] < 1)) {
        throw new IllegalArgumentException("beta_" + (i + 1) + " = " + betas[i] + " is not in (0, 1)");
      }
    }
    betas = betas.clone();
    alphas = alphas.clone();
    alphaBars = alphaBars.clone();
  }

  /**
   * The linear schedule beta_t = start + (end - start) (t - 1) / (T - 1), as numpy's
   * {@code linspace(start, end, T)} in the DDPM, Palette and SDM code.
   *
   * @param steps T, at least 2
   * @param start beta_1
   * @param end beta_T
   * @return the schedule with alphas and alpha-bars
   */
  public static NoiseSchedule linear(int steps, double start, double end) {
    if (steps < 2) {
      throw new IllegalArgumentException("A linear schedule needs at least 2 steps, got " + steps);
    }
    if (!(start > 0 && end > 0 && start < 1 && end < 1)) {
      throw new IllegalArgumentException("Betas must lie in (0, 1), got " + start + " .. " + end);
    }
    double[] b = new double[steps];
    for (int i = 0; i < steps; i++) {
      b[i] = start + (end - start) * i / (steps - 1);
    }
    return fromBetas(b);
  }

  /**
   * A schedule from its betas.
   *
   * @param betas beta_t for t = 1..T
   * @return the schedule with alpha_t = 1 - beta_t and alpha-bar_t their running product
   */
  public static NoiseSchedule fromBetas(double[] betas) {
    double[] a = new double[betas.length];
    double[] ab = new double[betas.length];
    double prod = 1;
    for (int i = 0; i < betas.length; i++) {
      a[i] = 1 - betas[i];
      prod *= a[i];
      ab[i] = prod;
    }
    return new NoiseSchedule(betas, a, ab);
  }

  /** @return Palette's training schedule: linear, T = 2000, 1e-6 .. 0.01 */
  public static NoiseSchedule paletteTrain() {
    return linear(2000, 1e-6, 0.01);
  }

  /** @return Palette's sampling schedule: linear, T = 1000, 1e-4 .. 0.09 */
  public static NoiseSchedule paletteTest() {
    return linear(1000, 1e-4, 0.09);
  }

  /** @return SPADE-Diffusion's (and DDPM's) schedule: linear, T = 1000, 1e-4 .. 0.02 */
  public static NoiseSchedule spadeDiffusion() {
    return linear(1000, 1e-4, 0.02);
  }

  /** @return T, the number of diffusion steps */
  public int steps() {
    return betas.length;
  }

  /**
   * @param index 0-based step index (t - 1)
   * @return alpha-bar_t
   */
  public double alphaBar(int index) {
    return alphaBars[index];
  }

  /**
   * alpha-bar of the step before, with alpha-bar_0 = 1.
   *
   * @param index 0-based step index (t - 1)
   * @return alpha-bar_{t-1}
   */
  public double alphaBarPrev(int index) {
    return index == 0 ? 1.0 : alphaBars[index - 1];
  }

  /**
   * The variance of the forward-process posterior q(x_{t-1} | x_t, x_0):
   * beta-tilde_t = (1 - alpha-bar_{t-1}) / (1 - alpha-bar_t) beta_t (0 for t = 1).
   *
   * @param index 0-based step index (t - 1)
   * @return beta-tilde_t
   */
  public double posteriorVariance(int index) {
    return (1 - alphaBarPrev(index)) / (1 - alphaBars[index]) * betas[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoiseSchedule s
        && Arrays.equals(betas, s.betas)
        && Arrays.equals(alphas, s.alphas)
        && Arrays.equals(alphaBars, s.alphaBars);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(betas);
  }

  @Override
  public String toString() {
    return "NoiseSchedule[T=" + steps() + ", beta " + betas[0] + " .. " + betas[steps() - 1] + "]";
  }
}
