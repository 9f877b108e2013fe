package org.brightpaint.models;

/**
 * How a diffusion generator draws its prediction; deterministic generators (UNet, Pix2Pix,
 * SPADE) ignore it.
 *
 * @param sampler ancestral DDPM or deterministic DDIM
 * @param steps number of denoising steps (DDPM: the schedule length, 1000 in the paper; DDIM:
 *     the respaced count, e.g. 50), &gt; 0
 * @param seed seed of the sampling noise, so that a prediction is reproducible
 */
public record Sampling(Sampler sampler, int steps, long seed) {

  /** The two samplers. */
  public enum Sampler {
    /** Ancestral DDPM over every step of the test schedule (what the paper timed). */
    DDPM,
    /** DDIM (eta 0) over a respaced subset of steps. */
    DDIM
  }

  /** Validates the step count. */
  public Sampling {
    if (sampler == null || steps <= 0) {
      throw new IllegalArgumentException("Sampling needs a sampler and steps > 0, got " + sampler + ", " + steps);
    }
  }

  /** @return DDIM with 50 steps, seed 0: the default for prediction */
  public static Sampling defaults() {
    return new Sampling(Sampler.DDIM, 50, 0);
  }
}
