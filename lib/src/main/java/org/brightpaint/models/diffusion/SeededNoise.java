package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Standard normal noise drawn on the JVM from a seed, so that the same seed gives the same noise
 * on every device and engine, and a training run resumed at step s draws exactly the noise the
 * uninterrupted run drew (the generator for a step is derived from (seed, step), no RNG state to
 * save).
 */
public final class SeededNoise {

  private final SplittableRandom random;

  private SeededNoise(SplittableRandom random) {
    this.random = random;
  }

  /**
   * @param seed the seed
   * @return a noise source
   */
  public static SeededNoise of(long seed) {
    return new SeededNoise(new SplittableRandom(seed));
  }

  /**
   * A noise source for one step of a seeded process (training step, sampling call).
   *
   * @param seed the run's seed
   * @param step the step number
   * @return a noise source independent of other steps' sources
   */
  public static SeededNoise forStep(long seed, long step) {
    return of(mix(seed * 0x9E3779B97F4A7C15L + step));
  }

  /**
   * @param manager where the array lives
   * @param shape its shape
   * @return an array of i.i.d. N(0, 1) float32 values (Box-Muller in double precision)
   */
  public NDArray normal(NDManager manager, Shape shape) {
    return manager.create(normal((int) shape.size()), shape);
  }

  /**
   * @param n how many values
   * @return n i.i.d. N(0, 1) values
   */
  public float[] normal(int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i += 2) {
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      out[i] = (float) (r * Math.cos(2 * Math.PI * u2));
      if (i + 1 < n) {
        out[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
      }
    }
    return out;
  }

  /**
   * @param bound exclusive upper bound
   * @return a uniform integer in [0, bound)
   */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** @return a uniform double in [0, 1) */
  public double nextDouble() {
    return random.nextDouble();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
