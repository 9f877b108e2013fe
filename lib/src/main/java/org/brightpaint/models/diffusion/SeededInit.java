package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * PyTorch's default initialisation for convolutions and linear layers, U(-b, b) with
 * b = scale / sqrt(fan_in) (kaiming-uniform with a = sqrt(5) for weights and the bias rule),
 * drawn on the JVM from a shared seeded generator so that a model built twice with one seed gets
 * identical weights on every device.
 */
final class SeededInit implements Initializer {

  private final SplittableRandom random;
  private final long fanIn;
  private final double scale;

  SeededInit(SplittableRandom random, long fanIn, double scale) {
    this.random = random;
    this.fanIn = fanIn;
    this.scale = scale;
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    double bound = scale / Math.sqrt(fanIn);
    float[] v = new float[(int) shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    return manager.create(v, shape).toType(dataType, false);
  }
}
