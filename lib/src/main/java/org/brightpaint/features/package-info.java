/** CellProfiler-compatible segmentation and single-cell features, with CellProfiler's names. */
package org.brightpaint.features;
