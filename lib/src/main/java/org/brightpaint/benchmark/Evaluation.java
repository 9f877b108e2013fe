package org.brightpaint.benchmark;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.eval.Compartment;
import org.brightpaint.eval.CostTable;
import org.brightpaint.eval.CvScheme;
import org.brightpaint.eval.Embedding;
import org.brightpaint.eval.FeatureCorrelation;
import org.brightpaint.eval.Generalisability;
import org.brightpaint.eval.ImageEvaluation;
import org.brightpaint.eval.MeasuredCost;
import org.brightpaint.eval.MoaPrediction;
import org.brightpaint.eval.MoaResult;
import org.brightpaint.eval.MoaTable;
import org.brightpaint.eval.QualityFigures;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.plotly.components.Figure;

/**
 * The evaluate stage: turns image-level results, per-cell features, cross-line results and cost
 * records into every table and figure of the paper (the report's content). Each part is
 * optional; a missing input is listed in {@link Result#notes()} rather than silently skipped.
 */
public final class Evaluation {

  /**
   * Inputs of the evaluation.
   *
   * @param images quality and artifacts of every model (null when not evaluated)
   * @param cells source ("real" first, then models) to per-cell features with CellProfiler names,
   *     image keys and the MoA-group label column (empty map when not profiled)
   * @param imageKeys columns identifying an image in the feature tables
   * @param labelColumn the MoA-group column of the feature tables
   * @param generalisation model to per-image cross-line table ({@link Generalisability}); may be empty
   * @param costs measured cost records; may be empty
   * @param moa MoA options
   */
  public record Inputs(ImageEvaluation images, Map<String, Table> cells, List<String> imageKeys, String labelColumn,
      Map<String, Table> generalisation, List<MeasuredCost> costs, MoaPrediction.Options moa) {}

  /**
   * Everything the report shows.
   *
   * @param tables name to table (written as name.csv)
   * @param figures name to figure
   * @param images name to image (galleries)
   * @param notes what was not evaluated and why, and remarks
   */
  public record Result(Map<String, Table> tables, Map<String, Figure> figures, Map<String, BufferedImage> images, List<String> notes) {}

  private Evaluation() {}

  /**
   * The three cross-validation schemes of one source: well-grouped (the default, with the
   * decisive features), leave-compound-out and cell-level (as the paper).
   */
  static List<MoaResult> crossValidations(String source, Table cells, MoaPrediction.Options options) {
    List<MoaResult> out = new ArrayList<>();
    for (CvScheme scheme : CvScheme.values()) {
      MoaPrediction.Options o = scheme == CvScheme.WELL ? options : options.withTopFeatures(0);
      out.add(attempt(source, scheme.label() + " CV", scheme, () -> MoaPrediction.crossValidate(source, cells, o, scheme)));
    }
    return out;
  }

  /** Runs one MoA setting; an input it cannot use becomes a missing row with the reason. */
  static MoaResult attempt(String source, String setting, CvScheme scheme, java.util.function.Supplier<MoaResult> run) {
    try {
      return run.get();
    } catch (IllegalArgumentException ex) {
      return MoaResult.missing(source, setting, scheme, ex.getMessage());
    }
  }

  /**
   * @param in the inputs
   * @return tables, figures, images and notes
   */
  public static Result run(Inputs in) {
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, Figure> figures = new LinkedHashMap<>();
    Map<String, BufferedImage> images = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    if (in.images() != null) {
      Table q = in.images().quality();
      tables.put("quality_per_image", q);
      tables.put("quality_summary", QualityFigures.summary(q));
      for (String m : List.of("mse", "psnr", "ssim", "pearson")) figures.put("fig3_" + m, QualityFigures.boxPlot(q, m));
      tables.put("quality_model_comparisons_ssim", QualityFigures.modelComparisons(q, "ssim", 0.05));
      tables.put("quality_channel_comparisons_ssim", QualityFigures.channelComparisons(q, "ssim", 0.05));
      Table a = in.images().artifacts();
      tables.put("artifacts_per_image", a);
      tables.put("artifacts_summary", a.summarize(List.of("blur_ratio", "structure_ratio", "foreground_shift", "background_offset",
          "background_noise_pred"), AggregateFunctions.median).by("model", "channel"));
      images.putAll(in.images().galleries());
      in.images().coverage().forEach((m, c) -> {
        if (!c.complete()) notes.add(m + ": partial image coverage: " + c.describe());
      });
    } else {
      notes.add("Image quality and artifacts: no prediction folders evaluated.");
    }
    Table real = in.cells().get("real");
    if (real != null && in.cells().size() > 1) {
      List<MoaResult> moa = new ArrayList<>();
      moa.addAll(crossValidations("real", real, in.moa()));
      Table corrAll = null;
      Map<String, Table> usable = new LinkedHashMap<>();
      usable.put("real", real);
      for (var e : in.cells().entrySet()) {
        if (e.getKey().equals("real")) continue;
        String model = e.getKey();
        Table cells = e.getValue();
        try {
          FeatureCorrelation fc = FeatureCorrelation.of(real, cells, new FeatureCorrelation.Options(in.imageKeys(), 5, Compartment.NONE));
          Table per = fc.perFeature().copy();
          per.insertColumn(0, StringColumn.create("model", per.rowCount()).set(per.stringColumn("feature").isNotMissing(), model));
          corrAll = corrAll == null ? per : corrAll.append(per);
          Table by = fc.byGroup().copy();
          by.setName("feature_correlation_by_group_" + model);
          tables.put("feature_correlation_by_group_" + model, by);
          figures.put("fig4_" + model, fc.heatmap(model + ": mean r by channel and feature group (all compartments)"));
          for (Compartment c : Compartment.objects()) {
            if (fc.byGroup().stringColumn("compartment").contains(c.prefix())) {
              figures.put("fig5_" + model + "_" + c.prefix(), fc.heatmap(c, model + " - " + c.prefix()));
            }
          }
          notes.add(model + ": " + fc.matchedCells() + " of " + fc.realCells() + " real cells matched ("
              + fc.syntheticCells() + " synthetic); " + fc.zeroVariance().size() + " zero-variance features dropped"
              + (fc.zeroVariance().isEmpty() ? "" : " " + fc.zeroVariance().subList(0, Math.min(10, fc.zeroVariance().size())))
              + "; " + fc.onlyInReal().size() + " columns only in real, " + fc.onlyInSynthetic().size() + " only in synthetic.");
        } catch (IllegalArgumentException ex) {
          notes.add(model + ": feature correlation MISSING (" + cells.rowCount() + " cells profiled): " + ex.getMessage());
        }
        moa.addAll(crossValidations(model, cells, in.moa()));
        moa.add(attempt(model, "train on " + model + ", test on real", CvScheme.WELL,
            () -> MoaPrediction.transfer(model, cells, real, in.moa())));
        if (MoaPrediction.featureColumns(cells).isEmpty()) {
          notes.add(model + ": left out of t-SNE and energy distance: no feature columns (" + cells.rowCount() + " cells)");
        } else {
          usable.put(model, cells);
        }
      }
      if (corrAll != null) tables.put("feature_correlation_per_feature", corrAll);
      tables.put("moa_prediction", MoaTable.of(moa));
      tables.put("moa_prediction_summary", MoaTable.summary(moa));
      for (MoaResult r : moa) if (!r.note().isEmpty()) notes.add("MoA " + r.source() + " (" + r.setting() + "): " + r.note());
      try {
        Embedding emb = Embedding.of(usable, Embedding.Options.of(in.labelColumn()));
        tables.put("energy_distance", emb.distanceTable());
        tables.put("tsne_points", emb.points());
        figures.put("fig8_by_source", emb.bySource());
        figures.put("fig8_by_moa", emb.byLabel());
        notes.add("t-SNE: " + emb.points().rowCount() + " cells, " + emb.features().size() + " features, perplexity " + emb.perplexity() + ".");
      } catch (IllegalArgumentException ex) {
        notes.add("t-SNE and energy distance not possible: " + ex.getMessage());
      }
    } else {
      notes.add("Feature correlation, MoA prediction and t-SNE: no real and predicted feature tables.");
    }
    if (!in.generalisation().isEmpty()) {
      // one colour range per metric over every model's matrix (issue 10, observation 6)
      Map<String, Generalisability> gens = new LinkedHashMap<>();
      Map<String, double[]> ranges = new LinkedHashMap<>();
      for (var e : in.generalisation().entrySet()) {
        Generalisability g = Generalisability.of(e.getValue());
        gens.put(e.getKey(), g);
        g.matrices().forEach((m, z) -> {
          double[] r = ranges.computeIfAbsent(m, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
          for (double[] row : z) for (double v : row) if (Double.isFinite(v)) { r[0] = Math.min(r[0], v); r[1] = Math.max(r[1], v); }
        });
      }
      ranges.put("ssim", new double[] {0, 1});
      if (ranges.containsKey("count_r")) ranges.put("count_r", new double[] {-1, 1});
      for (var e : in.generalisation().entrySet()) {
        Generalisability g = gens.get(e.getKey());
        Table t = g.tests().copy();
        t.setName("generalisability_" + e.getKey());
        tables.put("generalisability_" + e.getKey(), t);
        for (String m : g.matrices().keySet()) {
          if (java.util.Arrays.stream(g.matrices().get(m)).flatMapToDouble(java.util.Arrays::stream).anyMatch(Double::isFinite)) {
            figures.put("fig9_" + e.getKey() + "_" + m, g.heatmap(m, e.getKey(), ranges.get(m)[0], ranges.get(m)[1]));
          } else {
            notes.add(e.getKey() + ": no " + m + " matrix: undefined in every cell (for count_r, the predicted nuclei count"
                + " is the same for every image, so Pearson's r with the real counts is undefined).");
          }
        }
      }
    } else {
      notes.add("Generalisability: no cross-cell-line results.");
    }
    tables.put("compute_cost", in.costs().isEmpty() ? CostTable.paper() : CostTable.of(in.costs()));
    if (in.costs().isEmpty()) notes.add("Compute cost: no measured cost records; the paper's Table 4 alone is shown.");
    return new Result(tables, figures, images, notes);
  }
}
