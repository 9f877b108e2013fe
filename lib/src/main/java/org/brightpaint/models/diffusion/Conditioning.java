package org.brightpaint.models.diffusion;

/** How a diffusion denoiser sees the brightfield condition. */
public enum Conditioning {
  /** Palette: the condition is concatenated to the noisy image at the input. */
  CONCAT,
  /**
   * SPADE-Diffusion: the encoder sees only the noisy image; the middle and decoder residual
   * blocks normalise with SPADE-GroupNorm driven by the condition.
   */
  SPADE
}
