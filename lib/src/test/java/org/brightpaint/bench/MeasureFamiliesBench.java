package org.brightpaint.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.brightpaint.features.measure.Colocalization;
import org.brightpaint.features.measure.Granularity;
import org.brightpaint.features.measure.Neighbors;
import org.brightpaint.features.measure.RadialDistribution;
import org.brightpaint.features.measure.Texture;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * Benchmark of the measurement families of {@code org.brightpaint.features.measure} on one
 * synthetic 1080 x 1080 five-channel site with ~300 touching disk-ish cells (Voronoi tiles cut at
 * radius 30 around jittered grid seeds), nuclei (radius 11) and cytoplasm, with the CPJUMP1
 * settings: texture 5 channels x 3 compartments x scales 3/5/10 (+ whole image), granularity 5
 * channels x 3 compartments, colocalization 10 pairs x 3 compartments, radial distribution 5 x 3,
 * neighbours Cells 5 / Nuclei 1 / Cells adjacent. Intensities: a smooth sinusoidal texture times
 * (1 + noise * N(0, 1)) inside objects (noise 0.15 by default; 0.5 is a worst case for the
 * granularity reconstruction). Prints thread CPU seconds per family (best of {@code reps}) and the
 * wall time of two sites measured concurrently on two threads.
 *
 * <p>Run: {@code mvn -q -B -o -pl lib test-compile && java -cp lib/target/classes:lib/target/test-classes
 * org.brightpaint.bench.MeasureFamiliesBench [reps] [noise]}
 */
public final class MeasureFamiliesBench {
  private MeasureFamiliesBench() {}

  /** One synthetic site: 5 images and 3 label images. */
  public record Site(Map<String, FloatImage> images, LabelImage cells, LabelImage nuclei, LabelImage cytoplasm) {}

  public static Site site(long seed) {
    return site(seed, 0.15);
  }

  /**
   * @param seed random seed
   * @param noise relative per-pixel Gaussian noise inside objects (0.15 = 15 %)
   * @return the site
   */
  public static Site site(long seed, double noise) {
    int n = 1080;
    Random r = new Random(seed);
    int spacing = 60;
    int g = n / spacing;
    List<double[]> seeds = new ArrayList<>();
    for (int gy = 0; gy < g; gy++) {
      for (int gx = 0; gx < g; gx++) {
        if (seeds.size() >= 300) {
          break;
        }
        seeds.add(new double[] {gx * spacing + 30 + r.nextGaussian() * 6, gy * spacing + 30 + r.nextGaussian() * 6});
      }
    }
    int[] cell = new int[n * n];
    int[] nuc = new int[n * n];
    int[] cyto = new int[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int gx = x / spacing;
        int gy = y / spacing;
        double best = Double.MAX_VALUE;
        int bi = -1;
        for (int yy = Math.max(0, gy - 1); yy <= Math.min(g - 1, gy + 1); yy++) {
          for (int xx = Math.max(0, gx - 1); xx <= Math.min(g - 1, gx + 1); xx++) {
            int k = yy * g + xx;
            if (k >= seeds.size()) {
              continue;
            }
            double dx = x - seeds.get(k)[0];
            double dy = y - seeds.get(k)[1];
            double d = dx * dx + dy * dy;
            if (d < best) {
              best = d;
              bi = k;
            }
          }
        }
        if (bi >= 0 && best < 30 * 30) {
          int i = y * n + x;
          cell[i] = bi + 1;
          if (best < 11 * 11) {
            nuc[i] = bi + 1;
          } else {
            cyto[i] = bi + 1;
          }
        }
      }
    }
    Map<String, FloatImage> images = new LinkedHashMap<>();
    for (String ch : List.of("AGP", "DNA", "ER", "Mito", "RNA")) {
      float[] px = new float[n * n];
      for (int i = 0; i < px.length; i++) {
        double base = ch.equals("DNA") ? (nuc[i] > 0 ? 0.4 : 0.02) : (cell[i] > 0 ? 0.15 : 0.02);
        int x = i % n;
        int y = i / n;
        double texture = 1 + 0.3 * Math.sin(x / 3.1 + ch.length()) * Math.sin(y / 4.3) + 0.2 * Math.sin((x + y) / 9.7);
        px[i] = (float) Math.min(1, Math.max(0, base * texture * (1 + noise * r.nextGaussian())));
      }
      images.put(ch, new FloatImage(n, n, px));
    }
    return new Site(images, new LabelImage(n, n, cell, seeds.size()), new LabelImage(n, n, nuc, seeds.size()),
        new LabelImage(n, n, cyto, seeds.size()));
  }

  static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

  /** Thread CPU seconds per family (robust to other processes sharing the cores). */
  static double[] run(Site s) {
    double[] t = new double[5];
    List<LabelImage> comps = List.of(s.nuclei(), s.cytoplasm(), s.cells());
    long t0 = MX.getCurrentThreadCpuTime();
    for (Map.Entry<String, FloatImage> e : s.images().entrySet()) {
      for (LabelImage l : comps) {
        Texture.measure(e.getValue(), e.getKey(), l, Texture.Options.cpjump1());
      }
      Texture.measureImage(e.getValue(), e.getKey(), Texture.Options.cpjump1());
    }
    long t1 = MX.getCurrentThreadCpuTime();
    for (Map.Entry<String, FloatImage> e : s.images().entrySet()) {
      Granularity.measure(e.getValue(), e.getKey(), comps, Granularity.Options.cpjump1());
    }
    long t2 = MX.getCurrentThreadCpuTime();
    for (LabelImage l : comps) {
      Colocalization.measure(s.images(), l, Colocalization.Options.cpjump1());
    }
    long t3 = MX.getCurrentThreadCpuTime();
    for (LabelImage l : comps) {
      RadialDistribution.measure(s.images(), l, RadialDistribution.Options.cpjump1());
    }
    long t4 = MX.getCurrentThreadCpuTime();
    Neighbors.measure(s.cells(), Neighbors.Options.within(5));
    Neighbors.measure(s.nuclei(), Neighbors.Options.within(1));
    Neighbors.measure(s.cells(), Neighbors.Options.adjacent());
    long t5 = MX.getCurrentThreadCpuTime();
    t[0] = (t1 - t0) / 1e9;
    t[1] = (t2 - t1) / 1e9;
    t[2] = (t3 - t2) / 1e9;
    t[3] = (t4 - t3) / 1e9;
    t[4] = (t5 - t4) / 1e9;
    return t;
  }

  /**
   * @param args optional number of repetitions (default 3)
   * @throws Exception when a worker fails
   */
  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    double noise = args.length > 1 ? Double.parseDouble(args[1]) : 0.15;
    Site s = site(1, noise);
    String[] fam = {"Texture", "Granularity", "Colocalization", "RadialDistribution", "Neighbors"};
    double[] best = new double[5];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    for (int k = 0; k < reps; k++) {
      double[] t = run(s);
      for (int i = 0; i < 5; i++) {
        best[i] = Math.min(best[i], t[i]);
      }
    }
    double total = 0;
    System.out.println("1080x1080 site, " + s.cells().count() + " cells, 5 channels, noise " + noise
        + ", CPJUMP1 settings, thread CPU seconds, best of " + reps);
    for (int i = 0; i < 5; i++) {
      System.out.printf(Locale.ROOT, "  %-20s %6.3f s%n", fam[i], best[i]);
      total += best[i];
    }
    System.out.printf(Locale.ROOT, "  %-20s %6.3f s%n", "total", total);
    Site s2 = site(2, noise);
    ExecutorService ex = Executors.newFixedThreadPool(2);
    long t0 = System.nanoTime();
    Future<double[]> a = ex.submit(() -> run(s));
    Future<double[]> b = ex.submit(() -> run(s2));
    a.get();
    b.get();
    double wall = (System.nanoTime() - t0) / 1e9;
    ex.shutdown();
    System.out.printf(Locale.ROOT, "  2 sites on 2 threads: %.3f s wall = %.3f s per site (wall clock; depends on machine load)%n",
        wall, wall / 2);
  }
}
