package org.brightpaint.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.Npy;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.ProfileTables;
import org.brightpaint.features.pipeline.SingleCellTable;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.features.pipeline.SiteProfiler;
import org.brightpaint.features.pipeline.SiteSource;
import org.brightpaint.features.pipeline.SiteSources;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Illumination;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Profiles sites on Spark. Each site is one task: the executor reads the site's images (paths
 * must be readable on every executor: a shared file system), segments and measures them with the
 * core library ({@link SiteProfiler}) and joins the compartments into one row per cell
 * ({@link SingleCellTable}); the rows are written as Parquet partitioned by
 * {@code Metadata_Plate} ({@code <out>/Metadata_Plate=<plate>/part-*.parquet}, Spark's atomic
 * commit: files appear with {@code _SUCCESS} when the job succeeds).
 *
 * <p>Shipped to executors: the application jar with its dependencies (the core library, Tablesaw,
 * picocli, TwelveMonkeys TIFF; not Spark), the settings preset name, and one small
 * {@link SiteTask} per site (image number, metadata, file paths), and the illumination folder's
 * path. Images and illumination functions are never shipped; each executor reads them, each
 * plate's functions once ({@link ExecutorIllumination}).
 */
public final class SparkProfiler {

  private SparkProfiler() {}

  /**
   * One site as a task: what an executor needs to load it.
   *
   * @param imageNumber CellProfiler's ImageNumber
   * @param metadata metadata without the Metadata_ prefix
   * @param files image name to path
   */
  public record SiteTask(int imageNumber, Map<String, String> metadata, Map<String, String> files) implements Serializable {
    /** @return the core library's site source */
    SiteSource source() {
      Map<String, Path> f = new LinkedHashMap<>();
      files.forEach((k, v) -> f.put(k, Path.of(v)));
      return new SiteSource(imageNumber, metadata, f);
    }

    /**
     * @param s a site source
     * @return its task
     */
    public static SiteTask of(SiteSource s) {
      Map<String, String> f = new LinkedHashMap<>();
      s.files().forEach((k, v) -> f.put(k, v.toAbsolutePath().toString()));
      return new SiteTask(s.imageNumber(), new LinkedHashMap<>(s.metadata()), f);
    }
  }

  /**
   * Profiles every site and writes the Parquet data set, without illumination correction or with
   * functions computed from the plates (see {@link #run(SparkSession, List, ProfileSettings, Path, Path)}).
   *
   * @param spark the session (local or cluster)
   * @param sites the sites (with Plate metadata)
   * @param settings the pipeline
   * @param out the output folder (must not exist)
   * @return the number of cells written
   * @throws IOException when the illumination functions cannot be written
   */
  public static long run(SparkSession spark, List<SiteSource> sites, ProfileSettings settings, Path out) throws IOException {
    return run(spark, sites, settings, out, null);
  }

  /**
   * Profiles every site and writes the Parquet data set. With the settings'
   * {@link ProfileSettings.IlluminationMode#PLATE_REGULAR} correction (CPJUMP1's), each plate's
   * functions come from {@code illumDir} ({@code <Plate>_Illum<Name>.npy}, as the Cell Painting
   * Gallery ships them and {@code profile --illum-dir} reads them) or, without it, are computed
   * first by one Spark task per plate, exactly as the single-machine profile computes them
   * ({@link Illumination.Accumulator} over the plate's sites in order), and written as
   * {@code <out>-illum/<Plate>_Illum<Name>.npy}. Site tasks then read their plate's functions once
   * per executor ({@link ExecutorIllumination}), never once per site.
   *
   * @param spark the session (local or cluster)
   * @param sites the sites (with Plate metadata)
   * @param settings the pipeline
   * @param out the output folder (must not exist)
   * @param illumDir the functions' folder, or null (computed when the settings correct illumination)
   * @return the number of cells written
   * @throws IllegalArgumentException naming the file when {@code illumDir} lacks a plate's function
   * @throws IOException when the computed functions cannot be written
   */
  public static long run(SparkSession spark, List<SiteSource> sites, ProfileSettings settings, Path out, Path illumDir)
      throws IOException {
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("No sites to profile");
    }
    for (SiteSource s : sites) {
      if (!s.metadata().containsKey("Plate")) {
        throw new IllegalArgumentException("Site " + s.key() + " has no Plate metadata: the output is partitioned by plate");
      }
    }
    boolean corrected = settings.illumination() == ProfileSettings.IlluminationMode.PLATE_REGULAR;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<SiteTask> tasks = sites.stream().map(SiteTask::of).toList();
    String dir = null;
    if (corrected) {
      Path d = illumDir;
      if (d == null) {
        d = out.resolveSibling(out.getFileName() + "-illum");
        computeIllumination(jsc, tasks, settings, d);
      } else {
        requireFunctions(tasks, settings, d);
      }
      dir = d.toAbsolutePath().toString();
    }
    StructType schema = schema(sites.get(0), settings);
    String preset = settings.name();
    String illum = dir;
    JavaRDD<Row> rows = jsc.parallelize(tasks, tasks.size()).flatMap(t -> rows(t, preset, illum, schema).iterator());
    var df = spark.createDataFrame(rows, schema).cache();
    long n = df.count();
    df.write().mode(SaveMode.ErrorIfExists).partitionBy("Metadata_Plate").parquet(out.toString());
    df.unpersist();
    return n;
  }

  /** One task per plate: the plate's functions, written to {@code dir} (which must not exist). */
  private static void computeIllumination(JavaSparkContext jsc, List<SiteTask> tasks, ProfileSettings settings, Path dir)
      throws IOException {
    if (Files.exists(dir)) {
      throw new IllegalArgumentException(dir + " exists: give it as the illumination folder to reuse its functions, or delete it");
    }
    Map<String, List<SiteTask>> byPlate = new LinkedHashMap<>();
    for (SiteTask t : tasks) {
      byPlate.computeIfAbsent(t.metadata().get("Plate"), k -> new ArrayList<>()).add(t);
    }
    String preset = settings.name();
    // all or nothing: executors write into the temporary sibling, renamed when every plate is done
    AtomicFiles.writeFolder(dir, tmp -> {
      String staging = tmp.toAbsolutePath().toString();
      jsc.parallelize(new ArrayList<>(byPlate.values()), byPlate.size())
          .foreach(plate -> plateIllumination(plate, preset, staging));
    });
  }

  /** Runs on an executor: sums a plate's images in site order and writes each name's function. */
  static void plateIllumination(List<SiteTask> plate, String preset, String dir) throws IOException {
    ProfileSettings settings = ProfileSettings.preset(preset);
    Map<String, Illumination.Accumulator> acc = new LinkedHashMap<>();
    for (SiteTask t : plate) {
      SiteImages im = t.source().load(settings);
      for (Map.Entry<String, FloatImage> e : im.images().entrySet()) {
        acc.computeIfAbsent(e.getKey(), k -> new Illumination.Accumulator(im.width(), im.height())).add(e.getValue());
      }
    }
    String barcode = plate.get(0).metadata().get("Plate");
    for (Map.Entry<String, Illumination.Accumulator> e : acc.entrySet()) {
      Npy.write(ExecutorIllumination.file(Path.of(dir), barcode, e.getKey()), e.getValue().result());
    }
  }

  private static void requireFunctions(List<SiteTask> tasks, ProfileSettings settings, Path dir) {
    List<String> missing = new ArrayList<>();
    tasks.stream().map(t -> t.metadata().get("Plate")).distinct().forEach(plate -> {
      for (String name : settings.requiredImages()) {
        Path f = ExecutorIllumination.file(dir, plate, name);
        if (!Files.isRegularFile(f)) {
          missing.add(f.toString());
        }
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("--illum-dir " + dir + " lacks " + String.join(", ", missing)
          + ": add the files, or leave out --illum-dir to compute the functions from the plates");
    }
  }

  /** Profiles one site on an executor and returns its cells as rows of {@code schema}. */
  static List<Row> rows(SiteTask task, String preset, String illumDir, StructType schema) {
    ProfileSettings settings = ProfileSettings.preset(preset);
    if (illumDir == null) {
      settings = settings.withIllumination(ProfileSettings.IlluminationMode.NONE);
    }
    try {
      SiteImages im = task.source().load(settings);
      Map<String, FloatImage> f = illumDir == null ? Map.of()
          : ExecutorIllumination.of(illumDir, task.metadata().get("Plate"), settings.requiredImages());
      Table t = SingleCellTable.of(ProfileTables.of(SiteProfiler.profile(im, settings, f)));
      return toRows(t, schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The columns of a site's joined table, from an empty site of the first site's channels. */
  static StructType schema(SiteSource first, ProfileSettings settings) {
    Map<String, FloatImage> blank = new LinkedHashMap<>();
    for (String name : settings.requiredImages()) {
      blank.put(name, FloatImage.zeros(32, 32));
    }
    SiteImages empty = new SiteImages(first.imageNumber(), first.metadata(), blank);
    Table t = SingleCellTable.of(ProfileTables.of(SiteProfiler.profile(empty, settings, Map.of())));
    List<StructField> fields = new ArrayList<>();
    for (Column<?> c : t.columns()) {
      DataType type = c instanceof tech.tablesaw.api.LongColumn ? DataTypes.LongType
          : c instanceof tech.tablesaw.api.StringColumn ? DataTypes.StringType : DataTypes.DoubleType;
      fields.add(DataTypes.createStructField(c.name(), type, true));
    }
    return DataTypes.createStructType(fields);
  }

  private static List<Row> toRows(Table t, StructType schema) {
    String[] names = schema.fieldNames();
    if (!List.of(names).equals(t.columnNames())) {
      throw new IllegalStateException("A site's columns differ from the schema: " + t.columnCount() + " vs " + names.length);
    }
    List<Row> out = new ArrayList<>(t.rowCount());
    List<Column<?>> cols = t.columns();
    for (int r = 0; r < t.rowCount(); r++) {
      Object[] v = new Object[cols.size()];
      for (int c = 0; c < v.length; c++) {
        Column<?> col = cols.get(c);
        if (col instanceof tech.tablesaw.api.DoubleColumn d) {
          v[c] = d.getDouble(r);
        } else if (col.isMissing(r)) {
          v[c] = null;
        } else {
          v[c] = col.get(r);
        }
      }
      out.add(RowFactory.create(v));
    }
    return out;
  }

  /**
   * Command line: {@code SparkProfiler --load-data CSV --out DIR [--preset NAME] [--illum-dir DIR | --illumination none] [--master URL]}.
   * Under {@code spark-submit} the master comes from spark-submit; alone it defaults to
   * {@code local[*]}.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    if (args.length % 2 != 0 || !a.containsKey("--load-data") || !a.containsKey("--out")) {
      System.err.println("Usage: SparkProfiler --load-data CSV --out DIR [--preset cpjump1] [--illum-dir DIR | --illumination none] [--master local[*]]");
      System.exit(2);
    }
    try {
      List<SiteSource> sites = SiteSources.fromLoadData(Path.of(a.get("--load-data")));
      ProfileSettings settings = ProfileSettings.preset(a.getOrDefault("--preset", "cpjump1"));
      if ("none".equals(a.get("--illumination"))) {
        settings = settings.withIllumination(ProfileSettings.IlluminationMode.NONE);
      }
      Path illumDir = a.containsKey("--illum-dir") ? Path.of(a.get("--illum-dir")) : null;
      SparkSession.Builder b = SparkSession.builder().appName("brightpaint-profile");
      if (a.containsKey("--master") || !System.getProperties().containsKey("spark.master")) {
        b = b.master(a.getOrDefault("--master", "local[*]"));
      }
      try (SparkSession spark = b.getOrCreate()) {
        long t0 = System.nanoTime();
        long cells = run(spark, sites, settings, Path.of(a.get("--out")), illumDir);
        System.out.printf("Profiled %d sites, %d cells in %.1f s -> %s%n", sites.size(), cells, (System.nanoTime() - t0) / 1e9, a.get("--out"));
      }
    } catch (Exception e) {
      // a task's user error reaches the driver wrapped in Spark's job failure: one line all the same
      System.exit(SparkErrors.report(e));
    }
  }
}
