package org.brightpaint.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteSource;

/**
 * Benchmark main (not a test): local-mode throughput of {@link SparkProfiler} on CellProfiler's
 * ExampleHuman site (three 512 x 512 channels, the {@code examplehuman} preset) repeated as
 * {@code sites} tasks on {@code local[cores]}; prints wall time, sites per minute per core and the
 * process CPU seconds per site. Run:
 * {@code java <opens> -cp spark/target/test-classes:spark/target/classes:lib/target/classes:$(cat cp.txt)
 * org.brightpaint.spark.SparkThroughput /work/shared/fixtures/example-human 16 2}.
 */
public final class SparkThroughput {
  private SparkThroughput() {}

  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /**
   * @param args fixture folder, number of sites, cores
   * @throws Exception on errors
   */
  public static void main(String[] args) throws Exception {
    Path fx = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int cores = Integer.parseInt(args[2]);
    Map<String, Path> files = Map.of("DNA", fx.resolve("AS_09125_050116030001_D03f00d0.tif"),
        "PH3", fx.resolve("AS_09125_050116030001_D03f00d1.tif"), "cellbody", fx.resolve("AS_09125_050116030001_D03f00d2.tif"));
    ProfileSettings settings = ProfileSettings.exampleHuman().withIllumination(ProfileSettings.IlluminationMode.NONE);
    try (SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("throughput")
        .config("spark.ui.enabled", "false").getOrCreate()) {
      for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
        List<SiteSource> sites = new ArrayList<>();
        for (int i = 0; i < (round == 0 ? cores : n); i++) {
          sites.add(new SiteSource(i + 1, Map.of("Plate", "P" + (i % 2), "Well", "A01", "Site", Integer.toString(i)), files));
        }
        Path out = Files.createTempDirectory("bp-spark").resolve("out");
        double c0 = cpu();
        long t0 = System.nanoTime();
        long cells = SparkProfiler.run(spark, sites, settings, out);
        double wall = (System.nanoTime() - t0) / 1e9;
        double c = cpu() - c0;
        if (round == 1) {
          System.out.printf("local[%d]: %d sites, %d cells in %.1f s wall: %.1f sites/min, %.1f sites/min per core; %.2f CPU s per site; load average %.1f%n",
              cores, n, cells, wall, n * 60 / wall, n * 60 / wall / cores, c / n, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
      }
    }
  }
}
