/**
 * Pictures and tables of the data for notebooks: channel montages, illumination before/after,
 * per-channel histograms (Plotly figures), the plate map coloured by MoA group, a dataset batch
 * and the plates table. Each builder returns a {@link java.awt.image.BufferedImage}, a tablesaw
 * {@code Table} or a tablesaw plotly {@code Figure}; showing it is the notebook bridge's job.
 */
package org.brightpaint.data.viz;
