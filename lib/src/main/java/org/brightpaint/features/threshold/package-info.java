/**
 * CellProfiler's global thresholds (Minimum Cross-Entropy after Li, Otsu) with smoothing scale,
 * correction factor and bounds, and its illumination functions (Background, Regular).
 */
package org.brightpaint.features.threshold;
