/**
 * brightpaint on Apache Spark, sites as tasks: {@link org.brightpaint.spark.SparkProfiler}
 * profiles the sites of many plates and writes one Parquet data set partitioned by plate, with the
 * same rows and values as {@code brightpaint profile --parquet} on one machine (plate illumination
 * functions computed once per plate, read once per executor); {@link org.brightpaint.spark.SparkPredictor}
 * predicts the stains of many plates with one generator per executor and writes, byte for byte,
 * what {@code brightpaint predict} writes. This module depends on the core library; the core
 * library does not depend on Spark.
 */
package org.brightpaint.spark;
