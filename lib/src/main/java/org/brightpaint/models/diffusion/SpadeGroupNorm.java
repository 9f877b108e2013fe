package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import java.util.SplittableRandom;
import org.brightpaint.models.blocks.GroupNorm;

/**
 * SPADE-GroupNorm, the decoder normalisation of the semantic diffusion model: parameter-free
 * group normalisation of x, then a spatially varying scale and shift computed from the
 * conditioning map m (here the brightfield planes) resized to x's size:
 * <pre>
 *   a     = ReLU(conv3x3(resize(m), hidden))
 *   gamma = conv3x3(a, C),  beta = conv3x3(a, C)
 *   y     = GN(x) * (1 + gamma) + beta
 * </pre>
 * The map is resized by average pooling (the brightfield is continuous, not a label map).
 *
 * <p>References: Park et al., "Semantic Image Synthesis with Spatially-Adaptive Normalization",
 * CVPR 2019, arXiv:1903.07291; Wang et al., "Semantic Image Synthesis via Diffusion Models",
 * arXiv:2207.00050 (WeilunWang/semantic-diffusion-model, {@code SPADEGroupNorm}).
 */
final class SpadeGroupNorm extends Layer {

  private final int groups;
  private final Conv shared;
  private final Conv gamma;
  private final Conv beta;

  SpadeGroupNorm(int channels, int condChannels, int hidden, SplittableRandom random) {
    groups = groupsFor(channels);
    shared = addChildBlock("shared", new Conv(condChannels, hidden, 3, false, random));
    gamma = addChildBlock("gamma", new Conv(hidden, channels, 3, false, random));
    beta = addChildBlock("beta", new Conv(hidden, channels, 3, false, random));
  }

  /**
   * @param x [B, C, h, w]
   * @param cond [B, condChannels, H, W] with H / h = W / w a whole number
   * @return [B, C, h, w]
   */
  NDArray apply(NDArray x, NDArray cond) {
    NDArray m = resize(cond, x.getShape().get(2), x.getShape().get(3));
    NDArray a = Activation.relu(shared.apply(m));
    NDArray y = GroupNorm.normalise(x, groups);
    return y.mul(gamma.apply(a).add(1)).add(beta.apply(a));
  }

  /**
   * Average-pools a map down to h x w.
   *
   * @param map [B, C, H, W]
   * @param h target height
   * @param w target width
   * @return [B, C, h, w]
   */
  static NDArray resize(NDArray map, long h, long w) {
    long fh = map.getShape().get(2) / h;
    long fw = map.getShape().get(3) / w;
    if (fh * h != map.getShape().get(2) || fw * w != map.getShape().get(3)) {
      throw new IllegalArgumentException(
          "Condition " + map.getShape() + " cannot be pooled to " + h + " x " + w);
    }
    if (fh == 1 && fw == 1) {
      return map;
    }
    Shape k = new Shape(fh, fw);
    return Pool.avgPool2d(map, k, k, new Shape(0, 0), false, true);
  }
}
