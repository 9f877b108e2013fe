/**
 * The end-to-end benchmark: resumable stages ({@link org.brightpaint.benchmark.StageRunner}),
 * the evaluation of predictions and features into tables and figures
 * ({@link org.brightpaint.benchmark.Evaluation}) and the offline report folder with CSV tables and
 * one HTML file ({@link org.brightpaint.benchmark.HtmlReport}).
 */
package org.brightpaint.benchmark;
