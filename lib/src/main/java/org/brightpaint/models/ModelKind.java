package org.brightpaint.models;

import java.util.Locale;

/**
 * The five generators of the benchmark, grouped by the family that decides how they are trained.
 *
 * <p>{@link #cliName()} is the spelling used on command lines and in checkpoint files
 * ({@code unet, pix2pix, spade, palette, spade-diffusion}).
 */
public enum ModelKind {
  /** Encoder-decoder CNN with skip connections trained with MSE (Ronneberger 2015; Cross-Zamirski 2022). */
  UNET("unet", Family.SUPERVISED),
  /** Conditional GAN: U-Net generator + 70x70 PatchGAN, GAN + 100 x L1 (Isola 2017). */
  PIX2PIX("pix2pix", Family.ADVERSARIAL),
  /** The Pix2Pix generator with SPADE normalisation driven by the brightfield image (Park 2019). */
  SPADE("spade", Family.ADVERSARIAL),
  /** Conditional DDPM, brightfield concatenated to the noisy target (Saharia 2022). */
  PALETTE("palette", Family.DIFFUSION),
  /** Diffusion denoiser with SPADE-GroupNorm conditioning in the decoder (Wang 2022). */
  SPADE_DIFFUSION("spade-diffusion", Family.DIFFUSION);

  /** How a kind is trained: one training loop per family. */
  public enum Family {
    /** One network, one loss (MSE), one optimiser. */
    SUPERVISED,
    /** Generator and discriminator, two optimisers, detached fakes for the discriminator. */
    ADVERSARIAL,
    /** Noise-prediction denoiser sampled by DDPM/DDIM. */
    DIFFUSION
  }

  private final String cliName;
  private final Family family;

  ModelKind(String cliName, Family family) {
    this.cliName = cliName;
    this.family = family;
  }

  /** @return the command-line and file spelling, e.g. "spade-diffusion" */
  public String cliName() {
    return cliName;
  }

  /** @return the training family */
  public Family family() {
    return family;
  }

  /**
   * Parses a kind from its command-line name or enum name, case-insensitively
   * ("pix2pix", "SPADE_DIFFUSION", "spade-diffusion").
   *
   * @param name the name
   * @return the kind
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static ModelKind parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ModelKind k : values()) {
      if (k.cliName.equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "Unknown model '" + name + "': expected one of unet, pix2pix, spade, palette, spade-diffusion");
  }
}
