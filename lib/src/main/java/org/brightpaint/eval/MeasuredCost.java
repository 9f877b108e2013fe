package org.brightpaint.eval;

/**
 * Our measured cost of one model, the input of {@link CostTable}. Produced from the training
 * package's cost meter (adapt with a one-line mapping once it is merged).
 *
 * @param model the model name ("unet", "pix2pix", "spade", "palette", "spade-diffusion")
 * @param device where it was measured, e.g. "CPU (2 cores)" or "NVIDIA H100"
 * @param preset the width preset ("ci" or "paper")
 * @param secondsPerStep mean training wall time per step, seconds
 * @param imagesPerStep training images per step (batch size)
 * @param peakMemoryMb peak memory, MB (heap + native, or GPU)
 * @param inferenceSecondsPerImage inference seconds per 512 x 512 image, batch 1, warmed up
 * @param checkpointMb full checkpoint size, MB
 * @param generatorMb generator-only checkpoint size, MB (NaN when the same as full)
 */
public record MeasuredCost(
    String model, String device, String preset, double secondsPerStep, int imagesPerStep, double peakMemoryMb,
    double inferenceSecondsPerImage, double checkpointMb, double generatorMb) {

  /** Validates. */
  public MeasuredCost {
    if (imagesPerStep <= 0) throw new IllegalArgumentException("imagesPerStep must be > 0, got " + imagesPerStep);
  }

  /** @return training images per second */
  public double trainImagesPerSecond() {
    return imagesPerStep / secondsPerStep;
  }
}
