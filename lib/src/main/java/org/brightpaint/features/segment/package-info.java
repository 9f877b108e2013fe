/**
 * CellProfiler-shaped object identification: primary objects (threshold, declumping, seeded
 * watershed, border and size filters), secondary objects (Propagation, Watershed - Image) and
 * tertiary objects (cell minus shrunk nucleus). Labels are {@link org.brightpaint.image.LabelImage}s
 * in which each secondary and tertiary object keeps its primary object's number.
 */
package org.brightpaint.features.segment;
