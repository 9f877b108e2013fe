package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * The CPU engine's convolution backward pass must give finite gradients every time.
 *
 * <p>On AMD Zen 5 (cpu family 26) PyTorch 2.7.1's oneDNN AVX-512 kernels returned NaN gradients
 * in 3 to 9 of 50 identical 3 x 3 convolution backward passes ([2, 8, 8, 8] input), which made
 * every diffusion test fail at random ("Loss 'mse' became NaN at step 1"); capped at AVX2 this test
 * passed but the GAN losses of {@code TrainingLoopTest} still became NaN. Capping oneDNN at SSE4.1
 * ({@code ONEDNN_MAX_CPU_ISA=SSE41}, set by surefire's environment in {@code lib/pom.xml} and by
 * {@code environment/common.sh}'s {@code bp_torch_env} for the command line and the kernel) gave
 * 0 of 50 here and no NaN loss. This test fails on such a machine when the cap is missing.
 */
class ConvolutionGradientTest {

  @Test
  void fiftyConvolutionBackwardPassesAreAllFinite() {
    int nonFinite = 0;
    try (NDManager m = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(7);
      for (int i = 0; i < 50; i++) {
        try (NDManager step = m.newSubManager()) {
          NDArray x = step.randomNormal(new Shape(2, 8, 8, 8));
          NDArray w = step.randomNormal(new Shape(8, 8, 3, 3));
          NDArray b = step.zeros(new Shape(8));
          x.setRequiresGradient(true);
          w.setRequiresGradient(true);
          b.setRequiresGradient(true);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow();
            gc.backward(y.square().mean());
          }
          boolean nan = x.getGradient().isNaN().any().getBoolean()
              || w.getGradient().isNaN().any().getBoolean()
              || b.getGradient().isNaN().any().getBoolean();
          nonFinite += nan ? 1 : 0;
        }
      }
    }
    assertEquals(0, nonFinite, "convolution backward passes with NaN gradients (of 50); ONEDNN_MAX_CPU_ISA="
        + System.getenv("ONEDNN_MAX_CPU_ISA"));
  }
}
