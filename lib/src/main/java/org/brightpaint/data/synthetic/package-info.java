/**
 * Synthetic Cell Painting plates in exact cpg0000 layout, with ground truth: the embedded default
 * data of brightpaint (offline, CI, notebooks).
 *
 * <p>The model, in order: each cell draws a {@link org.brightpaint.data.synthetic.CellPhenotype}
 * from its line's {@link org.brightpaint.data.synthetic.LineModel} shifted by its well's
 * {@link org.brightpaint.data.synthetic.CompoundResponse} (the MoA group's
 * {@link org.brightpaint.data.synthetic.MoaEffect} scaled by a per-compound strength and a per-cell
 * response); {@link org.brightpaint.data.synthetic.SiteRenderer} draws the five stains from the
 * cell's structures and derives the three brightfield planes physically (optical path =
 * thickness x refractive-index excess, weak absorption, transport-of-intensity defocus at -5/0/+5
 * um); a camera model adds illumination falloff, background, Poisson and read noise.
 * {@link org.brightpaint.data.synthetic.SyntheticPlates} writes whole plates, deterministically
 * from a seed.
 */
package org.brightpaint.data.synthetic;
