package org.brightpaint.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.data.Well;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.CachedIllumination;
import org.brightpaint.models.GeneratorFiles;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.Generator;
import org.brightpaint.models.PlatePrediction;
import org.brightpaint.models.Sampling;
import org.brightpaint.training.CheckpointFiles;

/**
 * Predicts the stains of many plates on Spark, writing exactly what {@code brightpaint predict}
 * ({@link PlatePrediction}) writes on one machine:
 * <pre>
 * out/&lt;plate&gt;/Images/r&lt;RR&gt;c&lt;CC&gt;f&lt;FF&gt;p01-ch&lt;N&gt;sk1fk1fl1.tiff   (16-bit counts, the input's size)
 * out/&lt;plate&gt;/load_data.csv
 * </pre>
 * partitioned by plate, byte for byte the single-machine files.
 *
 * <p>Each site is one task ({@link PlatePrediction#predictSite}). Each executor holds ONE
 * generator, loaded lazily from the checkpoint by its first task and reused by every later task
 * ({@link ExecutorModels}), and reads each plate's illumination functions once
 * ({@link CachedIllumination}), not once per site. The driver lists the sites, runs the job and
 * writes each plate's {@code load_data.csv}; the output folder appears only when every site
 * succeeded ({@link AtomicFiles#writeFolder}: executors write into its temporary sibling, so the
 * folder must be on a file system every executor can write, as the plates must be readable).
 *
 * <p>Shipped to executors: the application jar and its dependencies (not Spark), and one small
 * {@link SiteTask} per site (plate folder, well, field, checkpoint path, run size and the
 * temporary output folder); executors sample with the generator's own default sampler, as
 * {@code predict} does without {@code --sampler}/{@code --steps}. Never images or weights: executors read both from the shared
 * file system.
 */
public final class SparkPredictor {

  private SparkPredictor() {}

  /**
   * One site as a task.
   *
   * @param plateDir the plate folder
   * @param well the well name ("A01")
   * @param field the field (site) number
   * @param checkpoint the checkpoint folder
   * @param size the run size label (its preprocessing)
   * @param imagesDir the folder that receives the site's images
   */
  public record SiteTask(String plateDir, String well, int field, String checkpoint, String size,
      String imagesDir) implements Serializable {}

  /**
   * What the job wrote.
   *
   * @param plates the plates, in order
   * @param sites sites predicted, all plates together
   * @param width width of the written images (the last site's; every site has its input's size)
   * @param height height of the written images
   * @param seconds wall seconds of the job
   */
  public record Summary(List<String> plates, int sites, int width, int height, double seconds) {}

  /**
   * Predicts every plate.
   *
   * @param spark the session (local or cluster)
   * @param plates plate folders (or folders of plate folders)
   * @param checkpoint the checkpoint: the {@code train --out} folder, its checkpoint or generator folder
   * @param size the run size whose preprocessing the generator was trained with
   * @param maxSitesPerPlate at most this many sites per plate, spread as by {@code predict --max-sites} (0 = all)
   * @param out the output folder (replaced atomically)
   * @return what was written
   * @throws IllegalArgumentException naming the folder when a plate or the checkpoint is not one,
   *     or two plates share a barcode
   * @throws IOException when writing fails (no output folder is left)
   */
  public static Summary run(SparkSession spark, List<Path> plates, Path checkpoint, RunSize size, int maxSitesPerPlate, Path out)
      throws IOException {
    Path genDir = CheckpointFiles.generatorDir(checkpoint);
    GeneratorOptions go = GeneratorFiles.readHeader(genDir).options();
    // the site cap only: each executor samples with its generator's own sampler, as predict does by default
    PlatePrediction.Options options = new PlatePrediction.Options(Preprocessing.of(size), Sampling.defaults(), maxSitesPerPlate);
    Map<PlateFolder, List<Site>> sites = new LinkedHashMap<>();
    Set<String> barcodes = new HashSet<>();
    for (Path p : plates) {
      for (PlateFolder plate : PlateSet.open(p).plates()) {
        if (!barcodes.add(plate.barcode())) {
          throw new IllegalArgumentException("Two plate folders have barcode " + plate.barcode() + " (" + plate.dir()
              + "): the output is partitioned by plate, give each plate once");
        }
        sites.put(plate, PlatePrediction.sitesToPredict(plate, options));
      }
    }
    long t0 = System.nanoTime();
    int[] wh = new int[2];
    int[] count = {0};
    AtomicFiles.writeFolder(out, tmp -> {
      List<SiteTask> tasks = new ArrayList<>();
      for (var e : sites.entrySet()) {
        Path images = Files.createDirectories(tmp.resolve(e.getKey().barcode()).resolve("Images"));
        for (Site s : e.getValue()) {
          tasks.add(new SiteTask(e.getKey().dir().toAbsolutePath().toString(), s.well().name(), s.field(),
              checkpoint.toAbsolutePath().toString(), size.label(), images.toAbsolutePath().toString()));
        }
      }
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      List<int[]> done = jsc.parallelize(tasks, tasks.size()).map(SparkPredictor::predict).collect();
      wh[0] = done.getLast()[0];
      wh[1] = done.getLast()[1];
      count[0] = done.size();
      for (var e : sites.entrySet()) {
        PlatePrediction.loadData(go, e.getKey(), e.getValue()).write(tmp.resolve(e.getKey().barcode()).resolve("load_data.csv"));
      }
    });
    return new Summary(sites.keySet().stream().map(PlateFolder::barcode).toList(), count[0], wh[0], wh[1],
        (System.nanoTime() - t0) / 1e9);
  }

  /** Runs on an executor: predicts one site with the executor's generator. */
  static int[] predict(SiteTask t) {
    Generator g = ExecutorModels.generator(t.checkpoint());
    CachedIllumination source = ExecutorModels.plate(t.plateDir());
    PlateFolder plate = (PlateFolder) source.source();
    Site site = new Site(plate.barcode(), Well.parse(t.well()), t.field());
    PlatePrediction.Options o = new PlatePrediction.Options(Preprocessing.of(RunSize.parse(t.size())),
        g.defaultSampling(), 0);
    try {
      return ExecutorModels.withGenerator(g, () -> PlatePrediction.predictSite(g, plate, source, site, o, Path.of(t.imagesDir())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the predictions of " + site.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Command line: {@code SparkPredictor --checkpoint DIR --data DIR[,DIR...] --out DIR [--size ci|paper-size|full]
   * [--max-sites N] [--master URL]}. Under {@code spark-submit} the master comes from spark-submit;
   * alone it defaults to {@code local[*]}.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    if (args.length % 2 != 0 || !a.containsKey("--checkpoint") || !a.containsKey("--data") || !a.containsKey("--out")) {
      System.err.println("Usage: SparkPredictor --checkpoint DIR --data DIR[,DIR...] --out DIR [--size ci] [--max-sites 0] [--master local[*]]");
      System.exit(2);
    }
    try {
      List<Path> plates = java.util.Arrays.stream(a.get("--data").split(",")).map(Path::of).toList();
      RunSize size = a.containsKey("--size") ? RunSize.parse(a.get("--size")) : RunSize.current();
      int max = Integer.parseInt(a.getOrDefault("--max-sites", "0"));
      SparkSession.Builder b = SparkSession.builder().appName("brightpaint-predict");
      if (a.containsKey("--master") || !System.getProperties().containsKey("spark.master")) {
        b = b.master(a.getOrDefault("--master", "local[*]"));
      }
      try (SparkSession spark = b.getOrCreate()) {
        Summary s = run(spark, plates, Path.of(a.get("--checkpoint")), size, max, Path.of(a.get("--out")));
        System.out.printf("Predicted %d sites of %d plates at %d x %d px in %.1f s -> %s%n", s.sites(), s.plates().size(),
            s.width(), s.height(), s.seconds(), a.get("--out"));
      }
    } catch (Exception e) {
      // a task's user error reaches the driver wrapped in Spark's job failure: one line all the same
      System.exit(SparkErrors.report(e));
    }
  }
}
