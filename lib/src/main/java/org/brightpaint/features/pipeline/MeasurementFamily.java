package org.brightpaint.features.pipeline;

/**
 * CellProfiler measurement modules a pipeline can run, one class each in
 * {@code org.brightpaint.features.measure}.
 */
public enum MeasurementFamily {
  /** MeasureObjectSizeShape (AreaShape_*, with Zernike). */
  AREA_SHAPE,
  /** MeasureObjectIntensity (Intensity_*, Location_*Intensity*). */
  INTENSITY,
  /** MeasureTexture (Texture_*). */
  TEXTURE,
  /** MeasureGranularity (Granularity_*). */
  GRANULARITY,
  /** MeasureColocalization (Correlation_*). */
  COLOCALIZATION,
  /** MeasureObjectIntensityDistribution (RadialDistribution_*). */
  RADIAL_DISTRIBUTION,
  /** MeasureObjectNeighbors (Neighbors_*). */
  NEIGHBORS
}
