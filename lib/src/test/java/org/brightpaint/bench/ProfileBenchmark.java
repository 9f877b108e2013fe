package org.brightpaint.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.pipeline.Compartment;
import org.brightpaint.features.pipeline.PlateProfiler;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.features.pipeline.SiteProfile;
import org.brightpaint.features.pipeline.SiteProfiler;
import org.brightpaint.features.pipeline.SiteSource;
import org.brightpaint.image.FloatImage;

/**
 * Prints the cost of the full {@code cpjump1} feature set: the first profile in a fresh JVM (JIT
 * cold), then, after {@value #WARM_UP} warm-up profiles, seconds and process CPU seconds per 1080
 * x 1080 five-channel site (one site at a time, measurement tasks in parallel on all cores), then
 * sites per minute for a small plate streamed from 16-bit TIFFs through {@link PlateProfiler} on
 * all cores (reading the TIFFs and writing the CSVs included), and the number of feature columns
 * per compartment.
 *
 * <p>Run: {@code mvn -q -B -o -pl lib test-compile && java -cp lib/target/classes:lib/target/test-classes:$(cat cp.txt)
 * org.brightpaint.bench.ProfileBenchmark [sites=8] [size=1080] [cells=240]}.
 */
public final class ProfileBenchmark {

  /** Profiles run before timing, so that the JIT has compiled the hot code. */
  private static final int WARM_UP = 12;

  private ProfileBenchmark() {}

  /**
   * @param args optional: number of plate sites, site size, cells per site
   * @throws Exception on I/O errors
   */
  public static void main(String[] args) throws Exception {
    int plateSites = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 1080;
    int cells = args.length > 2 ? Integer.parseInt(args[2]) : 240;
    ProfileSettings s = ProfileSettings.cpjump1().withIllumination(ProfileSettings.IlluminationMode.NONE);
    System.out.printf("cores: %d, site %d x %d, %d synthetic cells%n", Runtime.getRuntime().availableProcessors(), size, size, cells);
    SiteImages warm = SyntheticSite.make(size, cells, 1, 1);
    long w0 = System.nanoTime();
    double wc0 = cpu();
    SiteProfile p = SiteProfiler.profile(warm, s);
    System.out.printf("first profile in this JVM (JIT cold): %.2f s wall, %.2f CPU s%n",
        (System.nanoTime() - w0) / 1e9, cpu() - wc0);
    for (Compartment c : Compartment.values()) {
      FeatureSet f = p.features().get(c);
      System.out.printf("%-10s objects %4d, feature columns %d (+ ImageNumber, ObjectNumber, Metadata)%n",
          c.cpName(), f.objectCount(), f.names().size());
    }
    // the JIT needs about ten profiles to settle; the sites are drawn before any timing
    List<SiteImages> sites = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sites.add(SyntheticSite.make(size, cells, 2 + i, 1));
    }
    // a fresh JVM's second and third profiles: what "3 sites minus 1 site, halved" of a short run sees
    double[] early = new double[2];
    for (int i = 0; i < WARM_UP; i++) {
      double c0 = cpu();
      SiteProfiler.profile(sites.get(i % sites.size()), s);
      if (i < early.length) {
        early[i] = cpu() - c0;
      }
    }
    System.out.printf("second and third profile of this JVM: %.2f and %.2f CPU s, mean %.2f%n",
        early[0], early[1], (early[0] + early[1]) / 2);
    int reps = 2 * sites.size();
    double cpu0 = cpu();
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      SiteProfiler.profile(sites.get(i % sites.size()), s);
    }
    System.out.printf("single site after %d warm-up profiles, full cpjump1 set: %.2f s/site wall, %.2f CPU s/site"
        + " (process: all threads, GC and JIT included)%n", WARM_UP, (System.nanoTime() - t0) / 1e9 / reps,
        (cpu() - cpu0) / reps);

    Path dir = Files.createTempDirectory("bp-bench");
    try {
      List<SiteSource> sources = new ArrayList<>();
      for (int i = 1; i <= plateSites; i++) {
        SiteImages site = SyntheticSite.make(size, cells, 100 + i, i);
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, FloatImage> e : site.images().entrySet()) {
          Path f = dir.resolve("s" + i + "_" + e.getKey() + ".tiff");
          write16(e.getValue(), f);
          files.put(e.getKey(), f);
        }
        sources.add(new SiteSource(i, site.metadata(), files));
      }
      double pc0 = cpu();
      PlateProfiler.Result r = PlateProfiler.run(sources, s,
          new PlateProfiler.Options(dir.resolve("out"), false, false, Runtime.getRuntime().availableProcessors(), null));
      System.out.printf("plate of %d sites on all cores: %.1f s, %.1f sites/min (%.2f s/site), %.2f CPU s/site, %d nuclei%n",
          r.sites(), r.seconds(), r.sitesPerMinute(), r.seconds() / r.sites(), (cpu() - pc0) / r.sites(), r.objects());
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static void write16(FloatImage im, Path f) throws Exception {
    BufferedImage bi = new BufferedImage(im.width(), im.height(), BufferedImage.TYPE_USHORT_GRAY);
    int[] v = new int[im.pixels().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.round(im.pixels()[i] * 65535);
    }
    bi.getRaster().setSamples(0, 0, im.width(), im.height(), 0, v);
    if (!ImageIO.write(bi, "tiff", f.toFile())) {
      throw new IllegalStateException("no TIFF writer");
    }
  }
}
