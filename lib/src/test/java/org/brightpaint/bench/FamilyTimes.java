package org.brightpaint.bench;

import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import org.brightpaint.features.pipeline.MeasurementFamily;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.features.pipeline.SiteProfiler;

/**
 * Prints the process CPU time (all threads) of segmentation alone and of each measurement family
 * on one synthetic 1080 x 1080 site, after a warm-up. CPU time, unlike wall time, is meaningful on
 * a shared machine. Run: {@code java -cp ... org.brightpaint.bench.FamilyTimes [size]}.
 */
public final class FamilyTimes {
  private FamilyTimes() {}

  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /**
   * @param args optional site size
   */
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1080;
    SiteImages site = SyntheticSite.make(size, 240, 1, 1);
    ProfileSettings base = ProfileSettings.cpjump1().withIllumination(ProfileSettings.IlluminationMode.NONE);
    SiteProfiler.profile(site, base);
    SiteProfiler.profile(site, base);
    double t0 = cpu();
    for (int i = 0; i < 3; i++) {
      SiteProfiler.profile(site, base.withFamilies(EnumSet.noneOf(MeasurementFamily.class)));
    }
    double seg = (cpu() - t0) / 3;
    System.out.printf("segmentation (+ object numbers, parents): %.2f CPU s%n", seg);
    double total = seg;
    for (MeasurementFamily f : MeasurementFamily.values()) {
      double t = cpu();
      for (int i = 0; i < 2; i++) {
        SiteProfiler.profile(site, base.withFamilies(EnumSet.of(f)));
      }
      double c = (cpu() - t) / 2 - seg;
      total += c;
      System.out.printf("%-20s %.2f CPU s%n", f, c);
    }
    System.out.printf("sum %.2f CPU s per site%n", total);
    double t = cpu();
    long w = System.nanoTime();
    org.brightpaint.features.pipeline.SiteProfile p = null;
    for (int i = 0; i < 2; i++) {
      p = SiteProfiler.profile(site, base);
    }
    System.out.printf("full set in one run: %.2f CPU s, %.2f s wall per site%n", (cpu() - t) / 2, (System.nanoTime() - w) / 2e9);
    t = cpu();
    var tables = org.brightpaint.features.pipeline.ProfileTables.of(p);
    System.out.printf("tables: %.2f CPU s%n", cpu() - t);
    t = cpu();
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bp-ft");
      try (var wr = new org.brightpaint.features.pipeline.ProfileWriter(dir, false,
          org.brightpaint.features.pipeline.ProfileWriter.NonFinite.NAN)) {
        wr.append(tables);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    System.out.printf("CSV: %.2f CPU s%n", cpu() - t);
    t = cpu();
    SyntheticSite.make(size, 240, 5, 1);
    System.out.printf("synthetic site generation: %.2f CPU s%n", cpu() - t);
  }
}
