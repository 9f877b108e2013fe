/**
 * brightpaint on Apache Spark: {@link org.brightpaint.spark.SparkProfiler} profiles the sites of
 * many plates as Spark tasks and writes one Parquet data set partitioned by plate, with the same
 * rows and values as {@code brightpaint profile --parquet} on one machine. This module depends on
 * the core library; the core library does not depend on Spark.
 */
package org.brightpaint.spark;
