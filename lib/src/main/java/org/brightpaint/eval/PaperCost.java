package org.brightpaint.eval;

import java.time.Duration;
import java.util.List;

/**
 * One row of the seed paper's computational cost table (Table 4: NVIDIA RTX 6000, 512 x 512
 * images, batch 1), kept as constants so our measured costs can be shown next to them.
 *
 * <p>Source: Xing, Murdoch, Tang et al., "Can generative AI replace fluorescent staining?",
 * Table 4, as transcribed in {@code shared/specs/generators.md} ("The paper's computational cost
 * table").
 *
 * @param model the model's name as in the paper
 * @param trainTime10Epochs training time for 10 epochs
 * @param gpuMemoryGb peak GPU memory, GB
 * @param inferenceSecondsPerImage inference time per 512 x 512 image, seconds
 * @param checkpointMb full checkpoint size, MB
 * @param generatorMb generator-only checkpoint size, MB (NaN where the paper gives none)
 */
public record PaperCost(
    String model, Duration trainTime10Epochs, double gpuMemoryGb, double inferenceSecondsPerImage,
    double checkpointMb, double generatorMb) {

  /** Where the numbers come from. */
  public static final String SOURCE = "Xing, Murdoch, Tang et al., Table 4 (NVIDIA RTX 6000, 512 x 512, batch 1)";

  /** The paper's five rows in its order: CNN (UNet), Pix2Pix, SPADE, Palette, SPADE-Diffusion. */
  public static final List<PaperCost> TABLE_4 = List.of(
      new PaperCost("unet", Duration.ofHours(69).plusMinutes(34), 3.31, 0.06, 134.98, Double.NaN),
      new PaperCost("pix2pix", Duration.ofHours(10).plusMinutes(7), 4.78, 0.07, 712.72, 21.64),
      new PaperCost("spade", Duration.ofHours(19).plusMinutes(30), 6.50, 0.10, 360.14, 21.71),
      new PaperCost("palette", Duration.ofHours(32).plusMinutes(33), 6.24, 40, 98.29, Double.NaN),
      new PaperCost("spade-diffusion", Duration.ofHours(30).plusMinutes(17), 17.79, 240, 657.85, Double.NaN));

  /**
   * @param model "unet", "pix2pix", "spade", "palette" or "spade-diffusion" (case-insensitive)
   * @return the paper's row
   * @throws IllegalArgumentException naming the model when unknown
   */
  public static PaperCost of(String model) {
    for (PaperCost c : TABLE_4) {
      if (c.model.equalsIgnoreCase(model)) return c;
    }
    throw new IllegalArgumentException("The paper has no cost row for model '" + model + "'; known: unet, pix2pix, spade, palette, spade-diffusion");
  }
}
