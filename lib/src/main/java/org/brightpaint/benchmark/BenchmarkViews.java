package org.brightpaint.benchmark;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brightpaint.eval.CostTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Typed views of a benchmark result, one per notebook (07, 09 to 14): each method runs or resumes
 * {@link Benchmark#current()} and returns the record its notebook shows.
 */
public final class BenchmarkViews {

  /**
   * Notebook 09.
   *
   * @param summary mean and median metrics per model and channel
   * @param modelComparisons Wilcoxon + Holm between models per channel (SSIM)
   * @param channelComparisons Wilcoxon + Holm between channels per model (SSIM)
   * @param figures Figure 3 box plots (MSE, PSNR, SSIM, Pearson)
   * @param panel the Figure 2-style panel: one site, real and every model, all channels, one
   *     intensity scale per channel (empty when no site was predicted by every model)
   * @param constantColumns the numeric columns left out of {@code summary} because they hold one
   *     value in every row, as "name = value" (Markdown; empty when none)
   */
  public record ImageQuality(Table summary, Table modelComparisons, Table channelComparisons, List<Figure> figures,
      java.util.Optional<BufferedImage> panel, String constantColumns) {}

  /** The image name of the Figure 2-style panel ({@link org.brightpaint.eval.SitePanel}) in an evaluation. */
  public static final String FIGURE2 = "figure2 one site all models";

  /**
   * Notebook 10.
   *
   * @param byGroup mean r per compartment, group and channel, one table per model
   * @param heatmaps Figures 4 and 5
   * @param notes matching and dropped-feature notes
   */
  public record FeatureCorrelation(List<Table> byGroup, List<Figure> heatmaps, List<String> notes) {}

  /**
   * Notebook 11.
   *
   * @param table3 F1 six-class, F1 binary and top features per source (the paper's Table 3)
   * @param energyDistance each source's energy distance to real
   * @param tsne Figure 8 (by source, by MoA group)
   */
  public record MoaPrediction(Table table3, Table energyDistance, List<Figure> tsne) {}

  /**
   * Notebook 12.
   *
   * @param tests per model: in-line vs cross-line means, relative drops, tests
   * @param matrices Figure 9 heatmaps
   */
  public record Generalisability(List<Table> tests, List<Figure> matrices) {}

  /**
   * Notebook 07.
   *
   * @param summary median artifact measures per model and channel
   * @param galleries worst cases per model and artifact type
   * @param captions one caption per gallery
   */
  public record Artifacts(Table summary, List<BufferedImage> galleries, List<String> captions) {

    /**
     * The galleries a notebook shows: the first of each model (captions are
     * {@code "<model> <artifact kind>"}, in model order), so that every model is seen on the same
     * artifact kind; the rest are in the report's {@code galleries/} folder (issue 10: a few
     * galleries in the notebook, 24 made notebook 07 17 MB).
     *
     * @return indices into {@link #galleries()}, ascending
     */
    public List<Integer> featured() {
      List<Integer> shown = new java.util.ArrayList<>();
      java.util.Set<String> models = new java.util.HashSet<>();
      for (int i = 0; i < captions.size(); i++) {
        if (models.add(captions.get(i).split(" ", 2)[0])) {
          shown.add(i);
        }
      }
      return List.copyOf(shown);
    }
  }

  /**
   * Notebooks 13 and 14.
   *
   * @param headline per model: mean SSIM, PSNR, Pearson, F1 six-class and binary, energy distance
   * @param cost our costs next to the paper's Table 4
   * @param paperCost the paper's Table 4
   * @param notes everything not evaluated, and why
   * @param reportHtml the offline report's path as text
   */
  public record Summary(Table headline, Table cost, Table paperCost, List<String> notes, String reportHtml) {}

  private BenchmarkViews() {}

  /** @return notebook 09's view @throws Exception when the benchmark fails */
  public static ImageQuality imageQuality() throws Exception {
    return imageQuality(Benchmark.current());
  }

  /** @param r a result @return notebook 09's view */
  public static ImageQuality imageQuality(Benchmark.Result r) {
    var e = r.evaluation();
    Table summary = e.tables().get("quality_summary").copy();
    List<String> constant = new ArrayList<>();
    for (String c : List.copyOf(summary.columnNames())) {
      if (summary.column(c) instanceof DoubleColumn d && summary.rowCount() > 1 && d.countUnique() == 1) {
        constant.add("`" + c + "` = " + Findings.fmt(d.getDouble(0)));
        summary.removeColumns(c);
      }
    }
    return new ImageQuality(summary, e.tables().get("quality_model_comparisons_ssim"),
        e.tables().get("quality_channel_comparisons_ssim"), figures(e, "fig3_"), java.util.Optional.ofNullable(e.images().get(FIGURE2)),
        constant.isEmpty() ? "" : "Same in every row, so left out of the table: " + String.join(", ", constant) + ".");
  }

  /** @return notebook 10's view @throws Exception when the benchmark fails */
  public static FeatureCorrelation featureCorrelation() throws Exception {
    return featureCorrelation(Benchmark.current());
  }

  /** @param r a result @return notebook 10's view */
  public static FeatureCorrelation featureCorrelation(Benchmark.Result r) {
    var e = r.evaluation();
    List<Figure> f = new ArrayList<>(figures(e, "fig4_"));
    f.addAll(figures(e, "fig5_"));
    return new FeatureCorrelation(tables(e, "feature_correlation_by_group_"), f,
        e.notes().stream().filter(n -> n.contains("cells matched") || n.contains("feature correlation")).toList());
  }

  /** @return notebook 11's view @throws Exception when the benchmark fails */
  public static MoaPrediction moaPrediction() throws Exception {
    return moaPrediction(Benchmark.current());
  }

  /** @param r a result @return notebook 11's view */
  public static MoaPrediction moaPrediction(Benchmark.Result r) {
    var e = r.evaluation();
    return new MoaPrediction(e.tables().get("moa_prediction"), e.tables().get("energy_distance"), figures(e, "fig8_"));
  }

  /** @return notebook 12's view @throws Exception when the benchmark fails */
  public static Generalisability generalisability() throws Exception {
    return generalisability(Benchmark.current());
  }

  /** @param r a result @return notebook 12's view */
  public static Generalisability generalisability(Benchmark.Result r) {
    var e = r.evaluation();
    return new Generalisability(tables(e, "generalisability_"), figures(e, "fig9_"));
  }

  /** @return notebook 07's view @throws Exception when the benchmark fails */
  public static Artifacts artifacts() throws Exception {
    return artifacts(Benchmark.current());
  }

  /** @param r a result @return notebook 07's view */
  public static Artifacts artifacts(Benchmark.Result r) {
    var e = r.evaluation();
    Map<String, BufferedImage> galleries = new java.util.LinkedHashMap<>(e.images());
    galleries.remove(FIGURE2);
    return new Artifacts(e.tables().get("artifacts_summary"), List.copyOf(galleries.values()), List.copyOf(galleries.keySet()));
  }

  /** @return notebooks 13 and 14's view @throws Exception when the benchmark fails */
  public static Summary summary() throws Exception {
    return summary(Benchmark.current());
  }

  /** @param r a result @return notebooks 13 and 14's view */
  public static Summary summary(Benchmark.Result r) {
    var e = r.evaluation();
    return new Summary(headline(e), e.tables().get("compute_cost"), CostTable.paper(), e.notes(), r.report().toString());
  }

  /** @return notebook 14's answer @throws Exception when the benchmark fails */
  public static BenchmarkAnswer.Answer answer() throws Exception {
    return answer(Benchmark.current());
  }

  /** @param r a result @return notebook 14's answer, beside the paper's figures */
  public static BenchmarkAnswer.Answer answer(Benchmark.Result r) {
    return BenchmarkAnswer.of(r.evaluation(), org.brightpaint.config.RunSize.current().label());
  }

  /**
   * @param e an evaluation
   * @return per source (once): mean_ssim, mean_psnr (normalised space), mean_pearson (over images and
   *     channels), f1_six_class, f1_binary (the first CV row of the source: well-grouped), energy_distance
   *     (to real; real's row is the real-vs-real floor)
   */
  static Table headline(Evaluation.Result e) {
    Table t = Table.create("headline", StringColumn.create("source"), DoubleColumn.create("mean_ssim"),
        DoubleColumn.create("mean_psnr"), DoubleColumn.create("mean_pearson"), DoubleColumn.create("f1_six_class"),
        DoubleColumn.create("f1_binary"), DoubleColumn.create("energy_distance"));
    Table q = e.tables().get("quality_summary");
    Table moa = e.tables().get("moa_prediction");
    Table ed = e.tables().get("energy_distance");
    java.util.Set<String> sources = new java.util.LinkedHashSet<>();
    if (moa != null) {
      for (int i = 0; i < moa.rowCount(); i++) if (moa.stringColumn("setting").get(i).contains("CV")) sources.add(moa.stringColumn("source").get(i));
    }
    if (q != null) { // models without MoA rows (e.g. the mean image, whose features may not vary) still get a row
      for (String m : new java.util.LinkedHashSet<>(q.stringColumn("model").asList())) if (!sources.contains(m)) sources.add(m);
    }
    for (String s : sources) {
      t.stringColumn("source").append(s);
      t.doubleColumn("mean_ssim").append(mean(q, "model", s, "mean_ssim"));
      t.doubleColumn("mean_psnr").append(mean(q, "model", s, "mean_psnr"));
      t.doubleColumn("mean_pearson").append(mean(q, "model", s, "mean_pearson"));
      t.doubleColumn("f1_six_class").append(first(moa, s, "f1_six_class"));
      t.doubleColumn("f1_binary").append(first(moa, s, "f1_binary"));
      t.doubleColumn("energy_distance").append(ed == null ? Double.NaN : mean(ed, "source", s, "energy_distance_to_real"));
    }
    return t;
  }

  private static double first(Table moa, String source, String col) {
    if (moa == null) return Double.NaN;
    for (int i = 0; i < moa.rowCount(); i++) {
      if (moa.stringColumn("source").get(i).equals(source) && moa.stringColumn("setting").get(i).contains("CV")) {
        return moa.doubleColumn(col).getDouble(i);
      }
    }
    return Double.NaN;
  }

  private static double mean(Table t, String keyCol, String key, String col) {
    if (t == null) return Double.NaN;
    double s = 0;
    int n = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      double v = t.doubleColumn(col).getDouble(i);
      if (t.stringColumn(keyCol).get(i).equals(key) && Double.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  private static List<Figure> figures(Evaluation.Result e, String prefix) {
    List<Figure> out = new ArrayList<>();
    for (Map.Entry<String, Figure> f : e.figures().entrySet()) if (f.getKey().startsWith(prefix)) out.add(f.getValue());
    return out;
  }

  private static List<Table> tables(Evaluation.Result e, String prefix) {
    List<Table> out = new ArrayList<>();
    for (Map.Entry<String, Table> f : e.tables().entrySet()) if (f.getKey().startsWith(prefix)) out.add(f.getValue());
    return out;
  }
}
