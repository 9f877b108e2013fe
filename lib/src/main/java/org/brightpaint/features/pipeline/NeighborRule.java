package org.brightpaint.features.pipeline;

/**
 * One {@code MeasureObjectNeighbors} module: which objects, and either a distance in pixels or
 * "Adjacent" (distance 0 in the feature names is written as {@code Adjacent}).
 *
 * @param compartment objects measured against themselves
 * @param distance neighbour distance in pixels; ignored when {@code adjacent}
 * @param adjacent CellProfiler's "Adjacent" method
 */
public record NeighborRule(Compartment compartment, int distance, boolean adjacent) {
  /** Validates. */
  public NeighborRule {
    if (compartment == null || (!adjacent && distance < 0)) {
      throw new IllegalArgumentException("Invalid neighbour rule: " + compartment + " distance " + distance);
    }
  }

  /** @return the suffix CellProfiler uses in feature names: the distance, or "Adjacent" */
  public String suffix() {
    return adjacent ? "Adjacent" : Integer.toString(distance);
  }
}
