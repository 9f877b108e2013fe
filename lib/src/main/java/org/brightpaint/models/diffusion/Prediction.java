package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * What the denoiser network outputs, and how training targets and the samplers' clean-image and
 * noise estimates follow from it. With x_t = sqrt(a) x_0 + sqrt(1 - a) eps (a = alpha-bar_t):
 * <pre>
 *   EPSILON: out = eps;                              x_0 = (x_t - sqrt(1 - a) out) / sqrt(a);  eps = out
 *   V:       out = v = sqrt(a) eps - sqrt(1 - a) x_0; x_0 = sqrt(a) x_t - sqrt(1 - a) v;
 *                                                     eps = sqrt(1 - a) x_t + sqrt(a) v
 * </pre>
 * EPSILON is what Palette and SPADE-Diffusion (and the benchmark paper) train. V is the
 * "velocity" parameterisation of Salimans and Ho: its x_0 estimate never divides by sqrt(a), so at
 * high noise (a close to 0, where a briefly trained epsilon-denoiser's error is magnified by
 * 1 / sqrt(a)) the estimate stays bounded; at a = 0 the V loss is the x_0 regression loss. The "ci"
 * preset uses V (a departure from the references, chosen because 400 CPU steps of EPSILON training
 * sample worse than the mean image); the "paper" preset keeps EPSILON.
 *
 * <p>Reference: Salimans and Ho, "Progressive Distillation for Fast Sampling of Diffusion Models",
 * ICLR 2022, arXiv:2202.00512, section 4 and appendix D.
 */
public enum Prediction {
  /** The network predicts the noise eps (Ho et al. 2020). */
  EPSILON,
  /** The network predicts v = sqrt(a) eps - sqrt(1 - a) x_0 (Salimans and Ho 2022). */
  V;

  /**
   * The training target for a batch.
   *
   * @param x0 clean images [B, C, H, W]
   * @param eps the noise [B, C, H, W] that made x_t
   * @param alphaBar alpha-bar per sample, [B]
   * @return eps (EPSILON) or v (V), [B, C, H, W]
   */
  public NDArray target(NDArray x0, NDArray eps, NDArray alphaBar) {
    if (this == EPSILON) {
      return eps;
    }
    NDArray a = alphaBar.reshape(-1, 1, 1, 1);
    return eps.mul(a.sqrt()).sub(x0.mul(a.neg().add(1).sqrt()));
  }

  /**
   * The clean image implied by a network output (not clipped).
   *
   * @param noisy x_t [B, C, H, W]
   * @param out the network output, same shape
   * @param alphaBar a = alpha-bar_t, in (0, 1]
   * @return x_0 estimate, same shape
   */
  public NDArray start(NDArray noisy, NDArray out, double alphaBar) {
    if (this == EPSILON) {
      return noisy.sub(out.mul(Math.sqrt(1 - alphaBar))).div(Math.sqrt(alphaBar));
    }
    return noisy.mul(Math.sqrt(alphaBar)).sub(out.mul(Math.sqrt(1 - alphaBar)));
  }

  /**
   * The noise implied by a network output.
   *
   * @param noisy x_t [B, C, H, W]
   * @param out the network output, same shape
   * @param alphaBar a = alpha-bar_t
   * @return eps estimate, same shape
   */
  public NDArray noise(NDArray noisy, NDArray out, double alphaBar) {
    if (this == EPSILON) {
      return out;
    }
    return noisy.mul(Math.sqrt(1 - alphaBar)).add(out.mul(Math.sqrt(alphaBar)));
  }

  /**
   * The clipped clean-image estimate the samplers use: clip(start(x_t, out, a), -1, 1). For
   * EPSILON this is exactly {@link Diffusion#predictStart(NDArray, NDArray, double)}.
   *
   * @param noisy x_t
   * @param out the network output
   * @param alphaBar a = alpha-bar_t
   * @return x_0 estimate in [-1, 1]
   */
  public NDArray clippedStart(NDArray noisy, NDArray out, double alphaBar) {
    return start(noisy, out, alphaBar).clip(-1, 1);
  }
}
