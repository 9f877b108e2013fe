package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * What a sampler asks of a trained denoiser: the predicted noise eps_theta(x_t, t) of a noisy
 * batch at a step of the sampling schedule. The condition (brightfield), the embedding of t and
 * guidance are the predictor's business. Despite the name, the output is whatever the denoiser was
 * trained to predict ({@link Prediction}: eps, or v); the samplers are told which.
 */
@FunctionalInterface
public interface NoisePredictor {

  /**
   * @param noisy x_t, [B, C, H, W]
   * @param index the 0-based step index t - 1 in the sampling schedule
   * @return the denoiser output (eps_theta or v_theta), [B, C, H, W]
   */
  NDArray predict(NDArray noisy, int index);
}
