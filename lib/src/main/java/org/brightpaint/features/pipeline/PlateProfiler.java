package org.brightpaint.features.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.brightpaint.features.Tables;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Illumination;
import org.brightpaint.image.LabelImage;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Profiles many sites (a plate or several) on all cores with bounded memory: at most
 * {@code threads + 1} sites are loaded at a time, each site's rows are streamed to the CSV files
 * as soon as it is done, and per-well medians are computed when a well's last site finishes (its
 * rows are then released). With {@link ProfileSettings.IlluminationMode#PLATE_REGULAR} a first
 * streaming pass computes each plate's and channel's illumination function from a running sum.
 *
 * <p>Outputs in the output folder: {@code Image.csv}, {@code Nuclei.csv}, {@code Cells.csv},
 * {@code Cytoplasm.csv} (or {@code .csv.gz}), {@code Wells.csv} (per-well medians, when the sites
 * carry Plate and Well metadata), and with {@code saveLabels} {@code labels/<key>_<Compartment>.png}.
 */
public final class PlateProfiler {

  private PlateProfiler() {}

  /**
   * Run options.
   *
   * @param outDir output folder
   * @param gzip gzip the CSVs
   * @param saveLabels save label PNGs
   * @param threads sites processed at once (&gt;= 1)
   * @param progress where to draw a progress bar, or null for none
   */
  public record Options(Path outDir, boolean gzip, boolean saveLabels, int threads, PrintStream progress) {
    /** Validates. */
    public Options {
      if (outDir == null || threads < 1) {
        throw new IllegalArgumentException("Output folder and threads >= 1 are required");
      }
    }

    /**
     * Defaults: all cores, no gzip, no labels, progress on stderr.
     *
     * @param outDir output folder
     * @return options
     */
    public static Options of(Path outDir) {
      return new Options(outDir, false, false, Runtime.getRuntime().availableProcessors(), System.err);
    }
  }

  /**
   * Run summary.
   *
   * @param sites sites profiled
   * @param objects total nuclei
   * @param seconds wall time
   * @param files files written
   * @param wells per-well medians (empty table without Plate/Well metadata)
   */
  public record Result(int sites, long objects, double seconds, List<Path> files, Table wells) {
    /** @return sites per minute */
    public double sitesPerMinute() {
      return seconds > 0 ? sites * 60.0 / seconds : Double.NaN;
    }
  }

  /**
   * Profiles every site.
   *
   * @param sites the sites (loaded lazily)
   * @param settings the pipeline
   * @param options output and parallelism
   * @return the summary
   * @throws IOException on read or write errors (naming the file)
   */
  public static Result run(List<SiteSource> sites, ProfileSettings settings, Options options) throws IOException {
    return run(sites, settings, options, Map.of());
  }

  /**
   * Profiles every site with precomputed plate illumination functions (for example the
   * {@code <Plate>_Illum<Channel>.npy} files of the Cell Painting Gallery); plates without
   * functions get them computed in a first pass when the settings ask for
   * {@link ProfileSettings.IlluminationMode#PLATE_REGULAR}.
   *
   * @param sites the sites (loaded lazily)
   * @param settings the pipeline
   * @param options output and parallelism
   * @param known plate (Metadata_Plate) to image name to illumination function
   * @return the summary
   * @throws IOException on read or write errors (naming the file)
   */
  public static Result run(List<SiteSource> sites, ProfileSettings settings, Options options,
      Map<String, Map<String, FloatImage>> known) throws IOException {
    long t0 = System.nanoTime();
    Map<String, Map<String, FloatImage>> illum = new HashMap<>();
    if (settings.illumination() == ProfileSettings.IlluminationMode.PLATE_REGULAR) {
      illum.putAll(known);
      List<SiteSource> missing = sites.stream()
          .filter(s -> !known.containsKey(s.metadata().getOrDefault("Plate", ""))).toList();
      if (!missing.isEmpty()) {
        illum.putAll(illumination(missing, settings, options));
      }
    }
    Map<String, Integer> sitesPerWell = new HashMap<>();
    boolean byWell = !sites.isEmpty() && sites.stream().allMatch(s -> s.metadata().containsKey("Plate") && s.metadata().containsKey("Well"));
    if (byWell) {
      for (SiteSource s : sites) {
        sitesPerWell.merge(wellKey(s), 1, Integer::sum);
      }
    }
    Map<String, List<ProfileTables>> pending = new HashMap<>();
    List<Table> wellRows = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong objects = new java.util.concurrent.atomic.AtomicLong();
    Progress bar = new Progress(options.progress(), sites.size(), t0);
    List<Path> files;
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    Semaphore inFlight = new Semaphore(options.threads() + 1);
    try (ProfileWriter writer = new ProfileWriter(options.outDir(), options.gzip(), ProfileWriter.NonFinite.NAN)) {
      List<Future<?>> futures = new ArrayList<>();
      // rows are appended in site order whatever order the threads finish in: same input, same bytes
      Map<Integer, ProfileTables> finished = new HashMap<>();
      int[] nextToWrite = {0};
      for (int index = 0; index < sites.size(); index++) {
        SiteSource s = sites.get(index);
        int siteIndex = index;
        futures.add(submitBounded(pool, inFlight, () -> {
          SiteImages im = s.load(settings);
          Map<String, FloatImage> f = illum.getOrDefault(s.metadata().getOrDefault("Plate", ""), Map.of());
          SiteProfile p = SiteProfiler.profile(im, settings, f);
          if (options.saveLabels()) {
            for (Map.Entry<Compartment, LabelImage> e : p.labels().entrySet()) {
              LabelFiles.write(e.getValue(), options.outDir().resolve("labels").resolve(s.key() + "_" + e.getKey().cpName() + ".png"));
            }
          }
          ProfileTables t = ProfileTables.of(p);
          synchronized (finished) {
            finished.put(siteIndex, t);
            while (finished.containsKey(nextToWrite[0])) {
              writer.append(finished.remove(nextToWrite[0]++));
            }
          }
          objects.addAndGet(p.count(Compartment.NUCLEI));
          if (byWell) {
            Table row = null;
            synchronized (pending) {
              String key = wellKey(s);
              List<ProfileTables> list = pending.computeIfAbsent(key, k -> new ArrayList<>());
              list.add(t);
              if (list.size() == sitesPerWell.get(key)) {
                pending.remove(key);
                row = WellAggregation.median(concat(list));
              }
            }
            if (row != null) {
              synchronized (wellRows) {
                wellRows.add(row);
              }
            }
          }
          bar.update(done.incrementAndGet());
        }));
      }
      awaitAll(futures, writer::abort);
      files = new ArrayList<>(writer.files());
    } finally {
      pool.shutdownNow();
    }
    bar.finish();
    Table wells = Table.create("Wells");
    wellRows.removeIf(t -> t.rowCount() == 0); // wells without objects have no median row
    if (!wellRows.isEmpty()) {
      wells = wellRows.get(0).emptyCopy();
      wellRows.sort(java.util.Comparator.comparing((Table t) -> t.getString(0, "Metadata_Plate"))
          .thenComparing(t -> t.getString(0, "Metadata_Well")));
      for (Table r : wellRows) {
        wells.append(r);
      }
      Path wf = options.outDir().resolve(options.gzip() ? "Wells.csv.gz" : "Wells.csv");
      ProfileWriter.writeTable(wells, wf, ProfileWriter.NonFinite.NAN);
      files.add(wf);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Result(sites.size(), objects.get(), secs, files, wells);
  }

  /** A task of one site that may fail with an {@link IOException}. */
  @FunctionalInterface
  private interface SiteTask {
    void run() throws IOException;
  }

  /**
   * Submits a site task once one of the semaphore's permits is free (bounding the sites in memory),
   * releasing the permit when it ends; an {@link IOException} travels as {@link UncheckedIOException}.
   */
  private static Future<?> submitBounded(ExecutorService pool, Semaphore inFlight, SiteTask task) {
    inFlight.acquireUninterruptibly();
    return pool.submit(() -> {
      try {
        task.run();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        inFlight.release();
      }
    });
  }

  /**
   * Waits for every task in order. On the first failure runs {@code onFailure} and rethrows: the
   * task's {@link IOException} itself, its {@link RuntimeException} itself, anything else wrapped
   * in an {@link IOException}; an interrupt becomes {@code IOException("Interrupted")}.
   */
  private static void awaitAll(List<Future<?>> futures, Runnable onFailure) throws IOException {
    for (Future<?> fu : futures) {
      try {
        fu.get();
      } catch (java.util.concurrent.ExecutionException e) {
        onFailure.run();
        Throwable c = e.getCause();
        if (c instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        if (c instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException(c);
      } catch (InterruptedException e) {
        onFailure.run();
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted", e);
      }
    }
  }

  private static String wellKey(SiteSource s) {
    return s.metadata().get("Plate") + "\u0000" + s.metadata().get("Well");
  }

  private static Map<Compartment, Table> concat(List<ProfileTables> list) {
    Map<Compartment, Table> out = new EnumMap<>(Compartment.class);
    for (ProfileTables t : list) {
      for (Map.Entry<Compartment, Table> e : t.compartments().entrySet()) {
        Table acc = out.get(e.getKey());
        if (acc == null) {
          // Table.copy adds the columns one by one, validated against every earlier name
          Table first = e.getValue();
          out.put(e.getKey(), Tables.of(first.name(), first.columns().stream().<Column<?>>map(Column::copy).toList()));
        } else {
          acc.append(e.getValue());
        }
      }
    }
    return out;
  }

  /**
   * Plate illumination functions: one streaming pass summing each plate's images per channel.
   */
  private static Map<String, Map<String, FloatImage>> illumination(
      List<SiteSource> sites, ProfileSettings settings, Options options) throws IOException {
    Map<String, Map<String, Illumination.Accumulator>> acc = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    Semaphore inFlight = new Semaphore(options.threads() + 1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      // rows are appended in site order whatever order the threads finish in: same input, same bytes
      Map<Integer, ProfileTables> finished = new HashMap<>();
      int[] nextToWrite = {0};
      for (int index = 0; index < sites.size(); index++) {
        SiteSource s = sites.get(index);
        int siteIndex = index;
        futures.add(submitBounded(pool, inFlight, () -> {
          SiteImages im = s.load(settings);
          String plate = s.metadata().getOrDefault("Plate", "");
          for (Map.Entry<String, FloatImage> e : im.images().entrySet()) {
            Illumination.Accumulator a;
            synchronized (acc) {
              a = acc.computeIfAbsent(plate, k -> new LinkedHashMap<>())
                  .computeIfAbsent(e.getKey(), k -> new Illumination.Accumulator(im.width(), im.height()));
            }
            a.add(e.getValue());
          }
        }));
      }
      try {
        awaitAll(futures, () -> { });
      } catch (RuntimeException e) {
        throw new IOException(e); // this pass has always reported a task's unchecked failure as an IOException
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Map<String, FloatImage>> out = new HashMap<>();
    acc.forEach((plate, m) -> {
      Map<String, FloatImage> fs = new HashMap<>();
      m.forEach((name, a) -> fs.put(name, a.result()));
      out.put(plate, fs);
    });
    return out;
  }

  /** A one-line text progress bar. */
  private static final class Progress {
    private final PrintStream out;
    private final int total;
    private final long t0;

    Progress(PrintStream out, int total, long t0) {
      this.out = out;
      this.total = total;
      this.t0 = t0;
    }

    synchronized void update(int done) {
      if (out == null) {
        return;
      }
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) done * width / total);
      double secs = (System.nanoTime() - t0) / 1e9;
      out.printf("\rProfiling [%s%s] %d/%d sites, %.1f sites/min", "=".repeat(filled), " ".repeat(width - filled),
          done, total, secs > 0 ? done * 60.0 / secs : 0.0);
      out.flush();
    }

    void finish() {
      if (out != null) {
        out.println();
      }
    }
  }
}
