package org.brightpaint.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu and He 2018) of {@code [B, C, H, W]}: channels are split into
 * {@code groups} groups and each group of each image is normalised over its channels and pixels,
 * {@code y = (x - mean) / sqrt(var + eps)}, then optionally {@code gamma * y + beta} per channel.
 * Built from mean and variance because DJL's PyTorch engine has no GroupNorm.
 */
public final class GroupNorm extends AbstractBlock {

  private static final float EPS = 1e-5f;
  private final int groups;
  private final int channels;
  private final Parameter gamma;
  private final Parameter beta;

  /**
   * @param groups number of groups; must divide {@code channels}
   * @param channels number of channels
   * @param affine whether to learn gamma and beta
   */
  public GroupNorm(int groups, int channels, boolean affine) {
    super((byte) 1);
    if (groups <= 0 || channels % groups != 0) {
      throw new IllegalArgumentException("GroupNorm: " + groups + " groups do not divide " + channels + " channels");
    }
    this.groups = groups;
    this.channels = channels;
    if (affine) {
      gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
          .optShape(new Shape(1, channels, 1, 1)).optInitializer(new ConstantInitializer(1)).build());
      beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
          .optShape(new Shape(1, channels, 1, 1)).optInitializer(new ConstantInitializer(0)).build());
    } else {
      gamma = null;
      beta = null;
    }
  }

  /**
   * The parameter-free normalisation.
   *
   * @param x {@code [B, C, H, W]}
   * @param groups number of groups dividing C
   * @return normalised {@code x}
   */
  public static NDArray normalise(NDArray x, int groups) {
    Shape s = x.getShape();
    NDArray g = x.reshape(s.get(0), groups, s.get(1) / groups * s.get(2) * s.get(3));
    int[] axes = {2};
    NDArray centred = g.sub(g.mean(axes, true));
    NDArray var = centred.square().mean(axes, true);
    return centred.div(var.add(EPS).sqrt()).reshape(s);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (x.getShape().get(1) != channels) {
      throw new IllegalArgumentException("GroupNorm built for " + channels + " channels got " + x.getShape());
    }
    NDArray y = normalise(x, groups);
    if (gamma != null) {
      y = y.mul(ps.getValue(gamma, x.getDevice(), training)).add(ps.getValue(beta, x.getDevice(), training));
    }
    return new NDList(y);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
