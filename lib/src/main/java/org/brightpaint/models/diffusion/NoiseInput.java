package org.brightpaint.models.diffusion;

/** What scalar the denoiser's sinusoidal embedding receives for a noisy sample. */
public enum NoiseInput {
  /**
   * Palette: the continuous noise level alpha-bar (sampled between alpha-bar_{t-1} and
   * alpha-bar_t in training), so that the sampling schedule may differ from the training one.
   * Palette embeds alpha-bar in [0, 1] directly; we embed 1000 alpha-bar so that the sinusoid's
   * frequencies (1 .. 1e-4) resolve it, as WaveGrad and SR3 scale their noise level.
   */
  NOISE_LEVEL,
  /** SPADE-Diffusion (guided-diffusion): the integer timestep t - 1 in [0, T). */
  TIMESTEP;

  /** The factor applied to alpha-bar for {@link #NOISE_LEVEL}. */
  public static final double LEVEL_SCALE = 1000.0;
}
