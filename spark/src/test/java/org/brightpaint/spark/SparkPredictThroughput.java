package org.brightpaint.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.brightpaint.config.RunSize;

/**
 * Benchmark main (not a test): local-mode throughput of {@link SparkPredictor} on the plates of a
 * folder with a checkpoint; a first round of {@code cores} sites warms up the JIT and loads the
 * generator, the second predicts {@code sites} sites per plate; prints wall time, sites per minute
 * per core, the process CPU seconds per site and the load average. Run:
 * {@code java <opens> -cp spark/target/test-classes:spark/target/classes:lib/target/classes:$(cat cp.txt)
 * org.brightpaint.spark.SparkPredictThroughput PLATES CHECKPOINT SIZE SITES CORES}.
 */
public final class SparkPredictThroughput {
  private SparkPredictThroughput() {}

  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /**
   * @param args plates folder, checkpoint, run size, sites per plate, cores
   * @throws Exception on errors
   */
  public static void main(String[] args) throws Exception {
    Path plates = Path.of(args[0]);
    Path checkpoint = Path.of(args[1]);
    RunSize size = RunSize.parse(args[2]);
    int sites = Integer.parseInt(args[3]);
    int cores = Integer.parseInt(args[4]);
    try (SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("predict-throughput")
        .config("spark.ui.enabled", "false").getOrCreate()) {
      Path tmp = Files.createTempDirectory("bp-spark-predict");
      SparkPredictor.run(spark, List.of(plates), checkpoint, size, 1, tmp.resolve("warm-up"));
      double c0 = cpu();
      SparkPredictor.Summary s = SparkPredictor.run(spark, List.of(plates), checkpoint, size, sites, tmp.resolve("out"));
      double c = cpu() - c0;
      System.out.printf("local[%d]: %d sites of %d plates (%d x %d px) in %.1f s wall: %.2f sites/min, %.2f sites/min per core; "
          + "%.2f CPU s per site; generators loaded %d; load average %.1f%n", cores, s.sites(), s.plates().size(), s.width(),
          s.height(), s.seconds(), s.sites() * 60 / s.seconds(), s.sites() * 60 / s.seconds() / cores, c / s.sites(),
          ExecutorModels.generatorLoads(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
