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
