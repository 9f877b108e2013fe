package org.brightpaint.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Spatially-adaptive normalisation (SPADE; Park et al. 2019): {@code x} is normalised without
 * learned affine parameters, then modulated per pixel by maps computed from a conditioning image
 * resized (nearest) to {@code x}'s size:
 * <pre>
 * a     = ReLU(conv3x3_hidden(resize(cond)))
 * out   = norm(x) * (1 + conv3x3_gamma(a)) + conv3x3_beta(a)
 * </pre>
 * Inputs {@code NDList(x [B, C, H, W], cond [B, K, H', W'])}; output {@code [B, C, H, W]}. The
 * parameter-free norm is instance normalisation (or group normalisation for diffusion decoders).
 *
 * <p>Reference: T. Park, M.-Y. Liu, T.-C. Wang, J.-Y. Zhu, "Semantic Image Synthesis with
 * Spatially-Adaptive Normalization", CVPR 2019 (NVlabs/SPADE, {@code SPADE} in normalization.py).
 */
public final class SpadeNorm extends LazyBlock {

  private final int groups;
  private final Block shared;
  private final Block gamma;
  private final Block beta;

  /**
   * SPADE over instance normalisation.
   *
   * @param channels channels of {@code x}
   * @param hidden hidden channels of the conditioning conv (128 in the reference)
   */
  public SpadeNorm(int channels, int hidden) {
    this(channels, hidden, 0);
  }

  /**
   * SPADE over instance ({@code groups = 0}) or group normalisation.
   *
   * @param channels channels of {@code x}
   * @param hidden hidden channels of the conditioning conv
   * @param groups 0 for instance norm, else the GroupNorm group count
   */
  public SpadeNorm(int channels, int hidden, int groups) {
    this.groups = groups;
    shared = addChildBlock("shared", Layers.conv(hidden, 3, 1, 1, true));
    gamma = addChildBlock("gamma", Layers.conv(channels, 3, 1, 1, true));
    beta = addChildBlock("beta", Layers.conv(channels, 3, 1, 1, true));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray cond = Layers.resizeNearest(inputs.get(1), x.getShape().get(2), x.getShape().get(3));
    NDArray a = Activation.relu(run(shared, ps, new NDList(cond), training).singletonOrThrow());
    NDArray g = run(gamma, ps, new NDList(a), training).singletonOrThrow();
    NDArray b = run(beta, ps, new NDList(a), training).singletonOrThrow();
    NDArray n = groups == 0 ? InstanceNorm.normalise(x) : GroupNorm.normalise(x, groups);
    return new NDList(n.mul(g.add(1)).add(b));
  }
}
