/**
 * One class per CellProfiler measurement family: pure functions from (image, labels) to a
 * {@link org.brightpaint.features.FeatureSet} whose column names are CellProfiler's, without the
 * compartment prefix. Objects with no pixels (label gaps) get NaN features, area 0.
 */
package org.brightpaint.features.measure;
