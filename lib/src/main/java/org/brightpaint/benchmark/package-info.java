/**
 * The end-to-end benchmark ({@link org.brightpaint.benchmark.Benchmark}): resumable stages
 * ({@link org.brightpaint.benchmark.StageRunner}), models behind
 * {@link org.brightpaint.benchmark.ModelRunner} (the five generators and a mean-image baseline),
 * the evaluation of predictions and features into tables and figures
 * ({@link org.brightpaint.benchmark.Evaluation}) and the offline report folder with CSV tables and
 * one HTML file ({@link org.brightpaint.benchmark.HtmlReport}), and typed views for the notebooks
 * ({@link org.brightpaint.benchmark.BenchmarkViews}).
 */
package org.brightpaint.benchmark;
