package org.brightpaint.features.segment;

/** CellProfiler's {@code IdentifySecondaryObjects} methods implemented here. */
public enum SecondaryMethod {
  /** "Propagation": Jones et al.'s propagation over the thresholded image, see {@link Propagation}. */
  PROPAGATION,
  /** "Watershed - Image": seeded watershed of the inverted image inside the foreground. */
  WATERSHED_IMAGE
}
