/**
 * Reporting: how library results show themselves in a notebook or on disk.
 *
 * <p>{@link org.brightpaint.report.Display} is the one call notebooks make; it turns images,
 * Tablesaw tables and Plotly figures into MIME bundles ({@link org.brightpaint.report.MimeBundle},
 * pure and unit-tested, with {@link org.brightpaint.report.PlotlyEmbed} for figures) and hands
 * them to the running kernel found by reflection ({@link org.brightpaint.report.KernelOutput}:
 * rapaio, JJava or IJava), or writes files outside a kernel.
 * {@link org.brightpaint.report.Doctor} checks the environment;
 * {@link org.brightpaint.report.Quickstart} feeds the quick-start notebook.
 */
package org.brightpaint.report;
