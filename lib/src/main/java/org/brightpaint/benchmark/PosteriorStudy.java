package org.brightpaint.benchmark;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.eval.BootstrapMean;
import org.brightpaint.eval.FeatureCorrelation;
import org.brightpaint.eval.FeatureName;
import org.brightpaint.eval.Kde;
import org.brightpaint.eval.PosteriorScores;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.Tables;
import org.brightpaint.features.pipeline.Compartment;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.RealObjects;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.features.pipeline.SiteProfile;
import org.brightpaint.features.pipeline.SiteProfiler;
import org.brightpaint.image.FloatImage;
import org.brightpaint.models.CentreCropDraws;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Generators;
import org.brightpaint.models.Sampling;
import org.brightpaint.models.Stochasticity;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Per-cell posteriors of each generator scored with information gain (issue 13; Tonks et al.,
 * arXiv:2602.23305): for a few test sites, K draws of each site's centre crop
 * ({@link CentreCropDraws}), every draw profiled in the REAL crop's objects ({@link RealObjects}),
 * and per cell and stain-dependent feature the {@link PosteriorScores} (IG and calibration).
 * Beside it, the ordinary feature correlation of draw 1 in both modes: real objects
 * ({@link FeatureCorrelation#ofRealObjects}) and re-segmentation with centroid matching
 * ({@link FeatureCorrelation#of}).
 *
 * <p>Features scored: the measurement groups with at least one image (Intensity, Texture,
 * Granularity, RadialDistribution, Correlation, intensity-weighted Location) of all three
 * compartments; shape, neighbour and centre features are the real cell's own in real-objects mode
 * and carry no prediction. A point predictor (UNet) gives one draw; its "posterior" is a kernel of
 * the floor bandwidth ({@link Kde#MIN_BANDWIDTH} real sd) around that draw, so its IG shows what a
 * proper scoring rule makes of a point prediction, not a posterior.
 */
public final class PosteriorStudy {

  private PosteriorStudy() {}

  /**
   * @param samples K draws per site (stochastic models)
   * @param sites test sites, spread over the test plates
   * @param crop centre-crop side in preprocessed pixels
   * @param seed seed of draw 1 (draw k: seed + k) and of the bootstrap
   * @param sampling diffusion sampler and steps (its seed is replaced by {@code seed}); null: each
   *     generator's own ({@link Generator#defaultSampling()})
   * @param settings profiling pipeline
   */
  public record Options(int samples, int sites, int crop, long seed, Sampling sampling, ProfileSettings settings) {}

  /**
   * @param name the model's name in tables
   * @param generatorDir its generator folder
   */
  public record Model(String name, Path generatorDir) {}

  /**
   * One cell and feature explained.
   *
   * @param model the model
   * @param feature the feature column
   * @param real the real value (standardised)
   * @param samples the K sampled values (standardised)
   * @param population the real values of all scored cells (standardised)
   * @param ig the cell's IG, nats
   */
  public record CellExample(String model, String feature, double real, double[] samples, double[] population,
      double ig) {}

  /**
   * @param scores per model, its scores
   * @param stochasticity per model, where its draws' randomness comes from
   * @param ig per model, group and channel: mean IG with its 95 % bootstrap interval over cells
   * @param calibration per model: K, cells, coverage of the 50 % and 90 % intervals, PIT histogram
   * @param correlation per model and mode: median Pearson r of draw 1 over stain-dependent features
   * @param seeds per model, the seeds of its draws
   * @param examples per model, the cell-feature pair of median IG in the feature with the highest mean IG
   * @param sites the sites used ("plate well site")
   * @param cropPx the crop side in input pixels
   */
  public record Result(Map<String, PosteriorScores> scores, Map<String, Stochasticity> stochasticity, Table ig,
      Table calibration, Table correlation, Map<String, List<Long>> seeds, Map<String, CellExample> examples,
      List<String> sites, int cropPx) {}

  /** Sites the notebook and the ci report sample by default. */
  public static final int DEFAULT_SITES = 3;

  /** Draws per site at ci (issue 13: K = 8). */
  public static final int DEFAULT_SAMPLES = 8;

  /**
   * Centre crop at ci, preprocessed pixels: 192 x 192 of the 256 x 256 ci sites (16 instead of 36
   * tiles of 64 px per draw, a multiple of the GANs' 64 px size multiple), about 10 cells per crop.
   */
  public static final int DEFAULT_CROP = 192;

  /** The models in report order: the four stochastic generators, then UNet as a point prediction. */
  public static final List<org.brightpaint.models.ModelKind> MODELS = List.of(
      org.brightpaint.models.ModelKind.PALETTE, org.brightpaint.models.ModelKind.SPADE_DIFFUSION,
      org.brightpaint.models.ModelKind.PIX2PIX, org.brightpaint.models.ModelKind.SPADE,
      org.brightpaint.models.ModelKind.UNET);

  /**
   * The study on the current run size's workspace: the synthetic test plates, every generator of
   * {@link #MODELS} trained in the workspace's {@code runs} folder (notebooks 02-06 or the
   * benchmark), each diffusion model with its own sampler; tables written to the workspace folder
   * {@code posterior} ({@code ig.csv}, {@code calibration.csv}, {@code correlation.csv},
   * {@code seeds.csv}) and, when the benchmark report exists, its section page
   * ({@link PosteriorReport#write}).
   *
   * @param samples K
   * @param sites sites
   * @param crop centre crop, preprocessed pixels
   * @return the result
   * @throws IOException when a generator or a table cannot be read or written
   */
  public static Result current(int samples, int sites, int crop) throws IOException {
    return current(samples, sites, crop, MODELS);
  }

  /**
   * {@link #current(int, int, int)} for some of the models.
   *
   * @param samples K
   * @param sites sites
   * @param crop centre crop, preprocessed pixels
   * @param kinds the models, in table order
   * @return the result
   * @throws IOException when a generator or a table cannot be read or written
   */
  public static Result current(int samples, int sites, int crop, List<org.brightpaint.models.ModelKind> kinds)
      throws IOException {
    org.brightpaint.config.RunSize size = org.brightpaint.config.RunSize.current();
    var ws = org.brightpaint.config.Workspace.current();
    var plates = org.brightpaint.data.synthetic.SyntheticPlates.ensure(size);
    List<PlateFolder> test = plates.plates().stream()
        .filter(p -> p.split().orElse(null) == org.brightpaint.data.Split.TEST).toList();
    List<Model> models = new ArrayList<>();
    for (org.brightpaint.models.ModelKind k : kinds) {
      Path cp = ws.dir(size, "runs").resolve(k.cliName()).resolve("checkpoint");
      if (java.nio.file.Files.isDirectory(cp)) {
        models.add(new Model(label(k), org.brightpaint.training.CheckpointFiles.generatorDir(cp)));
      }
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("No trained generator under " + ws.dir(size, "runs")
          + ": run notebooks 02-06 or the benchmark first");
    }
    Result r = run(models, test, Preprocessing.of(size), new Options(samples, sites, crop, 20261207L, null,
        Benchmark.profilePreset(plates.root())), System.out);
    write(r, ws.dir(size, "posterior"));
    Path report = ws.dir(size, "benchmark").resolve("stages").resolve("report");
    if (java.nio.file.Files.exists(report.resolve("report.html"))) {
      PosteriorReport.write(r, report);
      // the main report.html gains the posterior section: rewritten from the benchmark's stored
      // stages (Benchmark.current() reads them; nothing is recomputed once the report exists)
      Benchmark.Result run;
      try {
        run = Benchmark.current();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("Cannot read the benchmark to add the posterior section to " + report + ": "
            + e.getMessage(), e);
      }
      String title = Benchmark.reportTitle(size);
      BenchmarkReport.write(run.evaluation(), report, title, HtmlReport.create(title));
    }
    return r;
  }

  /**
   * Runs {@link #current(int, int, int, List)} and prints the tables: {@code K SITES CROP
   * [KIND,KIND,...]} (kinds as {@link org.brightpaint.models.ModelKind} names; default all of
   * {@link #MODELS}). The workspace and size come from {@code BRIGHTPAINT_WORKSPACE} and
   * {@code BRIGHTPAINT_SIZE}.
   *
   * @param args K, sites, crop, optional kinds
   * @throws IOException when a generator or table cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("Usage: PosteriorStudy K SITES CROP [PALETTE,SPADE_DIFFUSION,PIX2PIX,SPADE,UNET]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    List<org.brightpaint.models.ModelKind> kinds = args.length > 3 ? Arrays.stream(args[3].split(","))
        .map(org.brightpaint.models.ModelKind::valueOf).toList() : MODELS;
    Result r = current(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), kinds);
    System.out.println(PosteriorViews.igByGroup(r).printAll());
    System.out.println(r.calibration().printAll());
    System.out.println(r.correlation().printAll());
    System.out.println(PosteriorViews.summary(r));
    System.out.printf(java.util.Locale.ROOT, "sites %s, crop %d px, %.0f s%n", r.sites(), r.cropPx(),
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Writes the tables, atomically per file.
   *
   * @param r the result
   * @param dir the folder
   * @throws IOException when writing fails
   */
  public static void write(Result r, Path dir) throws IOException {
    for (Table t : List.of(r.ig(), r.calibration(), r.correlation())) {
      String name = t.name().replace("posterior_", "") + ".csv";
      org.brightpaint.data.io.AtomicFiles.write(dir.resolve(name), out -> t.write().csv(out));
    }
    StringBuilder sb = new StringBuilder("model,draw,seed\n");
    r.seeds().forEach((m, ss) -> {
      for (int k = 0; k < ss.size(); k++) {
        sb.append(m).append(',').append(k + 1).append(',').append(ss.get(k)).append('\n');
      }
    });
    org.brightpaint.data.io.AtomicFiles.writeString(dir.resolve("seeds.csv"), sb.toString());
  }

  /**
   * @param k a model kind
   * @return its name in tables ("Palette", "SPADE-Diffusion", "Pix2Pix", "SPADE", "UNet")
   */
  public static String label(org.brightpaint.models.ModelKind k) {
    return switch (k) {
      case PALETTE -> "Palette";
      case SPADE_DIFFUSION -> "SPADE-Diffusion";
      case PIX2PIX -> "Pix2Pix";
      case SPADE -> "SPADE";
      case UNET -> "UNet";
    };
  }

  /**
   * Runs the study.
   *
   * @param models the generators
   * @param testPlates plates to take the sites from
   * @param prep the generators' preprocessing
   * @param options K, sites, crop, seed, sampler, pipeline
   * @param progress progress lines
   * @return the scores and tables
   * @throws IOException when a generator cannot be read
   */
  public static Result run(List<Model> models, List<PlateFolder> testPlates, Preprocessing prep, Options options,
      PrintStream progress) throws IOException {
    List<PlateFolder> sitePlates = new ArrayList<>();
    List<Site> sites = new ArrayList<>();
    for (int round = 0; sites.size() < options.sites() && round < options.sites(); round++) {
      for (PlateFolder p : testPlates) {
        List<Site> spread = Site.spread(p.sites(), options.sites());
        if (round < spread.size() && sites.size() < options.sites()) {
          sites.add(spread.get(round));
          sitePlates.add(p);
        }
      }
    }
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("No test sites to sample in " + testPlates.size() + " plates");
    }
    Map<String, PosteriorScores> scores = new LinkedHashMap<>();
    Map<String, Stochasticity> stoch = new LinkedHashMap<>();
    Map<String, List<Long>> seeds = new LinkedHashMap<>();
    Map<String, CellExample> examples = new LinkedHashMap<>();
    Table correlation = Table.create("posterior_correlation", StringColumn.create("model"), StringColumn.create("mode"),
        DoubleColumn.create("median_r"), IntColumn.create("features"), IntColumn.create("cells"));
    int cropPx = 0;
    for (Model m : models) {
      long t0 = System.nanoTime();
      Map<String, List<Double>> real = new LinkedHashMap<>();
      Map<String, List<double[]>> drawn = new LinkedHashMap<>();
      Columns realRo = new Columns(), drawRo = new Columns(), realSeg = new Columns(), drawSeg = new Columns();
      try (Generator g = Generators.load(m.generatorDir(), Device.cpu())) {
        stoch.put(m.name(), g.stochasticity());
        Sampling own = options.sampling() == null ? g.defaultSampling() : options.sampling();
        Sampling base = new Sampling(own.sampler(), own.steps(), options.seed());
        for (int s = 0; s < sites.size(); s++) {
          CentreCropDraws d = CentreCropDraws.draw(g, sitePlates.get(s), sites.get(s), prep, base, options.samples(),
              options.crop());
          cropPx = d.side();
          seeds.put(m.name(), d.seeds());
          SiteImages realSite = siteImages(s + 1, d.real());
          List<SiteImages> drawSites = new ArrayList<>();
          for (Map<Channel, FloatImage> im : d.draws()) {
            drawSites.add(siteImages(s + 1, im));
          }
          RealObjects ro = RealObjects.profile(realSite, drawSites, options.settings());
          Map<String, double[]> rc = cells(ro.real());
          List<Map<String, double[]>> dc = ro.predicted().stream().map(PosteriorStudy::cells).toList();
          int n = rc.isEmpty() ? 0 : rc.values().iterator().next().length;
          for (Map.Entry<String, double[]> e : rc.entrySet()) {
            if (!stainDependent(e.getKey())) {
              continue;
            }
            List<Double> rl = real.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            List<double[]> dl = drawn.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            for (int c = 0; c < n; c++) {
              rl.add(e.getValue()[c]);
              double[] v = new double[dc.size()];
              for (int k = 0; k < v.length; k++) {
                double[] col = dc.get(k).get(e.getKey());
                v[k] = col == null ? Double.NaN : col[c];
              }
              dl.add(v);
            }
          }
          realRo.add(s + 1, rc);
          drawRo.add(s + 1, dc.getFirst());
          realSeg.add(s + 1, rc);
          SiteProfile reseg = SiteProfiler.profile(drawSites.getFirst(), options.settings());
          drawSeg.add(s + 1, cells(reseg.features()));
        }
      }
      List<String> names = new ArrayList<>(real.keySet());
      double[][] r = new double[names.size()][];
      double[][][] smp = new double[names.size()][][];
      for (int f = 0; f < names.size(); f++) {
        r[f] = real.get(names.get(f)).stream().mapToDouble(Double::doubleValue).toArray();
        smp[f] = drawn.get(names.get(f)).toArray(new double[0][]);
      }
      PosteriorScores ps = PosteriorScores.of(names.stream().map(FeatureName::parse).toList(), r, smp, options.seed());
      scores.put(m.name(), ps);
      examples.put(m.name(), example(m.name(), ps, names, r, smp));
      FeatureCorrelation.Options co = new FeatureCorrelation.Options(List.of("ImageNumber"), 5.0,
          org.brightpaint.eval.Compartment.NONE);
      addCorrelation(correlation, m.name(), "real objects", () -> FeatureCorrelation.ofRealObjects(realRo.table(),
          drawRo.table(), co));
      addCorrelation(correlation, m.name(), "re-segmented + centroid match", () -> FeatureCorrelation.of(
          realSeg.table(), drawSeg.table(), co));
      progress.printf(java.util.Locale.ROOT,
          "%s: %d draws x %d sites, %d features, %d cells, IG mean %.3f median %.3f nats, %.0f s%n", m.name(),
          seeds.get(m.name()).size(), sites.size(), ps.features().size(), ps.overall().n(), ps.overall().mean(),
          ps.overallMedian(), (System.nanoTime() - t0) / 1e9);
    }
    List<String> siteNames = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      siteNames.add(sitePlates.get(s).barcode() + " " + sites.get(s).well().name() + " f" + sites.get(s).field());
    }
    return new Result(scores, stoch, igTable(scores, stoch), calibrationTable(scores, stoch), correlation, seeds,
        examples, siteNames, cropPx);
  }

  private static void addCorrelation(Table t, String model, String mode,
      java.util.function.Supplier<FeatureCorrelation> fc) {
    double med = Double.NaN;
    int features = 0;
    int cells = 0;
    try {
      FeatureCorrelation c = fc.get();
      double[] rs = new double[c.perFeature().rowCount()];
      int k = 0;
      for (int i = 0; i < rs.length; i++) {
        if (!c.perFeature().stringColumn("channel").get(i).equals("none")) {
          rs[k++] = c.perFeature().doubleColumn("r").get(i);
        }
      }
      rs = Arrays.copyOf(rs, k);
      Arrays.sort(rs);
      features = k;
      med = k == 0 ? Double.NaN : (k % 2 == 1 ? rs[k / 2] : (rs[k / 2 - 1] + rs[k / 2]) / 2);
      cells = c.matchedCells();
    } catch (IllegalArgumentException e) {
      // too few matched cells: reported as NaN with 0 cells
    }
    t.stringColumn("model").append(model);
    t.stringColumn("mode").append(mode);
    t.doubleColumn("median_r").append(med);
    t.intColumn("features").append(features);
    t.intColumn("cells").append(cells);
  }

  /** Intensities as CellProfiler loads 16-bit files: counts rounded as written, / 65535. */
  private static SiteImages siteImages(int number, Map<Channel, FloatImage> counts) {
    Map<String, FloatImage> im = new LinkedHashMap<>();
    for (Map.Entry<Channel, FloatImage> e : new TreeMap<>(counts).entrySet()) {
      float[] p = e.getValue().pixels();
      float[] q = new float[p.length];
      for (int i = 0; i < p.length; i++) {
        q[i] = Math.round(Math.max(0f, Math.min(65535f, p[i]))) / 65535f;
      }
      im.put(e.getKey().cpName(), new FloatImage(e.getValue().width(), e.getValue().height(), q));
    }
    return new SiteImages(number, Map.of(), im);
  }

  /** Per-cell columns with compartment prefixes; row i = nucleus i (NaN where a compartment lacks object i). */
  private static Map<String, double[]> cells(Map<Compartment, FeatureSet> features) {
    FeatureSet nuclei = features.get(Compartment.NUCLEI);
    int n = nuclei == null ? 0 : nuclei.objectCount();
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Compartment c : Compartment.values()) {
      FeatureSet fs = features.get(c);
      if (fs == null) {
        continue;
      }
      for (Map.Entry<String, double[]> e : fs.columns().entrySet()) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        System.arraycopy(e.getValue(), 0, v, 0, Math.min(n, e.getValue().length));
        out.put(c.cpName() + "_" + e.getKey(), v);
      }
    }
    return out;
  }

  private static boolean stainDependent(String column) {
    FeatureName f = FeatureName.parse(column);
    return f.group().isMeasurement() && !f.images().isEmpty();
  }

  private static CellExample example(String model, PosteriorScores ps, List<String> names, double[][] real,
      double[][][] samples) {
    if (ps.features().isEmpty()) {
      return null;
    }
    PosteriorScores.FeatureScore best = ps.features().stream()
        .max(java.util.Comparator.comparingDouble(PosteriorScores.FeatureScore::meanIg)).orElseThrow();
    int f = names.indexOf(best.feature().column());
    double[] fin = Arrays.stream(real[f]).filter(Double::isFinite).toArray();
    double mean = Arrays.stream(fin).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(fin).map(v -> (v - mean) * (v - mean)).sum() / (fin.length - 1));
    double[] pop = Arrays.stream(fin).map(v -> (v - mean) / sd).toArray();
    Kde marginal = Kde.silverman(pop);
    List<double[]> cand = new ArrayList<>(); // {ig, cell}
    for (int c = 0; c < real[f].length; c++) {
      if (Double.isFinite(real[f][c]) && Arrays.stream(samples[f][c]).allMatch(Double::isFinite)) {
        double[] s = Arrays.stream(samples[f][c]).map(v -> (v - mean) / sd).toArray();
        cand.add(new double[] {org.brightpaint.eval.InformationGain.of(s, (real[f][c] - mean) / sd, marginal), c});
      }
    }
    cand.sort(java.util.Comparator.comparingDouble(a -> a[0]));
    double[] pick = cand.get(cand.size() / 2);
    int c = (int) pick[1];
    return new CellExample(model, best.feature().column(), (real[f][c] - mean) / sd,
        Arrays.stream(samples[f][c]).map(v -> (v - mean) / sd).toArray(), pop, pick[0]);
  }

  private static Table igTable(Map<String, PosteriorScores> scores, Map<String, Stochasticity> st) {
    Table t = Table.create("posterior_ig", StringColumn.create("model"), StringColumn.create("draws"),
        StringColumn.create("group"), StringColumn.create("channel"), DoubleColumn.create("mean_ig"),
        DoubleColumn.create("ci_low"), DoubleColumn.create("ci_high"), DoubleColumn.create("median_ig"),
        IntColumn.create("features"),
        IntColumn.create("cells"));
    for (Map.Entry<String, PosteriorScores> e : scores.entrySet()) {
      for (PosteriorScores.GroupScore g : e.getValue().groups()) {
        row(t, e.getKey(), st.get(e.getKey()).label(), g.group().cpName(), g.channel(), g.ig(), g.median(),
            g.featureCount());
      }
      row(t, e.getKey(), st.get(e.getKey()).label(), "all", "all", e.getValue().overall(),
          e.getValue().overallMedian(), e.getValue().features().size());
    }
    return t;
  }

  private static void row(Table t, String model, String draws, String group, String channel, BootstrapMean m,
      double median, int features) {
    t.stringColumn("model").append(model);
    t.stringColumn("draws").append(draws);
    t.stringColumn("group").append(group);
    t.stringColumn("channel").append(channel);
    t.doubleColumn("mean_ig").append(m.mean());
    t.doubleColumn("ci_low").append(m.lower());
    t.doubleColumn("ci_high").append(m.upper());
    t.doubleColumn("median_ig").append(median);
    t.intColumn("features").append(features);
    t.intColumn("cells").append(m.n());
  }

  private static Table calibrationTable(Map<String, PosteriorScores> scores, Map<String, Stochasticity> st) {
    Table t = Table.create("posterior_calibration", StringColumn.create("model"), StringColumn.create("draws"),
        IntColumn.create("k"), DoubleColumn.create("coverage_50"), DoubleColumn.create("coverage_90"));
    for (int b = 0; b < PosteriorScores.PIT_BINS; b++) {
      t.addColumns(DoubleColumn.create(String.format(java.util.Locale.ROOT, "pit_%.1f", (b + 0.5) / PosteriorScores.PIT_BINS)));
    }
    for (Map.Entry<String, PosteriorScores> e : scores.entrySet()) {
      PosteriorScores s = e.getValue();
      t.stringColumn("model").append(e.getKey());
      t.stringColumn("draws").append(st.get(e.getKey()).label());
      t.intColumn("k").append(s.samplesPerCell());
      t.doubleColumn("coverage_50").append(s.coverage50());
      t.doubleColumn("coverage_90").append(s.coverage90());
      for (int b = 0; b < PosteriorScores.PIT_BINS; b++) {
        t.doubleColumn(5 + b).append(s.pitHistogram()[b]);
      }
    }
    return t;
  }

  /** Per-cell rows accumulated over sites, with an ImageNumber column and a nuclei centroid. */
  private static final class Columns {
    private final List<Integer> image = new ArrayList<>();
    private final Map<String, List<Double>> cols = new LinkedHashMap<>();
    private int rows;

    void add(int imageNumber, Map<String, double[]> cells) {
      int n = cells.isEmpty() ? 0 : cells.values().iterator().next().length;
      for (Map.Entry<String, double[]> e : cells.entrySet()) {
        List<Double> l = cols.computeIfAbsent(e.getKey(), k -> new ArrayList<>(java.util.Collections.nCopies(rows,
            Double.NaN)));
        for (double v : e.getValue()) {
          l.add(v);
        }
      }
      rows += n;
      for (List<Double> l : cols.values()) {
        while (l.size() < rows) {
          l.add(Double.NaN);
        }
      }
      for (int i = 0; i < n; i++) {
        image.add(imageNumber);
      }
    }

    Table table() {
      // the centres first, then every other feature in its order
      Map<String, List<Double>> ordered = new LinkedHashMap<>();
      for (String c : List.of("Nuclei_Location_Center_X", "Nuclei_Location_Center_Y")) {
        if (cols.containsKey(c)) {
          ordered.put(c, cols.get(c));
        }
      }
      cols.forEach(ordered::putIfAbsent);
      List<Column<?>> t = new ArrayList<>();
      t.add(IntColumn.create("ImageNumber", image.stream().mapToInt(Integer::intValue).toArray()));
      ordered.forEach((name, v) -> t.add(DoubleColumn.create(name, v.stream().mapToDouble(Double::doubleValue).toArray())));
      return Tables.of("cells", t);
    }
  }
}
