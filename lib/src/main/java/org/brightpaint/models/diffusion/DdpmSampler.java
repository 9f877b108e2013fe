package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * Ancestral DDPM sampling over every step of a schedule (what the benchmark paper timed, 1000
 * steps), with Palette's clipped clean-image estimate and the posterior variance:
 * <pre>
 *   x0_hat = clip((x_t - sqrt(1 - abar_t) eps_theta(x_t, t)) / sqrt(abar_t), -1, 1)
 *   mu     = beta_t sqrt(abar_{t-1}) / (1 - abar_t) x0_hat + (1 - abar_{t-1}) sqrt(alpha_t) / (1 - abar_t) x_t
 *   x_{t-1} = mu + sqrt(beta-tilde_t) z_t   (no noise at t = 1),  z_t ~ N(0, I)
 * </pre>
 * The noise z_t is drawn from a {@link SeededNoise} in the order t = T .. 2, the order
 * {@link DdimSampler} uses, so that the two can be compared path by path.
 *
 * <p>Reference: Ho et al. 2020, arXiv:2006.11239, Algorithm 2 and eq. 7; Saharia et al. 2022
 * ({@code p_mean_variance} with {@code clip_denoised}).
 */
public final class DdpmSampler {

  private DdpmSampler() {}

  /**
   * Runs the reverse process from x_T.
   *
   * @param schedule the sampling schedule (T steps)
   * @param model the noise predictor
   * @param start x_T, [B, C, H, W] (standard normal noise); not closed
   * @param noise the source of z_t
   * @return x_0 in [-1, 1], attached to {@code start}'s manager
   */
  public static NDArray sample(NoiseSchedule schedule, NoisePredictor model, NDArray start,
      SeededNoise noise) {
    return sample(schedule, model, start, noise, Prediction.EPSILON);
  }

  /**
   * Runs the reverse process from x_T with a denoiser of any {@link Prediction}
   * (x0_hat = clip(prediction.start(x_t, out, abar_t), -1, 1)).
   *
   * @param schedule the sampling schedule (T steps)
   * @param model the denoiser; its output is read as {@code prediction} says
   * @param start x_T, [B, C, H, W]; not closed
   * @param noise the source of z_t
   * @param prediction what the model outputs
   * @return x_0 in [-1, 1], attached to {@code start}'s manager
   */
  public static NDArray sample(NoiseSchedule schedule, NoisePredictor model, NDArray start,
      SeededNoise noise, Prediction prediction) {
    NDArray x = start;
    for (int i = schedule.steps() - 1; i >= 0; i--) {
      NDArray next;
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        next = step(schedule, model, x, i, noise, prediction);
        NDScope.unregister(next);
      }
      if (x != start) {
        x.close();
      }
      x = next;
    }
    return x;
  }

  /**
   * One reverse step x_t -> x_{t-1}.
   *
   * @param schedule the schedule
   * @param model the noise predictor
   * @param x x_t
   * @param index t - 1
   * @param noise the source of z_t (not used at t = 1)
   * @return x_{t-1}
   */
  static NDArray step(NoiseSchedule schedule, NoisePredictor model, NDArray x, int index,
      SeededNoise noise) {
    return step(schedule, model, x, index, noise, Prediction.EPSILON);
  }

  /**
   * One reverse step x_t -> x_{t-1} for a denoiser of any {@link Prediction}.
   *
   * @param schedule the schedule
   * @param model the denoiser
   * @param x x_t
   * @param index t - 1
   * @param noise the source of z_t (not used at t = 1)
   * @param prediction what the model outputs
   * @return x_{t-1}
   */
  static NDArray step(NoiseSchedule schedule, NoisePredictor model, NDArray x, int index,
      SeededNoise noise, Prediction prediction) {
    double ab = schedule.alphaBar(index);
    double abPrev = schedule.alphaBarPrev(index);
    double beta = schedule.betas()[index];
    NDArray x0 = prediction.clippedStart(x, model.predict(x, index), ab);
    double c0 = beta * Math.sqrt(abPrev) / (1 - ab);
    double ct = (1 - abPrev) * Math.sqrt(schedule.alphas()[index]) / (1 - ab);
    NDArray mean = x0.mul(c0).add(x.mul(ct));
    if (index == 0) {
      return mean.clip(-1, 1);
    }
    NDArray z = noise.normal(x.getManager(), x.getShape());
    return mean.add(z.mul(Math.sqrt(schedule.posteriorVariance(index))));
  }
}
