package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * Group normalisation built from mean and variance (the engine has no GroupNorm): the C channels
 * are split into G groups and each (sample, group) is normalised over its C/G x H x W values,
 * y = (x - mean) / sqrt(var + eps), then optionally scaled and shifted per channel,
 * y * gamma_c + beta_c (gamma = 1, beta = 0 at start).
 *
 * <p>Reference: Wu and He, "Group Normalization", ECCV 2018, arXiv:1803.08494.
 */
public final class GroupNorm extends Layer {

  /** The epsilon guided-diffusion's GroupNorm32 uses (PyTorch's default). */
  public static final float EPS = 1e-5f;

  private final int groups;
  private final Parameter gamma;
  private final Parameter beta;

  /**
   * @param channels C
   * @param affine whether to learn per-channel gamma and beta
   */
  GroupNorm(int channels, boolean affine) {
    this.groups = groupsFor(channels);
    if (affine) {
      gamma = param("gamma", Parameter.Type.GAMMA, new Shape(channels), Initializer.ONES);
      beta = param("beta", Parameter.Type.BETA, new Shape(channels), Initializer.ZEROS);
    } else {
      gamma = null;
      beta = null;
    }
  }

  /**
   * The group count for C channels: 32 as in the references, or the largest divisor of C not
   * above 32 for the small CI widths.
   *
   * @param channels C
   * @return G, a divisor of C
   */
  public static int groupsFor(int channels) {
    for (int g = Math.min(32, channels); g > 1; g--) {
      if (channels % g == 0) {
        return g;
      }
    }
    return 1;
  }

  /**
   * Parameter-free group normalisation.
   *
   * @param x [B, C, H, W] with C divisible by groups
   * @param groups G
   * @return the normalised array, same shape
   */
  public static NDArray normalize(NDArray x, int groups) {
    Shape s = x.getShape();
    if (s.get(1) % groups != 0) {
      throw new IllegalArgumentException(s.get(1) + " channels cannot form " + groups + " groups");
    }
    NDArray g = x.reshape(s.get(0), groups, -1);
    NDArray centred = g.sub(g.mean(new int[] {2}, true));
    NDArray var = centred.square().mean(new int[] {2}, true);
    return centred.div(var.add(EPS).sqrt()).reshape(s);
  }

  /**
   * @param x [B, C, H, W]
   * @return the normalised (and, if affine, scaled and shifted) array
   */
  NDArray apply(NDArray x) {
    NDArray y = normalize(x, groups);
    if (gamma == null) {
      return y;
    }
    long c = x.getShape().get(1);
    return y.mul(gamma.getArray().reshape(1, c, 1, 1)).add(beta.getArray().reshape(1, c, 1, 1));
  }

  /** @return G */
  int groups() {
    return groups;
  }
}
