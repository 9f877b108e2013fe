package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDManager;
import org.brightpaint.models.ModelKind;
import org.brightpaint.training.PairedSource;

/** Public access to the tiny fixtures for tests in other packages. */
public final class DiffusionLoopFixtures {

  private DiffusionLoopFixtures() {}

  /**
   * @param kind PALETTE or SPADE_DIFFUSION
   * @param seed weight seed
   * @return a 16 x 16 tiny generator
   */
  public static DiffusionGenerator generator(ModelKind kind, long seed) {
    return TinyDiffusion.generator(kind, 16, TinyDiffusion.diffusion(kind), seed);
  }

  /**
   * @param n examples
   * @param size crop side
   * @return synthetic pairs
   */
  public static PairedSource source(int n, int size) {
    return TinyDiffusion.source(n, size);
  }

  /**
   * @param g a generator
   * @param data pairs
   * @return the default prediction of example 0
   */
  public static float[] predict(DiffusionGenerator g, PairedSource data) {
    try (NDManager m = NDManager.newBaseManager()) {
      return g.predict(data.batch(new int[] {0}, m).get(0)).toFloatArray();
    }
  }
}
