package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/**
 * Cross-cell-line generalisability of one generator (the paper's Figure 9): the model trained on
 * each cell line is tested on every line, giving {@code lines x lines} matrices (rows: training
 * line, columns: test line) of mean MSE, PSNR and SSIM per image and of Pearson's r between real
 * and predicted per-image cell counts.
 *
 * <p>Significance, per test line: the in-line model (diagonal) and the cross-line model
 * (off-diagonal) predict the same test images, so per-image metrics are compared with the paired
 * {@link Wilcoxon} signed-rank test, images matched by the {@code image} column; when the images
 * do not pair one-to-one the unpaired {@link MannWhitney} U test is used instead (the result
 * names the test). Relative drops, as the paper quotes them: {@code (in - cross) / in} for mean
 * SSIM and for the cell-count correlation (positive = worse across lines).
 *
 * <p>Input columns: {@code train_line, test_line, image, mse, psnr, ssim, cells_real,
 * cells_pred}.
 *
 * @param lines the cell lines in order
 * @param matrices metric ("mse", "psnr", "ssim", "count_r") to [train][test] values
 * @param tests per metric and test line: in-line mean, cross-line mean, relative drop, test, p
 */
public record Generalisability(List<String> lines, Map<String, double[][]> matrices, Table tests) {

  /** The per-image metrics compared. */
  public static final List<String> METRICS = List.of("mse", "psnr", "ssim");

  /**
   * @param perImage one row per (training line, test image)
   * @return matrices and tests
   * @throws IllegalArgumentException naming the missing column, or when a (train, test) cell is empty
   */
  public static Generalisability of(Table perImage) {
    for (String c : List.of("train_line", "test_line", "image", "mse", "psnr", "ssim", "cells_real", "cells_pred")) {
      if (!perImage.columnNames().contains(c)) {
        throw new IllegalArgumentException("Per-image table lacks column " + c);
      }
    }
    TreeSet<String> ls = new TreeSet<>(perImage.stringColumn("train_line").asSet());
    ls.addAll(perImage.stringColumn("test_line").asSet());
    List<String> lines = new ArrayList<>(ls);
    int n = lines.size();
    Map<String, double[][]> m = new LinkedHashMap<>();
    for (String metric : METRICS) m.put(metric, new double[n][n]);
    m.put("count_r", new double[n][n]);
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        Table cell = cell(perImage, lines.get(a), lines.get(b));
        if (cell.rowCount() == 0) {
          throw new IllegalArgumentException("No images for model trained on " + lines.get(a) + " tested on " + lines.get(b));
        }
        for (String metric : METRICS) m.get(metric)[a][b] = num(cell, metric).stream().mapToDouble(d -> d).average().orElse(Double.NaN);
        m.get("count_r")[a][b] = Pearson.of(arr(cell, "cells_real"), arr(cell, "cells_pred"));
      }
    }
    Table t = Table.create("generalisability_tests", StringColumn.create("metric"), StringColumn.create("test_line"),
        DoubleColumn.create("in_line"), DoubleColumn.create("cross_line"), DoubleColumn.create("relative_drop"),
        StringColumn.create("test"), DoubleColumn.create("p"));
    for (int b = 0; b < n; b++) {
      for (String metric : List.of("mse", "psnr", "ssim", "count_r")) {
        double in = m.get(metric)[b][b];
        double crossSum = 0;
        TestResult tr = null;
        for (int a = 0; a < n; a++) {
          if (a != b) crossSum += m.get(metric)[a][b];
        }
        double cross = n > 1 ? crossSum / (n - 1) : Double.NaN;
        if (!metric.equals("count_r") && n > 1) {
          tr = compare(cell(perImage, lines.get(b), lines.get(b)), crossCells(perImage, lines, b), metric);
        }
        t.stringColumn("metric").append(metric);
        t.stringColumn("test_line").append(lines.get(b));
        t.doubleColumn("in_line").append(in);
        t.doubleColumn("cross_line").append(cross);
        t.doubleColumn("relative_drop").append((in - cross) / in);
        t.stringColumn("test").append(tr == null ? "" : tr.test());
        t.doubleColumn("p").append(tr == null ? Double.NaN : tr.p());
      }
    }
    return new Generalisability(List.copyOf(lines), m, t);
  }

  /**
   * @param metric "mse", "psnr", "ssim" or "count_r"
   * @param title the figure title
   * @return a heatmap of the [train][test] matrix
   */
  public Figure heatmap(String metric, String title) {
    double[][] z = matrices.get(metric);
    if (z == null) throw new IllegalArgumentException("No metric " + metric + "; have " + matrices.keySet());
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double[] r : z) for (double v : r) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    return heatmap(metric, title, lo, hi);
  }

  /**
   * The matrix of one metric with a given colour range (the same for every model, so matrices
   * compare), values in the cells and the in-line diagonal from top left to bottom right.
   *
   * @param metric mse, psnr, ssim or count_r
   * @param title title prefix
   * @param zmin lower end of the colour range
   * @param zmax upper end (if not above zmin, zmin + 1e-9 is used)
   * @return the figure
   */
  public Figure heatmap(String metric, String title, double zmin, double zmax) {
    double[][] z = matrices.get(metric);
    if (z == null) throw new IllegalArgumentException("No metric " + metric + "; have " + matrices.keySet());
    List<String> test = lines.stream().map(l -> "test " + l).toList();
    List<String> train = lines.stream().map(l -> "train " + l).toList();
    double lo = Double.isFinite(zmin) ? zmin : 0, hi = Double.isFinite(zmax) && zmax > lo ? zmax : lo + 1e-9;
    return AnnotatedHeatmap.of(test, train, z, new AnnotatedHeatmap.Options(title + " (" + metric + ")", "test cell line",
        "training cell line", metric, lo, hi, metric.equals("psnr") ? 2 : 3, 320, 460));
  }

  private static TestResult compare(Table in, Table cross, String metric) {
    Map<String, Double> inByImage = new HashMap<>();
    for (int i = 0; i < in.rowCount(); i++) inByImage.put(in.stringColumn("image").get(i), num(in, metric).get(i));
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < cross.rowCount(); i++) {
      Double v = inByImage.get(cross.stringColumn("image").get(i));
      if (v != null) pairs.add(new double[] {v, num(cross, metric).get(i)});
    }
    if (pairs.size() == in.rowCount() && pairs.size() == cross.rowCount()) {
      return Wilcoxon.test(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
    }
    return MannWhitney.test(arr(in, metric), arr(cross, metric));
  }

  private static Table crossCells(Table t, List<String> lines, int b) {
    Table out = null;
    for (int a = 0; a < lines.size(); a++) {
      if (a == b) continue;
      Table c = cell(t, lines.get(a), lines.get(b));
      out = out == null ? c : out.append(c);
    }
    return out;
  }

  private static Table cell(Table t, String train, String test) {
    return t.where(t.stringColumn("train_line").isEqualTo(train).and(t.stringColumn("test_line").isEqualTo(test)));
  }

  private static List<Double> num(Table t, String c) {
    double[] v = ((NumericColumn<?>) t.column(c)).asDoubleArray();
    List<Double> l = new ArrayList<>();
    for (double d : v) l.add(d);
    return l;
  }

  private static double[] arr(Table t, String c) {
    return ((NumericColumn<?>) t.column(c)).asDoubleArray();
  }
}
