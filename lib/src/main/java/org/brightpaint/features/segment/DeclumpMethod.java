package org.brightpaint.features.segment;

/**
 * CellProfiler's choices for "Method to distinguish clumped objects" and "Method to draw dividing
 * lines between clumped objects".
 */
public enum DeclumpMethod {
  /** Peaks of the smoothed image / watershed on the inverted image. */
  INTENSITY,
  /** Peaks of the distance transform / watershed on the negated distance transform. */
  SHAPE,
  /** No declumping: connected components are the objects. */
  NONE
}
