package org.brightpaint.models;

/**
 * Where the randomness of a generator's draws comes from ({@link Generator#draw}), so that K draws
 * for one brightfield input sample the generator's predictive distribution.
 */
public enum Stochasticity {
  /** Deterministic (UNet): one draw is the prediction; K draws would be identical. */
  POINT("point prediction"),
  /**
   * Dropout kept on at inference (Pix2Pix and SPADE, as Isola et al. 2017, sec. 3.1, use it for
   * noise): the dropout layers of the U-Net's inner levels drop with their training rate from a
   * mask drawn on the JVM from the seed; normalisation stays in inference mode.
   */
  DROPOUT("dropout at inference"),
  /** Diffusion (Palette, SPADE-Diffusion): the sampler's start noise x_T (and DDPM's step noise) from the seed. */
  SAMPLER_NOISE("sampler noise");

  private final String label;

  Stochasticity(String label) {
    this.label = label;
  }

  /** @return a short description for tables ("dropout at inference") */
  public String label() {
    return label;
  }
}
