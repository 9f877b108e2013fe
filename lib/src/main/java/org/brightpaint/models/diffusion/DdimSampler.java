package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * DDIM sampling over a respaced subset tau_1 &lt; ... &lt; tau_S of the schedule's steps:
 * <pre>
 *   x0_hat = clip((x - sqrt(1 - a) eps_theta(x, tau_i)) / sqrt(a), -1, 1),   a = abar_{tau_i}
 *   eps    = (x - sqrt(a) x0_hat) / sqrt(1 - a)                   (re-derived after clipping)
 *   sigma  = eta sqrt((1 - a') / (1 - a)) sqrt(1 - a / a'),         a' = abar_{tau_{i-1}} (1 at the end)
 *   x'     = sqrt(a') x0_hat + sqrt(1 - a' - sigma^2) eps + sigma z
 * </pre>
 * eta = 0 is the deterministic sampler of Song et al.; eta = 1 with every step is exactly the
 * ancestral DDPM sampler with posterior variance ({@link DdpmSampler}): with a' = abar_{t-1},
 * sigma^2 = beta-tilde_t, the x0_hat coefficient is sqrt(abar_{t-1}) in both and
 * sqrt(1 - abar_{t-1} - beta-tilde_t) = (1 - abar_{t-1}) sqrt(alpha_t) / sqrt(1 - abar_t), which is
 * the DDPM mean's x_t coefficient times sqrt(1 - abar_t) once x_t is written as
 * sqrt(abar_t) x0_hat + sqrt(1 - abar_t) eps. Re-deriving eps from the clipped x0_hat keeps the
 * identity exact with clipping. Noise is drawn in the same order as DDPM (every step but the last).
 *
 * <p>Reference: Song, Meng, Ermon, "Denoising Diffusion Implicit Models", ICLR 2021,
 * arXiv:2010.02502, eq. 12 and 16.
 */
public final class DdimSampler {

  private DdimSampler() {}

  /**
   * The respaced steps: S indices spread evenly over [0, T - 1], both ends included.
   *
   * @param total T
   * @param steps S, 1 &lt;= S &lt;= T
   * @return S strictly increasing 0-based step indices; all of them when S = T
   */
  public static int[] respace(int total, int steps) {
    if (steps < 1 || steps > total) {
      throw new IllegalArgumentException("DDIM steps must be in [1, " + total + "], got " + steps);
    }
    int[] idx = new int[steps];
    if (steps == 1) {
      idx[0] = total - 1;
      return idx;
    }
    for (int i = 0; i < steps; i++) {
      idx[i] = (int) Math.round((double) i * (total - 1) / (steps - 1));
    }
    return idx;
  }

  /**
   * Runs DDIM from x_T.
   *
   * @param schedule the sampling schedule
   * @param model the noise predictor
   * @param start x_T, [B, C, H, W]; not closed
   * @param steps S, the number of respaced steps
   * @param eta 0 for deterministic DDIM, 1 for DDPM-like noise
   * @param noise the source of z (unused when eta = 0)
   * @return x_0 in [-1, 1], attached to {@code start}'s manager
   */
  public static NDArray sample(NoiseSchedule schedule, NoisePredictor model, NDArray start,
      int steps, double eta, SeededNoise noise) {
    return sample(schedule, model, start, steps, eta, noise, Prediction.EPSILON);
  }

  /**
   * Runs DDIM from x_T with a denoiser of any {@link Prediction}: x0_hat =
   * clip(prediction.start(x, out, a), -1, 1), then eps re-derived from x0_hat as above.
   *
   * @param schedule the sampling schedule
   * @param model the denoiser; its output is read as {@code prediction} says
   * @param start x_T, [B, C, H, W]; not closed
   * @param steps S, the number of respaced steps
   * @param eta 0 for deterministic DDIM, 1 for DDPM-like noise
   * @param noise the source of z (unused when eta = 0)
   * @param prediction what the model outputs
   * @return x_0 in [-1, 1], attached to {@code start}'s manager
   */
  public static NDArray sample(NoiseSchedule schedule, NoisePredictor model, NDArray start,
      int steps, double eta, SeededNoise noise, Prediction prediction) {
    if (!(eta >= 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException("eta must be >= 0, got " + eta);
    }
    int[] tau = respace(schedule.steps(), steps);
    NDArray x = start;
    for (int j = tau.length - 1; j >= 0; j--) {
      NDArray next;
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        int i = tau[j];
        double a = schedule.alphaBar(i);
        double aPrev = j > 0 ? schedule.alphaBar(tau[j - 1]) : 1.0;
        NDArray x0 = prediction.clippedStart(x, model.predict(x, i), a);
        if (j == 0) {
          next = x0;
        } else {
          NDArray eps = Diffusion.noiseFromStart(x, x0, a);
          double sigma = eta * Math.sqrt((1 - aPrev) / (1 - a)) * Math.sqrt(1 - a / aPrev);
          double c = Math.sqrt(Math.max(0, 1 - aPrev - sigma * sigma));
          next = x0.mul(Math.sqrt(aPrev)).add(eps.mul(c));
          if (eta > 0) {
            next = next.add(noise.normal(x.getManager(), x.getShape()).mul(sigma));
          }
        }
        NDScope.unregister(next);
      }
      if (x != start) {
        x.close();
      }
      x = next;
    }
    return x;
  }
}
