package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/**
 * A noise-prediction network eps_theta(x_t, s, c): one UNet ({@link DenoiserUNet}) or one per
 * channel ({@link PerChannelDenoiser}).
 */
public interface Denoiser extends Block {

  /**
   * @param noisy x_t, [B, C, H, W]
   * @param level s, [B]: the noise level or timestep the model was trained with
   * @param cond the brightfield condition, [B, 3, H, W] (zeros for the unconditional branch)
   * @param training whether dropout is active
   * @return eps_theta, [B, C, H, W]
   */
  NDArray predictNoise(NDArray noisy, NDArray level, NDArray cond, boolean training);

  /** @return C, the number of channels predicted */
  int channels();

  /** @return the factor H and W must be multiples of */
  int sideMultiple();
}
