/**
 * Low-level array operations shared by segmentation and measurement: Gaussian smoothing with
 * CellProfiler's edge correction, exact Euclidean distance transforms, connected components,
 * label outlines, convex hulls and minimum enclosing circles. Pure functions over row-major arrays.
 */
package org.brightpaint.features.ops;
