package org.brightpaint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.brightpaint.features.pipeline.Compartment;
import org.brightpaint.features.pipeline.MeasurementFamily;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.features.pipeline.SiteProfiler;

/**
 * Prints the CPU seconds per site of segmentation and of each measurement family of the full
 * {@code cpjump1} set, on synthetic 1080 x 1080 five-channel sites, single-threaded, in steady
 * state: every site is profiled twice first (JIT warm-up), then each step is timed on every site,
 * {@code rounds} times, and the median per site is averaged over the sites.
 *
 * <p>All work runs in a one-thread {@link ForkJoinPool} (parallel streams inside the pipeline run
 * in the pool they are called from), and each step is timed by that thread's CPU clock, so the
 * figures are the CPU cost of the computation, unaffected by other load on the machine; garbage
 * collection and JIT threads are not counted in them. "base" is {@link SiteProfiler#measure} with
 * no family (object numbers, centres, parents and children), subtracted from each family's time.
 * The last line times whole {@link SiteProfiler#profile} calls by the same thread clock and, for
 * comparison, by the process clock (all threads: GC and JIT included).
 *
 * <p>Run: {@code mvn -q -B -o -pl lib test-compile && mvn -q -B -o -pl lib
 * dependency:build-classpath -Dmdep.outputFile=$PWD/lib/target/cp.txt && java -cp
 * lib/target/classes:lib/target/test-classes:$(cat lib/target/cp.txt)
 * org.brightpaint.bench.FamilyTimes [sites=3] [rounds=3] [size=1080] [cells=240]}.
 */
public final class FamilyTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FamilyTimes() {}

  private static double thread() {
    return THREADS.getCurrentThreadCpuTime() / 1e9;
  }

  private static double process() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Thread CPU seconds of {@code work}, median of {@code rounds} runs. */
  private static double time(int rounds, Supplier<?> work) {
    List<Double> t = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double t0 = thread();
      work.get();
      t.add(thread() - t0);
    }
    return median(t);
  }

  /**
   * @param args optional: sites, rounds, site size, cells per site
   * @throws Exception if the worker fails
   */
  public static void main(String[] args) throws Exception {
    int sites = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int size = args.length > 2 ? Integer.parseInt(args[2]) : 1080;
    int cells = args.length > 3 ? Integer.parseInt(args[3]) : 240;
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      one.submit(() -> run(sites, rounds, size, cells)).get();
    } finally {
      one.shutdown();
    }
  }

  private static void run(int sites, int rounds, int size, int cells) {
    ProfileSettings all = ProfileSettings.cpjump1().withIllumination(ProfileSettings.IlluminationMode.NONE);
    List<SiteImages> site = new ArrayList<>();
    for (int i = 0; i < sites; i++) {
      site.add(SyntheticSite.make(size, cells, 1 + i, 1 + i));
    }
    for (int w = 0; w < 2; w++) {
      for (SiteImages s : site) {
        SiteProfiler.profile(s, all);
      }
    }
    Map<String, Double> sum = new LinkedHashMap<>();
    int nuclei = 0;
    for (SiteImages s : site) {
      sum.merge("segmentation", time(rounds, () -> SiteProfiler.segment(s, all, Map.of())), Double::sum);
      SiteProfiler.Segmentation seg = SiteProfiler.segment(s, all, Map.of());
      nuclei += seg.labels().get(Compartment.NUCLEI).count();
      double base = time(rounds, () -> SiteProfiler.measure(seg.images(), seg.labels(), seg.withDiscarded(),
          all.withFamilies(EnumSet.noneOf(MeasurementFamily.class)), new LinkedHashMap<>()));
      sum.merge("base", base, Double::sum);
      for (MeasurementFamily f : MeasurementFamily.values()) {
        double t = time(rounds, () -> SiteProfiler.measure(seg.images(), seg.labels(), seg.withDiscarded(),
            all.withFamilies(EnumSet.of(f)), new LinkedHashMap<>()));
        sum.merge(f.name(), t - base, Double::sum);
      }
    }
    System.out.printf("%d synthetic %d x %d five-channel sites, %.0f nuclei per site, single thread, median of %d%n",
        sites, size, size, (double) nuclei / sites, rounds);
    System.out.println("| step | CPU s per site |");
    System.out.println("|---|---:|");
    double total = 0;
    for (Map.Entry<String, Double> e : sum.entrySet()) {
      double v = e.getValue() / sites;
      total += v;
      System.out.printf("| %s | %.3f |%n", e.getKey(), v);
    }
    System.out.printf("| sum | %.3f |%n", total);
    List<Double> th = new ArrayList<>();
    List<Double> pr = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double t0 = thread();
      double p0 = process();
      for (SiteImages s : site) {
        SiteProfiler.profile(s, all);
      }
      th.add((thread() - t0) / sites);
      pr.add((process() - p0) / sites);
    }
    System.out.printf("whole profile per site: %.3f CPU s (this thread), %.3f CPU s (process: GC and JIT included)%n",
        median(th), median(pr));
  }
}
