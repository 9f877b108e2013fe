package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import java.util.SplittableRandom;

/** A fully connected layer y = x W^T + b: [B, in] -> [B, out]. */
final class Dense extends Layer {

  private final Parameter weight;
  private final Parameter bias;

  Dense(int in, int out, SplittableRandom random) {
    weight = param("weight", Parameter.Type.WEIGHT, new Shape(out, in), new SeededInit(random, in, 1.0));
    bias = param("bias", Parameter.Type.BIAS, new Shape(out), new SeededInit(random, in, 1.0));
  }

  /**
   * @param x [B, in]
   * @return [B, out]
   */
  NDArray apply(NDArray x) {
    return Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
  }
}
