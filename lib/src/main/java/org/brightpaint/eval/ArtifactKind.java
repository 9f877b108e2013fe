package org.brightpaint.eval;

/**
 * The paper's artifact types, each with a severity (larger = worse) used to rank images and
 * pick the worst cases for galleries.
 */
public enum ArtifactKind {
  /** Loss of high-frequency power: severity {@code 1 - blurRatio} (NaN ratios rank last). */
  BLUR,
  /** Structure lost inside cells: severity {@code 1 - structureRatio}. */
  COLLAPSED_STRUCTURE,
  /** Intensity shift: severity {@code |foregroundShift| + |backgroundOffset|}. */
  INTENSITY_SHIFT,
  /** Background noise: severity {@code |log(noise ratio)|}, or the predicted std when real is 0. */
  BACKGROUND_NOISE;

  /**
   * @param m measures of one image and channel
   * @return the severity, larger is worse; negative infinity when undefined
   */
  public double severity(ArtifactMeasures m) {
    double s = switch (this) {
      case BLUR -> 1 - m.blurRatio();
      case COLLAPSED_STRUCTURE -> 1 - m.structureRatio();
      case INTENSITY_SHIFT -> Math.abs(m.foregroundShift()) + Math.abs(m.backgroundOffset());
      case BACKGROUND_NOISE -> Double.isNaN(m.backgroundNoiseRatio()) ? m.backgroundNoisePred() : Math.abs(Math.log(m.backgroundNoiseRatio()));
    };
    return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
  }
}
