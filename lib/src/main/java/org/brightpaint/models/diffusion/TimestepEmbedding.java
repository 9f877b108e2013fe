package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.SplittableRandom;

/**
 * The noise-level (or timestep) embedding: a sinusoidal code of the scalar level s,
 * <pre>
 *   f_i = exp(-ln(10000) i / (d/2)),  i = 0 .. d/2 - 1
 *   e(s) = [cos(s f_0) .. cos(s f_{d/2-1}), sin(s f_0) .. sin(s f_{d/2-1})]
 * </pre>
 * followed by Linear(d, 4d), SiLU, Linear(4d, 4d) as in guided-diffusion and Palette.
 *
 * <p>Reference: Vaswani et al. 2017 (positional code); Ho et al. 2020, arXiv:2006.11239.
 */
public final class TimestepEmbedding extends Layer {

  private final int dim;
  private final Dense first;
  private final Dense second;

  TimestepEmbedding(int dim, SplittableRandom random) {
    if (dim % 2 != 0) {
      throw new IllegalArgumentException("Embedding width must be even, got " + dim);
    }
    this.dim = dim;
    first = addChildBlock("linear1", new Dense(dim, 4 * dim, random));
    second = addChildBlock("linear2", new Dense(4 * dim, 4 * dim, random));
  }

  /**
   * The sinusoidal code.
   *
   * @param levels [B] noise levels or timesteps
   * @param dim d, even
   * @return [B, d]
   */
  public static NDArray sinusoidal(NDArray levels, int dim) {
    int half = dim / 2;
    float[] f = new float[half];
    for (int i = 0; i < half; i++) {
      f[i] = (float) Math.exp(-Math.log(10000.0) * i / half);
    }
    NDManager m = levels.getManager();
    NDArray args = levels.toType(DataType.FLOAT32, false).reshape(-1, 1).mul(m.create(f).reshape(1, half));
    return args.cos().concat(args.sin(), 1);
  }

  /**
   * @param levels [B]
   * @return [B, 4d]
   */
  NDArray apply(NDArray levels) {
    return second.apply(Layer.silu(first.apply(sinusoidal(levels, dim))));
  }

  /** @return 4d, the width of the embedding the residual blocks receive */
  int outputWidth() {
    return 4 * dim;
  }
}
