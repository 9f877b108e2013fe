/**
 * CellProfiler 4.0.6 measurement families as pure functions over a {@link
 * org.brightpaint.image.FloatImage} (intensities scaled to 0..1 as CellProfiler loads them) and a
 * {@link org.brightpaint.image.LabelImage}: one class per family ({@link
 * org.brightpaint.features.measure.AreaShape}, {@link org.brightpaint.features.measure.Intensity},
 * {@link org.brightpaint.features.measure.ObjectRelations}, {@link
 * org.brightpaint.features.measure.Texture}, {@link org.brightpaint.features.measure.Granularity},
 * {@link org.brightpaint.features.measure.Colocalization}, {@link
 * org.brightpaint.features.measure.RadialDistribution}, {@link
 * org.brightpaint.features.measure.Neighbors}), each returning a {@link
 * org.brightpaint.features.FeatureSet} whose column names are CellProfiler's feature names without
 * the compartment prefix ({@link org.brightpaint.features.measure.FeatureNames}).
 *
 * <p>Every function validates first: image and labels must have the same size; otherwise an
 * {@link IllegalArgumentException} names the channel and the offending size or pixel. A label
 * image without objects gives zero-length columns with every name. Objects with no pixels (label
 * gaps) get area 0 and NaN shape and intensity features. Non-finite conventions follow CellProfiler
 * and are documented per family.
 *
 * <p>All functions are pure and thread-safe (no shared mutable state), so callers may run channels,
 * compartments or sites in parallel.
 *
 * <p>References: CellProfiler 4.0.6 modules {@code measureobjectsizeshape}, {@code
 * measureobjectintensity}, {@code measuretexture}, {@code measuregranularity}, {@code
 * measurecolocalization}, {@code measureobjectintensitydistribution}, {@code
 * measureobjectneighbors}; mahotas {@code features.texture}; centrosome {@code cpmorphology}.
 * McQuin C et al. (2018) CellProfiler 3.0, PLoS Biol 16(7):e2005970,
 * https://doi.org/10.1371/journal.pbio.2005970.
 */
package org.brightpaint.features.measure;
