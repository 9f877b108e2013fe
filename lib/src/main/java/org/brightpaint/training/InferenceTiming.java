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

  /** @return seconds per network evaluation (per denoiser step for diffusion kinds) */
  public double secondsPerEvaluation() {
    return secondsPerImage / evaluations;
  }

  /** @return how the figure was obtained, for tables: "measured" or "extrapolated from N steps" */
  public String method() {
    return extrapolated ? "extrapolated from " + timedEvaluations + " timed network evaluations" : "measured";
  }
}
