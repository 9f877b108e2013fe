package org.brightpaint.models.diffusion;

import java.util.List;
import java.util.Set;

/**
 * The architecture of a diffusion denoiser UNet (guided-diffusion / Palette / SDM skeleton).
 *
 * @param noisyChannels channels of the noisy image x_t (5 fluorescent, or 1 in per-channel mode)
 * @param condChannels channels of the brightfield condition (3)
 * @param conditioning concatenation (Palette) or SPADE-GroupNorm (SPADE-Diffusion)
 * @param innerChannels base width (64 in the references)
 * @param channelMults width multiplier per level ([1, 2, 4, 8]); the image side must be divisible
 *     by 2^(levels - 1)
 * @param resBlocks residual blocks per encoder level (2; the decoder has one more)
 * @param attentionDownsample downsampling factors at which encoder/decoder levels add
 *     self-attention; the middle block always has it. Palette's {@code attn_res: [16]} is such a
 *     factor ({@code if ds in attn_res}); with 4 levels the factor reaches 8 only, so the
 *     reference network attends in the middle block only
 * @param dropout dropout probability in residual blocks (0.2 in Palette)
 * @param headChannels channels per attention head (32)
 * @param spadeHidden hidden width of SPADE-GroupNorm (128 in SDM); unused for concatenation
 * @param zeroInit zero-initialise residual output convs, attention projections and the output
 *     conv (reference behaviour)
 */
public record DenoiserConfig(
    int noisyChannels,
    int condChannels,
    Conditioning conditioning,
    int innerChannels,
    List<Integer> channelMults,
    int resBlocks,
    Set<Integer> attentionDownsample,
    float dropout,
    int headChannels,
    int spadeHidden,
    boolean zeroInit) {

  /** Validates every field with a message naming it. */
  public DenoiserConfig {
    if (noisyChannels < 1 || condChannels < 1) {
      throw new IllegalArgumentException(
          "Channel counts must be positive, got noisy " + noisyChannels + ", cond " + condChannels);
    }
    if (conditioning == null) {
      throw new IllegalArgumentException("conditioning must not be null");
    }
    if (innerChannels < 2 || innerChannels % 2 != 0) {
      throw new IllegalArgumentException("innerChannels must be even and >= 2, got " + innerChannels);
    }
    if (channelMults == null || channelMults.isEmpty() || channelMults.stream().anyMatch(m -> m < 1)) {
      throw new IllegalArgumentException("channelMults must be positive, got " + channelMults);
    }
    if (resBlocks < 1) {
      throw new IllegalArgumentException("resBlocks must be >= 1, got " + resBlocks);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (headChannels < 1 || spadeHidden < 1) {
      throw new IllegalArgumentException(
          "headChannels and spadeHidden must be positive, got " + headChannels + ", " + spadeHidden);
    }
    channelMults = List.copyOf(channelMults);
    attentionDownsample = Set.copyOf(attentionDownsample == null ? Set.of() : attentionDownsample);
  }

  /**
   * The reference widths: inner 64, [1, 2, 4, 8], 2 blocks, attention factor 16, dropout 0.2,
   * 32 channels per head, SPADE hidden 128.
   *
   * @param noisyChannels 5, or 1 per channel
   * @param conditioning CONCAT (Palette) or SPADE (SPADE-Diffusion)
   * @return the configuration
   */
  public static DenoiserConfig paper(int noisyChannels, Conditioning conditioning) {
    return new DenoiserConfig(noisyChannels, 3, conditioning, 64, List.of(1, 2, 4, 8), 2,
        Set.of(16), 0.2f, 32, 128, true);
  }

  /**
   * A tiny configuration for CPU and CI: inner 16, [1, 2, 2], 1 block, attention at factor 4
   * (the lowest level) and in the middle, dropout 0.1, 16 channels per head, SPADE hidden 32.
   *
   * @param noisyChannels 5, or 1 per channel
   * @param conditioning CONCAT or SPADE
   * @return the configuration
   */
  public static DenoiserConfig ci(int noisyChannels, Conditioning conditioning) {
    return new DenoiserConfig(noisyChannels, 3, conditioning, 16, List.of(1, 2, 2), 1,
        Set.of(4), 0.1f, 16, 32, true);
  }

  /** @return the number of levels */
  public int levels() {
    return channelMults.size();
  }

  /** @return the factor every image side must be divisible by, 2^(levels - 1) */
  public int sideMultiple() {
    return 1 << (levels() - 1);
  }

  /**
   * @param dropout the new dropout probability
   * @return a copy with that dropout
   */
  public DenoiserConfig withDropout(float dropout) {
    return new DenoiserConfig(noisyChannels, condChannels, conditioning, innerChannels, channelMults,
        resBlocks, attentionDownsample, dropout, headChannels, spadeHidden, zeroInit);
  }
}
