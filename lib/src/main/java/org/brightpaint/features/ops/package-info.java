/**
 * Low-level array operations shared by segmentation and measurement: Gaussian smoothing with
 * CellProfiler's edge correction, exact Euclidean distance transforms, connected components,
 * label outlines, convex hulls and minimum enclosing circles, the 3 x 3 pixel neighbourhood walk
 * ({@link org.brightpaint.features.ops.PixelNeighbours}) and the pixel priority queue
 * ({@link org.brightpaint.features.ops.PixelHeap}) that flood fills, watersheds and geodesic
 * distances share. Pure functions over row-major arrays.
 */
package org.brightpaint.features.ops;
