package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import org.brightpaint.models.blocks.GroupNorm;

/**
 * Base of the diffusion building blocks: a DJL {@link AbstractBlock} whose parameter shapes are
 * all fixed at construction (channel counts are known from the configuration), so initialisation
 * needs no shape inference and the DJL parameter tree gives save/load for free. Blocks expose typed
 * {@code apply(...)} methods; the generic {@link #forwardInternal} is only used by the top-level
 * denoiser.
 */
abstract class Layer extends AbstractBlock {

  /**
   * Adds a parameter of a known shape.
   *
   * @param name unique name within this block
   * @param type DJL parameter type
   * @param shape its shape
   * @param init how to fill it
   * @return the parameter
   */
  protected Parameter param(String name, Parameter.Type type, Shape shape, Initializer init) {
    return addParameter(
        Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(init).build());
  }

  /**
   * SiLU (swish with beta 1): x * sigmoid(x).
   *
   * @param x any array
   * @return x * sigmoid(x)
   */
  static ai.djl.ndarray.NDArray silu(ai.djl.ndarray.NDArray x) {
    return x.mul(x.getNDArrayInternal().sigmoid());
  }

  /**
   * The group count for C channels: 32 as in the references, or the largest divisor of C not
   * above 32 for the small CI widths.
   *
   * @param channels C
   * @return G, a divisor of C
   */
  static int groupsFor(int channels) {
    for (int g = Math.min(32, channels); g > 1; g--) {
      if (channels % g == 0) {
        return g;
      }
    }
    return 1;
  }

  /**
   * A group normalisation with per-channel gamma and beta over {@link #groupsFor(int)} groups.
   *
   * @param channels C
   * @return the block (shapes fixed at construction)
   */
  static GroupNorm groupNorm(int channels) {
    return new GroupNorm(groupsFor(channels), channels, true);
  }

  /**
   * Applies a group normalisation block.
   *
   * @param norm the block
   * @param x [B, C, H, W]
   * @return the normalised, scaled and shifted array
   */
  static ai.djl.ndarray.NDArray apply(GroupNorm norm, ai.djl.ndarray.NDArray x) {
    return norm.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).singletonOrThrow();
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Pair<String, Block> child : children) {
      child.getValue().initialize(manager, dataType, inputShapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " has fixed shapes; call its apply method");
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " is used through its apply method");
  }
}
