package org.brightpaint.benchmark;

import org.brightpaint.training.MeanImageBaseline;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Split;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.eval.ImageEvaluation;
import org.brightpaint.eval.MeasuredCost;
import org.brightpaint.eval.MoaPrediction;
import org.brightpaint.eval.QualityReport;
import org.brightpaint.features.pipeline.MeasurementFamily;
import org.brightpaint.features.pipeline.PlateProfiler;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The end-to-end benchmark ({@code brightpaint benchmark}): plates -&gt; train every model -&gt;
 * predict the test split -&gt; profile real and predicted images -&gt; evaluate -&gt; report folder.
 *
 * <p>Every step is a {@link StageRunner} stage under {@code <out>/stages/}, so a killed run
 * continues with the first unfinished stage. Stages: {@code plates}; {@code train-<model>-all}
 * (both cell lines' training plates) and {@code predict-<model>-all} (both test plates);
 * for generalisability, {@code train-<model>-<line>} and {@code predict-<model>-<line>} for the
 * chosen models; {@code profile-real} and {@code profile-<model>} (CPJUMP1 features of the test
 * plates, with the {@code cpjump1-synthetic} preset on synthetic plates and {@code cpjump1} on real
 * ones, see {@link #profilePreset}); {@code counts-<model>-<line>} (nuclei counts of cross-line predictions); {@code cost};
 * and {@code report} ({@code <out>/report/}: CSV tables, gallery PNGs, {@code report.html}).
 */
public final class Benchmark {

  /**
   * Options.
   *
   * @param dataDir a folder of plate folders, or null for the synthetic plates of {@code size}
   * @param size the run size (synthetic plate preset, MoA subsampling)
   * @param out the output folder
   * @param models the models to train and compare
   * @param generalisation names of models also trained per cell line (cross-line experiment)
   * @param threads profiling threads
   * @param families the CellProfiler measurement families profiled (all of cpjump1's for the
   *     paper; fewer for quick runs)
   * @param predictedSitesPerPlate sites of each test plate every model predicts, spread evenly
   *     over the plate ({@link org.brightpaint.data.Site#spread}); 0 for all. Real images are
   *     profiled in full; image quality and feature correlation use the predicted sites.
   */
  public record Options(Path dataDir, RunSize size, Path out, List<ModelRunner> models, List<String> generalisation, int threads,
      Set<MeasurementFamily> families, int predictedSitesPerPlate) {

    /**
     * Options with the run size's default site cap ({@link #predictedSitesPerPlate(RunSize)}).
     *
     * @param dataDir plates folder or null
     * @param size run size
     * @param out output folder
     * @param models models
     * @param generalisation cross-line models
     * @param threads profiling threads
     * @param families measurement families
     */
    public Options(Path dataDir, RunSize size, Path out, List<ModelRunner> models, List<String> generalisation, int threads,
        Set<MeasurementFamily> families) {
      this(dataDir, size, out, models, generalisation, threads, families, Benchmark.predictedSitesPerPlate(size));
    }

    /** Validates. */
    public Options {
      if (predictedSitesPerPlate < 0) {
        throw new IllegalArgumentException("predictedSitesPerPlate must be >= 0, got " + predictedSitesPerPlate);
      }
      if (out == null || size == null) throw new IllegalArgumentException("out and size are required");
      if (models.isEmpty()) throw new IllegalArgumentException("The benchmark needs at least one model");
      models = List.copyOf(models);
      generalisation = List.copyOf(generalisation);
      if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      families = Set.copyOf(families);
    }
  }

  /**
   * The outcome.
   *
   * @param report the HTML report
   * @param evaluation everything the report shows
   */
  public record Result(Path report, Evaluation.Result evaluation) {}

  /**
   * Test sites per plate each model predicts at "ci" size: one site of each of the ci preset's 24
   * wells (so every MoA group), since sampling a diffusion model costs seconds per site on a CPU.
   */
  public static final int CI_PREDICTED_SITES_PER_PLATE = 24;

  /**
   * The default site cap of a run size.
   *
   * @param size the run size
   * @return {@link #CI_PREDICTED_SITES_PER_PLATE} at CI, 0 (every site) at FULL
   */
  public static int predictedSitesPerPlate(RunSize size) {
    return size.bounded() ? CI_PREDICTED_SITES_PER_PLATE : 0;
  }

  private Benchmark() {}

  /**
   * The benchmark of the current run size ({@link RunSize#current()}) on the synthetic plates,
   * in the workspace folder {@code benchmark} with the default models, run or resumed (finished
   * stages are not redone; generators trained by notebooks 02 to 06 in the workspace's
   * {@code runs} folder are reused). The entry point of the notebooks.
   *
   * @return the result
   * @throws Exception when a stage fails
   */
  public static Result current() throws Exception {
    RunSize size = RunSize.current();
    var ws = org.brightpaint.config.Workspace.current();
    Path out = ws.dir(size, "benchmark");
    Files.createDirectories(out);
    Path log = out.resolve("benchmark.log");
    // notebooks show one status line; the stage log goes to a file (issue 10, observation 7)
    try (PrintStream p = new PrintStream(Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND), true, java.nio.charset.StandardCharsets.UTF_8)) {
      long before = Files.size(log);
      Result r = run(defaults(null, size, out, ws.dir(size, "runs")), p);
      p.flush();
      String text;
      try (var in = Files.newInputStream(log)) {
        in.skipNBytes(before);
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      long skipped = text.lines().filter(l -> l.endsWith("done earlier, skipped")).count();
      long ran = text.lines().filter(l -> l.matches("\\[[^]]+\\] finished in .*")).count();
      System.out.println("benchmark (" + size.label() + "): " + ran + " stages run now, " + skipped + " done earlier; log: " + log);
      return r;
    }
  }

  /**
   * The default options: the mean-image baseline and the five generators
   * ({@link GeneratorRunner#all}), cross-line training for the baseline and the UNet, all cores,
   * every cpjump1 measurement family.
   *
   * @param dataDir a folder of plate folders, or null for synthetic plates
   * @param size the run size
   * @param out the output folder
   * @param runs the folder of training runs (checkpoints), e.g. {@code <out>/runs}
   * @return the options
   */
  public static Options defaults(Path dataDir, RunSize size, Path out, Path runs) {
    List<ModelRunner> models = new ArrayList<>();
    models.add(new MeanImageRunner());
    models.addAll(GeneratorRunner.all(size, runs));
    return new Options(dataDir, size, out, models, List.of(org.brightpaint.training.MeanImageBaseline.NAME, "unet"),
        Runtime.getRuntime().availableProcessors(), ProfileSettings.cpjump1().families());
  }

  /**
   * Runs (or resumes) the benchmark.
   *
   * @param o options
   * @param progress progress lines
   * @return the report and its content
   * @throws Exception when a stage fails (finished stages stay done)
   */
  public static Result run(Options o, PrintStream progress) throws Exception {
    if (o.dataDir() != null) {
      // the user's plates are checked before anything is written: a wrong folder leaves no output
      requireTrainAndTest(PlateSet.open(o.dataDir()));
    }
    StageRunner stages = StageRunner.of(o.out().resolve("stages"), progress);
    PlateSet plates = plates(o, stages);
    requireTrainAndTest(plates);
    List<PlateFolder> train = select(plates, null, Split.TRAIN), test = select(plates, null, Split.TEST);
    Set<String> testBarcodes = new java.util.TreeSet<>();
    test.forEach(p -> testBarcodes.add(p.barcode()));
    Map<String, Path> predictions = new LinkedHashMap<>();
    List<MeasuredCost> costs = new ArrayList<>();
    for (ModelRunner m : o.models()) {
      long t0 = System.nanoTime();
      Path trained = stages.run("train-" + m.name() + "-all", dir -> m.train(plates, null, dir));
      long t1 = System.nanoTime();
      Path pred = stages.run("predict-" + m.name() + "-all", dir -> m.predict(trained, test, o.predictedSitesPerPlate(), dir));
      long t2 = System.nanoTime();
      predictions.put(m.name(), pred);
      Optional<MeasuredCost> metered = m.cost(trained);
      if (metered.isPresent()) {
        costs.add(metered.get());
      } else {
        // measured once, in the run that trained and predicted, and read back on every resume (issue 10, obs. 3)
        Path c = stages.run("cost-" + m.name(), dir -> ReportFiles.writeString(
            costLine(cost(m.name(), trained, (t1 - t0) / 1e9, (t2 - t1) / 1e9, train, test)), dir.resolve("cost.csv")));
        costs.add(readCost(c.resolve("cost.csv")));
      }
    }
    ProfileSettings settings = profilePreset(plates.root()).withFamilies(o.families());
    progress.println("[profile] preset " + settings.name() + (settings.name().equals("cpjump1-synthetic")
        ? " (synthetic plates: CPJUMP1 with nuclei settings tuned on synthetic plates)"
        : " (CPJUMP1_analysis.cppipe settings)"));
    Path realProfile = stages.run("profile-real", dir -> profile(plates.root(), testBarcodes, settings, dir, o.threads(), progress));
    Map<String, Path> profiles = new LinkedHashMap<>();
    for (var e : predictions.entrySet()) {
      profiles.put(e.getKey(), stages.run("profile-" + e.getKey(), dir -> profile(e.getValue(), testBarcodes, settings, dir, o.threads(), progress)));
    }
    Map<String, CrossLine> crossLines = new LinkedHashMap<>();
    for (ModelRunner m : o.models()) {
      if (o.generalisation().contains(m.name())) crossLines.put(m.name(), crossLineStages(m, plates, stages, o, progress));
    }
    // computed once per benchmark folder (seeded) and stored; every later run and notebook reads
    // the stored tables and figures, so all of them show the same numbers (issue 10)
    Path evaluated = stages.run("evaluate", dir -> {
      progress.println("[evaluate] images, features, MoA, embedding, generalisability, cost");
      Map<String, Table> cells = new LinkedHashMap<>();
      cells.put("real", FeatureTables.read(realProfile, true));
      for (var e : profiles.entrySet()) cells.put(e.getKey(), FeatureTables.read(e.getValue(), true));
      Map<String, Table> generalisation = new LinkedHashMap<>();
      for (var e : crossLines.entrySet()) generalisation.put(e.getKey(), crossLineTable(e.getKey(), e.getValue(), plates, o));
      QualityReport.Options q = QualityReport.Options.defaults().withPlates(testBarcodes)
          .withAllowPartial(o.predictedSitesPerPlate() > 0);
      int worst = 3;
      ImageEvaluation ie = ImageEvaluation.of(plates.root(), predictions, q, worst);
      MoaPrediction.Options moa = MoaPrediction.Options.of(FeatureTables.LABEL)
          .withMaxCellsPerClass(o.size() == RunSize.FULL ? 500 : 60);
      EvaluationFiles.write(Evaluation.run(new Evaluation.Inputs(ie, cells, FeatureTables.IMAGE_KEYS, FeatureTables.LABEL,
          generalisation, costs, moa)), dir);
      ReportFiles.writeString(evaluationInputs(o), dir.resolve(EVALUATION_INPUTS));
    });
    // a stored evaluation of other inputs (models, cross-line models, sites, families) is never shown as this run's
    String stored = Files.exists(evaluated.resolve(EVALUATION_INPUTS)) ? Files.readString(evaluated.resolve(EVALUATION_INPUTS)) : "(none)";
    if (!stored.equals(evaluationInputs(o))) {
      throw new IllegalArgumentException("The stored evaluation " + evaluated + " was computed for other inputs (" + stored.strip()
          + "; this run: " + evaluationInputs(o).strip() + "): delete that folder to recompute it");
    }
    Evaluation.Result evaluation = EvaluationFiles.read(evaluated);
    // Figure 2-style panel: one site, real and every model, each channel on one intensity scale
    Path panel = stages.run("site-panel", dir -> {
      java.awt.image.BufferedImage img = org.brightpaint.eval.SitePanel.of(plates.root(), predictions, 96);
      if (img != null) ReportFiles.writeBytes(BenchmarkReport.png(img), dir.resolve("figure2.png"));
    });
    if (Files.exists(panel.resolve("figure2.png"))) {
      evaluation.images().put(BenchmarkViews.FIGURE2, javax.imageio.ImageIO.read(panel.resolve("figure2.png").toFile()));
    }
    // the acceptance check is part of the report; callers fail the run with QualityGate.require()
    evaluation.tables().put("quality_gate", QualityGate.of(evaluation).table());
    String title = reportTitle(o.size());
    stages.run("report", dir -> BenchmarkReport.write(evaluation, dir, title, HtmlReport.create(title)));
    return new Result(stages.dir("report").resolve("report.html"), evaluation);
  }

  /**
   * @param size the run size
   * @return the title of the benchmark report of that size
   */
  public static String reportTitle(RunSize size) {
    return "brightpaint benchmark (" + size.label() + ")";
  }

  /** The file in the evaluate stage that records what the stored evaluation was computed from. */
  static final String EVALUATION_INPUTS = "inputs.txt";

  /** @return one line naming what the evaluation depends on beyond the finished stages */
  static String evaluationInputs(Options o) {
    return "size=" + o.size().label() + " models=" + o.models().stream().map(ModelRunner::name).toList()
        + " generalisation=" + o.generalisation() + " predictedSitesPerPlate=" + o.predictedSitesPerPlate()
        + " families=" + new java.util.TreeSet<>(o.families().stream().map(Enum::name).toList()) + "\n";
  }

  /**
   * @param plates a plate set
   * @throws IllegalArgumentException naming the folder and what to do when it lacks training or
   *     test plates (their split comes from each plate's plate.csv or the benchmark manifest)
   */
  private static void requireTrainAndTest(PlateSet plates) {
    int train = select(plates, null, Split.TRAIN).size(), test = select(plates, null, Split.TEST).size();
    if (train == 0 || test == 0) {
      throw new IllegalArgumentException("Need training and test plates under " + plates.root() + ": found " + train
          + " and " + test + "; mark each plate's split in its plate.csv (brightpaint manifest --images PLATE "
          + "--write-plate-csv --split train|test)");
    }
  }

  /**
   * The profiling preset for a plate folder: {@code cpjump1-synthetic} for synthetic plates (the
   * folder holds {@link SyntheticPlates#MARKER}), the exact {@code cpjump1} otherwise.
   *
   * @param plateRoot the folder of plate folders
   * @return the preset
   */
  static ProfileSettings profilePreset(Path plateRoot) {
    return Files.exists(plateRoot.resolve(SyntheticPlates.MARKER))
        ? ProfileSettings.cpjump1Synthetic() : ProfileSettings.cpjump1();
  }

  private static PlateSet plates(Options o, StageRunner stages) {
    Path[] root = new Path[1];
    stages.run("plates", dir -> {
      PlateSet ps = o.dataDir() != null ? PlateSet.open(o.dataDir()) : SyntheticPlates.ensure(o.size());
      Files.writeString(dir.resolve("root.txt"), ps.root().toString());
    });
    root[0] = Path.of(readString(stages.dir("plates").resolve("root.txt")).trim());
    return PlateSet.open(root[0]);
  }

  private static List<PlateFolder> select(PlateSet ps, CellLine line, Split split) {
    List<PlateFolder> out = new ArrayList<>();
    for (PlateFolder p : ps.plates()) {
      if (p.split().orElse(null) == split && (line == null || p.cellLine().orElse(null) == line)) out.add(p);
    }
    return out;
  }

  /** Profiles every test-plate site under root (real plates or a prediction folder). */
  static void profile(Path root, Set<String> plates, ProfileSettings settings, Path out, int threads, PrintStream progress) throws Exception {
    var sites = org.brightpaint.eval.QualityFolders.scan(root);
    List<SiteSource> sources = new ArrayList<>();
    int n = 0;
    for (var e : new TreeMap<>(sites).entrySet()) {
      if (!plates.contains(e.getKey().plate())) continue;
      Map<String, Path> files = new LinkedHashMap<>();
      for (Channel c : Channel.FLUORESCENT) {
        Path f = e.getValue().get(c);
        if (f == null) throw new IllegalArgumentException("Site " + e.getKey() + " under " + root + " has no " + c.cpName() + " image");
        files.put(c.cpName(), f);
      }
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("Plate", e.getKey().plate());
      meta.put("Well", e.getKey().well());
      meta.put("Site", Integer.toString(e.getKey().site()));
      sources.add(new SiteSource(++n, meta, files));
    }
    if (sources.isEmpty()) throw new IllegalArgumentException("No sites of plates " + plates + " under " + root);
    PlateProfiler.run(sources, settings, new PlateProfiler.Options(out, false, false, threads, progress));
  }

  /**
   * The finished stages of one model's cross-line experiment.
   *
   * @param realCounts the counts-real stage (nuclei counts of every test site)
   * @param predictions training line to its predict stage folder
   * @param counts training line to its counts stage folder
   */
  record CrossLine(Path realCounts, Map<CellLine, Path> predictions, Map<CellLine, Path> counts) {}

  /** Trains m per cell line, predicts every test plate and counts nuclei (stages). */
  private static CrossLine crossLineStages(ModelRunner m, PlateSet plates, StageRunner stages, Options o, PrintStream progress) {
    ProfileSettings countsOnly = profilePreset(plates.root()).withFamilies(Set.<MeasurementFamily>of());
    List<PlateFolder> allTest = select(plates, null, Split.TEST);
    Set<String> allBarcodes = new java.util.TreeSet<>();
    allTest.forEach(p -> allBarcodes.add(p.barcode()));
    Path rc = stages.run("counts-real", dir -> profile(plates.root(), allBarcodes, countsOnly, dir, o.threads(), progress));
    Map<CellLine, Path> preds = new LinkedHashMap<>(), counts = new LinkedHashMap<>();
    for (CellLine trainLine : CellLine.values()) {
      if (select(plates, trainLine, Split.TRAIN).isEmpty()) continue;
      String tag = m.name() + "-" + trainLine.name();
      Path trained = stages.run("train-" + tag, dir -> m.train(plates, trainLine, dir));
      Path pred = stages.run("predict-" + tag, dir -> m.predict(trained, allTest, o.predictedSitesPerPlate(), dir));
      preds.put(trainLine, pred);
      counts.put(trainLine, stages.run("counts-" + tag, dir -> profile(pred, allBarcodes, countsOnly, dir, o.threads(), progress)));
    }
    return new CrossLine(rc, preds, counts);
  }

  /** The per-image cross-line table of one model from its finished stages. */
  private static Table crossLineTable(String model, CrossLine cl, PlateSet plates, Options o) throws Exception {
    Table t = Table.create("cross_line_" + model, StringColumn.create("train_line"), StringColumn.create("test_line"),
        StringColumn.create("image"), DoubleColumn.create("mse"), DoubleColumn.create("psnr"), DoubleColumn.create("ssim"),
        DoubleColumn.create("cells_real"), DoubleColumn.create("cells_pred"));
    Set<String> allBarcodes = new java.util.TreeSet<>();
    select(plates, null, Split.TEST).forEach(p -> allBarcodes.add(p.barcode()));
    Map<String, Double> realCounts = new java.util.HashMap<>();
    readCounts(cl.realCounts(), realCounts);
    for (CellLine trainLine : cl.predictions().keySet()) {
      Path pred = cl.predictions().get(trainLine);
      Map<String, Double> predCounts = new java.util.HashMap<>();
      readCounts(cl.counts().get(trainLine), predCounts);
      QualityReport qr = QualityReport.compare(plates.root(), pred, QualityReport.Options.defaults().withPlates(allBarcodes)
          .withAllowPartial(o.predictedSitesPerPlate() > 0));
      Map<String, double[]> perSite = new LinkedHashMap<>();
      Table q = qr.table();
      for (int i = 0; i < q.rowCount(); i++) {
        String key = q.stringColumn("plate").get(i) + "/" + q.stringColumn("well").get(i) + "/" + q.intColumn("site").get(i);
        double[] a = perSite.computeIfAbsent(key, k -> new double[4]);
        a[0] += q.doubleColumn("mse").getDouble(i);
        a[1] += q.doubleColumn("psnr").getDouble(i);
        a[2] += q.doubleColumn("ssim").getDouble(i);
        a[3]++;
      }
      for (var e : perSite.entrySet()) {
        String plate = e.getKey().substring(0, e.getKey().indexOf('/'));
        CellLine testLine = plates.plate(plate).cellLine().orElseThrow(() -> new IllegalArgumentException("Plate " + plate + " has no cell line"));
        double[] a = e.getValue();
        t.stringColumn("train_line").append(trainLine.name());
        t.stringColumn("test_line").append(testLine.name());
        t.stringColumn("image").append(e.getKey());
        t.doubleColumn("mse").append(a[0] / a[3]);
        t.doubleColumn("psnr").append(a[1] / a[3]);
        t.doubleColumn("ssim").append(a[2] / a[3]);
        t.doubleColumn("cells_real").append(realCounts.getOrDefault(e.getKey(), Double.NaN));
        t.doubleColumn("cells_pred").append(predCounts.getOrDefault(e.getKey(), Double.NaN));
      }
    }
    return t;
  }

  private static void readCounts(Path profileDir, Map<String, Double> out) throws java.io.IOException {
    Table img = Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(profileDir.resolve("Image.csv").toFile())
        .columnTypesPartial(c -> c.startsWith("Metadata_") ? java.util.Optional.of(tech.tablesaw.api.ColumnType.STRING) : java.util.Optional.empty())
        .build());
    for (int r = 0; r < img.rowCount(); r++) {
      out.put(img.getString(r, "Metadata_Plate") + "/" + img.getString(r, "Metadata_Well") + "/" + img.getString(r, "Metadata_Site"),
          Double.parseDouble(img.getString(r, "Count_Nuclei")));
    }
  }

  /** Timing-based cost for runners without a cost meter (seconds per training site, per predicted site). */
  private static MeasuredCost cost(String model, Path trained, double trainSeconds, double predictSeconds,
      List<PlateFolder> train, List<PlateFolder> test) throws java.io.IOException {
    long bytes;
    try (var s = Files.walk(trained)) {
      bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    int trainSites = train.stream().mapToInt(p -> p.sites().size()).sum();
    int testSites = test.stream().mapToInt(p -> p.sites().size()).sum();
    Runtime rt = Runtime.getRuntime();
    // stages skipped on resume report 0 s: those rows are marked by NaN timings
    double perStep = trainSeconds < 0.01 ? Double.NaN : trainSeconds / Math.max(1, trainSites);
    double perImage = predictSeconds < 0.01 ? Double.NaN : predictSeconds / Math.max(1, testSites);
    return new MeasuredCost(model, "CPU (" + rt.availableProcessors() + " cores)", "as run", perStep, 1,
        (rt.totalMemory() - rt.freeMemory()) / 1e6, perImage, bytes / 1e6, Double.NaN);
  }

  /** @return one CSV line of a cost record (the format {@link #readCost} reads) */
  static String costLine(MeasuredCost c) {
    return String.join(",", c.model(), c.device(), c.preset(), Double.toString(c.secondsPerStep()), Integer.toString(c.imagesPerStep()),
        Double.toString(c.peakMemoryMb()), Double.toString(c.inferenceSecondsPerImage()), Double.toString(c.checkpointMb()),
        Double.toString(c.generatorMb())) + "\n";
  }

  /** @return the cost record of a {@link #costLine} file */
  static MeasuredCost readCost(Path file) {
    String[] f = readString(file).trim().split(",");
    if (f.length != 9) throw new IllegalArgumentException("Cost file " + file + " has " + f.length + " fields, expected 9; delete its stage folder to remeasure");
    return new MeasuredCost(f[0], f[1], f[2], Double.parseDouble(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]),
        Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]));
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
