package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-channel mode, which the benchmark paper discusses for the diffusion models: one small
 * denoiser per fluorescent channel, each seeing the brightfield condition and its own noisy
 * channel, combined so that the whole behaves like one 5-channel denoiser:
 * eps_theta(x_t)[:, c] = eps_theta_c(x_t[:, c], s, cond).
 */
public final class PerChannelDenoiser extends Layer implements Denoiser {

  private final List<DenoiserUNet> members = new ArrayList<>();

  /**
   * @param single the configuration of each member (its {@code noisyChannels} must be 1)
   * @param channels how many members (5)
   * @param seed initialisation seed; member c uses seed + c
   */
  public PerChannelDenoiser(DenoiserConfig single, int channels, long seed) {
    if (single.noisyChannels() != 1) {
      throw new IllegalArgumentException(
          "Per-channel members predict one channel, got noisyChannels " + single.noisyChannels());
    }
    for (int c = 0; c < channels; c++) {
      members.add(addChildBlock("channel" + c, new DenoiserUNet(single, seed + c)));
    }
  }

  @Override
  public NDArray predictNoise(NDArray noisy, NDArray level, NDArray cond, boolean training) {
    if (noisy.getShape().get(1) != members.size()) {
      throw new IllegalArgumentException("Per-channel denoiser expects " + members.size()
          + " channels, got " + noisy.getShape());
    }
    NDList parts = noisy.split(members.size(), 1);
    NDList outs = new NDList();
    for (int c = 0; c < members.size(); c++) {
      outs.add(members.get(c).predictNoise(parts.get(c), level, cond, training));
    }
    return NDArrays.concat(outs, 1);
  }

  @Override
  public int channels() {
    return members.size();
  }

  @Override
  public int sideMultiple() {
    return members.get(0).sideMultiple();
  }

  /** @return the member denoisers, one per channel */
  public List<DenoiserUNet> members() {
    return List.copyOf(members);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(predictNoise(inputs.get(0), inputs.get(1), inputs.get(2), training));
  }
}
