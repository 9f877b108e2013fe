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
 * Instance normalisation (Ulyanov 2016) of {@code [B, C, H, W]}: each channel of each image is
 * normalised over its pixels, {@code y = (x - mean_HW) / sqrt(var_HW + eps)}, then optionally
 * scaled and shifted per channel ({@code gamma * y + beta}). Built from mean and variance because
 * DJL's PyTorch engine has no InstanceNorm.
 */
public final class InstanceNorm extends AbstractBlock {

  private static final float EPS = 1e-5f;
  private final Parameter gamma;
  private final Parameter beta;

  /**
   * @param channels number of channels (used for the affine parameters)
   * @param affine whether to learn gamma and beta
   */
  public InstanceNorm(int channels, boolean affine) {
    super((byte) 1);
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
   * @return normalised {@code x}
   */
  public static NDArray normalise(NDArray x) {
    // Instance norm is group norm with one group per channel.
    return GroupNorm.normalise(x, (int) x.getShape().get(1));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray y = normalise(x);
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
