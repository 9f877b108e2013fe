package org.brightpaint.features.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Gaussian#convolve} against the pixel-by-pixel sums it is defined by. */
class GaussianTest {

  /** Each output pixel summed over its own in-image taps, in increasing order. */
  private static float[] straightforward(float[] src, int width, int height, double[] kernel) {
    int r = kernel.length / 2;
    float[] tmp = new float[src.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double s = 0;
        for (int k = Math.max(-r, -x); k <= Math.min(r, width - 1 - x); k++) {
          s += kernel[k + r] * src[y * width + x + k];
        }
        tmp[y * width + x] = (float) s;
      }
    }
    float[] out = new float[src.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double s = 0;
        for (int k = Math.max(-r, -y); k <= Math.min(r, height - 1 - y); k++) {
          s += kernel[k + r] * tmp[(y + k) * width + x];
        }
        out[y * width + x] = (float) s;
      }
    }
    return out;
  }

  @Test
  void sameAsPixelByPixelSums() {
    Random rnd = new Random(17);
    for (int t = 0; t < 400; t++) {
      int width = 1 + rnd.nextInt(t % 3 == 0 ? 5 : 60);
      int height = 1 + rnd.nextInt(t % 4 == 0 ? 5 : 60);
      float[] src = new float[width * height];
      for (int i = 0; i < src.length; i++) {
        src[i] = switch (rnd.nextInt(5)) {
          case 0 -> 0f;
          case 1 -> -0.0f;
          case 2 -> (float) (rnd.nextGaussian() * 1e6);
          case 3 -> rnd.nextBoolean() ? 1e30f : -1e30f; // cancellation: the sums' order shows
          default -> rnd.nextFloat();
        };
      }
      // Gaussian or arbitrary weights; kernels wider than the image included
      double[] kernel = Gaussian.kernel(0.3 + rnd.nextDouble() * 8);
      if (rnd.nextBoolean()) {
        kernel = new double[2 * rnd.nextInt(8) + 1];
        for (int i = 0; i < kernel.length; i++) {
          kernel[i] = rnd.nextDouble() - 0.3;
        }
      }
      assertArrayEquals(straightforward(src, width, height, kernel), Gaussian.convolve(src, width, height, kernel),
          "case " + t + " (" + width + " x " + height + ", " + kernel.length + " taps)");
    }
  }
}
