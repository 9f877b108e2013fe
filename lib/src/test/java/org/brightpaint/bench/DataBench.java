package org.brightpaint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.data.Well;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;

/**
 * Prints the data layer's throughput on this machine:
 * <ol>
 *   <li>synthetic-site generation (draw + write 8 TIFFs + ground truth) of 1080 x 1080 sites, in
 *       sites per second (wall clock and per CPU-second of the thread), single-threaded and with the
 *       generator's parallel streams;
 *   <li>load + illumination-correct + normalise + area-resize 1080 -&gt; 512 of an 8-channel site,
 *       sites per second (one thread).
 *   <li>the CI preset's generation for one plate (48 sites of 256 x 256 px).
 * </ol>
 * Run from the repository root:
 * <pre>
 * mvn -q -B -o -pl lib test-compile
 * mvn -q -B -o dependency:build-classpath -pl lib -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp lib/target/classes:lib/target/test-classes:$(cat /tmp/cp.txt) org.brightpaint.bench.DataBench [sites]
 * </pre>
 */
public final class DataBench {

  private DataBench() {}

  /**
   * @param args optional number of sites to time (default 8)
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    int sites = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Path dir = Files.createTempDirectory("brightpaint-bench");
    SyntheticOptions o = SyntheticOptions.full().withPlates(List.of(Plates.byBarcode("BR00116991")))
        .withWells(SyntheticOptions.wellsCovering(sites)).withSites(1);
    System.out.printf("machine: %d cores available to the JVM%n", Runtime.getRuntime().availableProcessors());

    // warm-up (JIT) on a small plate
    SyntheticPlates.generate(dir.resolve("warm"), o.withSize(256).withWells(SyntheticOptions.wellsCovering(4)));

    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < sites; i++) {
      SyntheticPlates.renderSite(o.plates().getFirst(), o.wells().get(i), 1, o);
    }
    double single = sites / ((System.nanoTime() - t0) / 1e9);
    double singleCpu = sites / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
    System.out.printf("synthetic 1080x1080 8-channel site, draw only, 1 thread: %.2f sites/s wall (%.0f ms/site), "
        + "%.2f sites per CPU-second (%.0f ms CPU/site)%n", single, 1000 / single, singleCpu, 1000 / singleCpu);

    t0 = System.nanoTime();
    PlateSet set = SyntheticPlates.generate(dir.resolve("full"), o);
    double par = sites / ((System.nanoTime() - t0) / 1e9);
    System.out.printf("synthetic 1080x1080 8-channel site, draw + write TIFFs + ground truth, parallel: %.2f sites/s (%.0f ms/site)%n",
        par, 1000 / par);

    SyntheticOptions ci = SyntheticOptions.ci().withPlates(List.of(Plates.byBarcode("BR00116995")));
    t0 = System.nanoTime();
    SyntheticPlates.generate(dir.resolve("ci"), ci);
    double ciWall = (System.nanoTime() - t0) / 1e9;
    System.out.printf("CI preset, one plate (%d sites of %d x %d px, 8 channels + ground truth), parallel: %.1f s wall, "
        + "%.1f sites/s%n", ci.siteCount(), ci.size(), ci.size(), ciWall, ci.siteCount() / ciWall);

    PlateFolder plate = set.plates().getFirst();
    List<Site> ss = plate.sites();
    Preprocessing pre = Preprocessing.paper();
    pre.apply(plate, ss.getFirst()); // warm-up
    t0 = System.nanoTime();
    c0 = mx.getCurrentThreadCpuTime();
    for (Site s : ss) {
      pre.apply(plate, s);
    }
    double prep = ss.size() / ((System.nanoTime() - t0) / 1e9);
    double prepCpu = ss.size() / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
    System.out.printf("load + illumination-correct + normalise 0.5/99.5 + area-resize 1080->512, 8 channels, 1 thread: "
        + "%.2f sites/s wall (%.0f ms/site), %.2f sites per CPU-second (%.0f ms CPU/site)%n", prep, 1000 / prep, prepCpu,
        1000 / prepCpu);
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf("system load average at the end: %.1f (wall figures suffer when it exceeds the core count)%n", load);
    try (var w = Files.walk(dir)) {
      w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
