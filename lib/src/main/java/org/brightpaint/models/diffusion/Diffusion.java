package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * The closed-form pieces of Gaussian diffusion shared by training and both samplers.
 *
 * <p>Reference: Ho, Jain, Abbeel 2020, arXiv:2006.11239, eqs. 4, 7 and 15.
 */
public final class Diffusion {

  private Diffusion() {}

  /**
   * Samples the forward process in one jump: x_t = sqrt(a) x_0 + sqrt(1 - a) eps, a = alpha-bar_t.
   *
   * @param x0 clean image [B, C, H, W]
   * @param noise eps, same shape
   * @param alphaBar alpha-bar per sample, [B]
   * @return x_t, same shape as x0
   */
  public static NDArray qSample(NDArray x0, NDArray noise, NDArray alphaBar) {
    NDArray a = alphaBar.reshape(-1, 1, 1, 1);
    return x0.mul(a.sqrt()).add(noise.mul(a.neg().add(1).sqrt()));
  }

  /**
   * Samples the forward process with one alpha-bar for the whole batch.
   *
   * @param x0 clean image
   * @param noise eps, same shape
   * @param alphaBar alpha-bar_t
   * @return x_t = sqrt(alphaBar) x0 + sqrt(1 - alphaBar) eps
   */
  public static NDArray qSample(NDArray x0, NDArray noise, double alphaBar) {
    return x0.mul(Math.sqrt(alphaBar)).add(noise.mul(Math.sqrt(1 - alphaBar)));
  }

  /**
   * The clean image implied by a noise prediction, clipped to the data range:
   * x0_hat = clip((x_t - sqrt(1 - a) eps) / sqrt(a), -1, 1).
   *
   * @param noisy x_t
   * @param eps predicted noise
   * @param alphaBar alpha-bar_t
   * @return x0_hat in [-1, 1]
   */
  public static NDArray predictStart(NDArray noisy, NDArray eps, double alphaBar) {
    return noisy.sub(eps.mul(Math.sqrt(1 - alphaBar))).div(Math.sqrt(alphaBar)).clip(-1, 1);
  }

  /**
   * The noise consistent with a (clipped) clean-image estimate:
   * eps = (x_t - sqrt(a) x0_hat) / sqrt(1 - a).
   *
   * @param noisy x_t
   * @param x0 x0_hat
   * @param alphaBar alpha-bar_t
   * @return eps
   */
  public static NDArray noiseFromStart(NDArray noisy, NDArray x0, double alphaBar) {
    return noisy.sub(x0.mul(Math.sqrt(alphaBar))).div(Math.sqrt(1 - alphaBar));
  }
}
