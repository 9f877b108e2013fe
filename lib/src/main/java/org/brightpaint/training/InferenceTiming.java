package org.brightpaint.training;

import org.brightpaint.models.Sampling;

/**
 * Seconds to predict one 512 x 512 image at batch 1, measured or extrapolated from a few network
 * evaluations. Deterministic generators need one evaluation per image and are always measured;
 * diffusion generators need one per sampler step, so when the sampler needs more evaluations than
 * the cap given to {@link CostMeter#inferenceTiming}, only {@code timedEvaluations} are timed and
 * the figure is {@code evaluations x seconds per evaluation} (the per-step cost of a denoiser does
 * not depend on the step).
 *
 * @param sampling the sampler the figure is for (DDIM-50 in the cost tables)
 * @param secondsPerImage seconds per 512 x 512 image with {@code sampling}
 * @param evaluations network evaluations per image with {@code sampling}
 * @param timedEvaluations network evaluations per timed run
 * @param extrapolated whether {@code secondsPerImage} is extrapolated rather than timed in full
 * @param ddpmSecondsPerImage extrapolated seconds per image with ancestral DDPM over
 *     {@code ddpmSteps} steps (what the paper timed); NaN for deterministic generators
 * @param ddpmSteps DDPM step count of {@code ddpmSecondsPerImage}
 */
public record InferenceTiming(Sampling sampling, double secondsPerImage, int evaluations, int timedEvaluations,
    boolean extrapolated, double ddpmSecondsPerImage, int ddpmSteps) {

  /**
   * The record of a run that skipped timing (train --no-eval).
   *
   * @param sampling the sampler the figure would have been for
   * @return a timing whose figures are NaN and {@link #measured()} false
   */
  public static InferenceTiming notMeasured(Sampling sampling) {
    return new InferenceTiming(sampling, Double.NaN, 1, 0, false, Double.NaN, 0);
  }

  /** @return false when timing was skipped */
  public boolean measured() {
    return !Double.isNaN(secondsPerImage);
  }

  /** @return seconds per network evaluation (per denoiser step for diffusion kinds) */
  public double secondsPerEvaluation() {
    return secondsPerImage / evaluations;
  }

  /** @return how the figure was obtained, for tables: "measured" or "extrapolated from N steps" */
  public String method() {
    return extrapolated ? "extrapolated from " + timedEvaluations + " timed network evaluations" : "measured";
  }
}
