package org.brightpaint.features.segment;

/** CellProfiler's "Fill holes in identified objects?" choices for primary objects. */
public enum FillHoles {
  /** Never fill holes. */
  NEVER,
  /** Fill holes once, after declumping and filtering ("After declumping only"). */
  AFTER_DECLUMPING,
  /** Fill holes after thresholding and again after declumping. */
  AFTER_BOTH
}
