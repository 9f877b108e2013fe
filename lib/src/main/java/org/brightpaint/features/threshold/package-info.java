/**
 * CellProfiler's global thresholds (Minimum Cross-Entropy after Li, Otsu) with smoothing scale,
 * correction factor and bounds, the per-image Background illumination function, and the Divide step
 * for the per-plate Regular function (computed by {@code org.brightpaint.image.Illumination}).
 */
package org.brightpaint.features.threshold;
