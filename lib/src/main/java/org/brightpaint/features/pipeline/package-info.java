/**
 * Pipelines as data: typed settings with the {@code cpjump1} and {@code examplehuman} presets,
 * the per-site profiler, CellProfiler-named Tablesaw output tables, atomic CSV export, parallel
 * plate profiling and per-well aggregation.
 */
package org.brightpaint.features.pipeline;
