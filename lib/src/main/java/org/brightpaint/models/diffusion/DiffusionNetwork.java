package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The weights a diffusion generator saves: the trained denoiser and its exponential moving
 * average (the weights sampling uses), built from the same seed so that they start equal. The EMA
 * copy is frozen (no gradients). As a DJL block its forward is the EMA denoiser's.
 */
public final class DiffusionNetwork extends Layer {

  private final Denoiser online;
  private final Denoiser average;

  /**
   * @param online the trained denoiser
   * @param average an identically built denoiser for the EMA weights
   */
  DiffusionNetwork(Denoiser online, Denoiser average) {
    this.online = addChildBlock("online", online);
    this.average = addChildBlock("ema", average);
  }

  /** @return the denoiser the optimiser updates */
  public Denoiser online() {
    return online;
  }

  /** @return the EMA denoiser used for sampling */
  public Denoiser average() {
    return average;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(average.predictNoise(inputs.get(0), inputs.get(1), inputs.get(2), training));
  }
}
