package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * A k x k convolution with stride 1 and "same" padding: [B, in, H, W] -> [B, out, H, W].
 * Optionally zero-initialised (guided-diffusion's {@code zero_module}) so that a residual branch
 * starts as the identity.
 */
final class Conv extends Layer {

  private final Parameter weight;
  private final Parameter bias;
  private final int kernel;

  Conv(int in, int out, int kernel, boolean zeroInit, SplittableRandom random) {
    this.kernel = kernel;
    long fanIn = (long) in * kernel * kernel;
    weight = param("weight", Parameter.Type.WEIGHT, new Shape(out, in, kernel, kernel),
        zeroInit ? Initializer.ZEROS : new SeededInit(random, fanIn, 1.0));
    bias = param("bias", Parameter.Type.BIAS, new Shape(out),
        zeroInit ? Initializer.ZEROS : new SeededInit(random, fanIn, 1.0));
  }

  /**
   * @param x [B, in, H, W]
   * @return [B, out, H, W]
   */
  NDArray apply(NDArray x) {
    int p = kernel / 2;
    return Conv2d.conv2d(x, weight.getArray(), bias.getArray(), new Shape(1, 1), new Shape(p, p))
        .singletonOrThrow();
  }
}
