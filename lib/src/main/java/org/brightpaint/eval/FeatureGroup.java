package org.brightpaint.eval;

/**
 * CellProfiler measurement categories: the eight feature groups of the paper's Figures 4 and 5,
 * plus {@link #OBJECT} (Number, Parent, Children) and {@link #METADATA} (ImageNumber,
 * ObjectNumber, Metadata_, FileName_, PathName_, Count_, Threshold_ ... anything else).
 */
public enum FeatureGroup {
  /** Size and shape (no channel). */
  AREA_SHAPE("AreaShape"),
  /** Colocalisation between two channels. */
  CORRELATION("Correlation"),
  /** Granularity spectrum. */
  GRANULARITY("Granularity"),
  /** Intensity statistics. */
  INTENSITY("Intensity"),
  /** Object and intensity-weighted positions. */
  LOCATION("Location"),
  /** Neighbour counts and distances (no channel). */
  NEIGHBORS("Neighbors"),
  /** Radial intensity distribution. */
  RADIAL_DISTRIBUTION("RadialDistribution"),
  /** Haralick texture. */
  TEXTURE("Texture"),
  /** Object numbers and relationships. */
  OBJECT("Object"),
  /** Bookkeeping and image-level columns. */
  METADATA("Metadata");

  private final String cpName;

  FeatureGroup(String cpName) {
    this.cpName = cpName;
  }

  /** @return CellProfiler's category name ("AreaShape", "RadialDistribution", ...) */
  public String cpName() {
    return cpName;
  }

  /** @return true for the eight measurement groups the paper analyses */
  public boolean isMeasurement() {
    return this != OBJECT && this != METADATA;
  }

  /** @return the eight measurement groups in the paper's order */
  public static java.util.List<FeatureGroup> measurements() {
    return java.util.Arrays.stream(values()).filter(FeatureGroup::isMeasurement).toList();
  }

  static FeatureGroup ofCategory(String token) {
    for (FeatureGroup g : values()) {
      if (g.isMeasurement() && g.cpName.equals(token)) {
        return g;
      }
    }
    return switch (token) {
      case "Number", "Parent", "Children" -> OBJECT;
      default -> null;
    };
  }
}
