package org.brightpaint.models.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A composite block whose children are initialised on first use: {@link #initializeChildBlocks}
 * runs {@link #forwardInternal} once on zeros of the input shapes, and every child call goes
 * through {@link #run(Block, ParameterStore, NDList, boolean)}, which initialises the child with
 * the shapes it actually receives. Subclasses write only their forward pass.
 */
public abstract class LazyBlock extends AbstractBlock {

  private NDManager initManager;
  private DataType initType = DataType.FLOAT32;

  /** Creates the block (version 1). */
  protected LazyBlock() {
    super((byte) 1);
  }

  /**
   * Runs a child, initialising it from its input shapes the first time.
   *
   * @param child the child block
   * @param ps the parameter store
   * @param in the child's inputs
   * @param training training mode
   * @return the child's outputs
   */
  protected NDList run(Block child, ParameterStore ps, NDList in, boolean training) {
    return run(child, ps, in, training, null);
  }

  /**
   * Runs a child with forward parameters (passed down the tree, e.g. an inference dropout seed).
   *
   * @param child the child block
   * @param ps the parameter store
   * @param in the child's inputs
   * @param training training mode
   * @param params forward parameters, or null
   * @return the child's outputs
   */
  protected NDList run(Block child, ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    if (!child.isInitialized()) {
      if (initManager == null) {
        throw new IllegalStateException(getClass().getSimpleName() + " used before initialize()");
      }
      child.initialize(initManager, initType, in.getShapes());
    }
    return child.forward(ps, in, training, params);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    initManager = manager;
    initType = dataType;
    try (NDManager tmp = manager.newSubManager()) {
      NDList zeros = new NDList();
      for (Shape s : inputShapes) {
        zeros.add(tmp.zeros(s, dataType));
      }
      forwardInternal(new ParameterStore(tmp, false), zeros, false, null);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    if (initManager == null) {
      throw new IllegalStateException(getClass().getSimpleName() + ": output shapes are known after initialize()");
    }
    try (NDManager tmp = initManager.newSubManager()) {
      NDList zeros = new NDList();
      for (Shape s : inputShapes) {
        zeros.add(tmp.zeros(s, initType));
      }
      return forwardInternal(new ParameterStore(tmp, false), zeros, false, null).getShapes();
    }
  }

  @Override
  protected abstract NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params);
}
