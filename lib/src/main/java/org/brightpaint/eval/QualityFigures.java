package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BoxTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The paper's Figure 3 (box plots of a metric per channel and model) and the summary and
 * significance tables that go with it, from a quality table with a {@code model} column (rows of
 * {@link QualityReport#table()} for several models).
 */
public final class QualityFigures {
  private QualityFigures() {}

  /**
   * @param quality columns model, plate, well, site, channel and the metric
   * @param metric "mse", "psnr", "ssim" or "pearson"
   * @return one box trace per model, x = channel
   */
  public static Figure boxPlot(Table quality, String metric) {
    List<Trace> traces = new ArrayList<>();
    for (String model : new LinkedHashSet<>(quality.stringColumn("model").asList())) {
      Table m = quality.where(quality.stringColumn("model").isEqualTo(model));
      List<Object> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < m.rowCount(); i++) {
        double v = m.doubleColumn(metric).getDouble(i);
        if (Double.isFinite(v)) {
          x.add(m.stringColumn("channel").get(i) + " \u00b7 " + model);
          y.add(v);
        }
      }
      traces.add(BoxTrace.builder(x.toArray(), y.stream().mapToDouble(d -> d).toArray()).name(model).build());
    }
    // categories sorted by name, "channel · model": grouped by channel (issue 10, observation 6)
    Layout layout = Layout.builder(metric.toUpperCase() + " per channel and model (Figure 3)").height(480)
        .margin(tech.tablesaw.plotly.components.Margin.builder().bottom(150).left(80).build())
        .xAxis(tech.tablesaw.plotly.components.Axis.builder().title("channel \u00b7 model")
            .categoryOrder(tech.tablesaw.plotly.components.Axis.CategoryOrder.CATEGORY_ASCENDING).build())
        .yAxis(tech.tablesaw.plotly.components.Axis.builder().title(axisTitle(metric)).build()).build();
    return new Figure(layout, traces.toArray(new Trace[0]));
  }

  /**
   * @param metric mse, psnr, ssim or pearson (optionally with _raw)
   * @return the axis title with the space and unit of the metric
   */
  public static String axisTitle(String metric) {
    boolean raw = metric.endsWith("_raw");
    String space = raw ? "raw: counts / 65535" : "normalised: 0.1-99.9 percentile of real -> 0..1";
    return switch (metric.replace("_raw", "")) {
      case "mse" -> "MSE (" + space + ")";
      case "psnr" -> "PSNR (dB, " + space + ")";
      case "ssim" -> "SSIM (" + space + ")";
      case "pearson" -> "Pearson r (raw values)";
      default -> metric;
    };
  }

  /**
   * Mean and median per model and channel (infinite PSNR of identical images is left out of the
   * mean and counted in {@code infinite_psnr}).
   *
   * @param quality columns model, channel, mse, psnr, ssim, pearson
   * @return model, channel, n, mean_mse, mean_psnr, mean_ssim (normalised space, {@link RobustRange}),
   *     mean_pearson, median_ssim, infinite_psnr, and when the quality table has them mean_mse_raw,
   *     mean_psnr_raw, mean_ssim_raw (raw space: counts / 65535, data range 1)
   */
  public static Table summary(Table quality) {
    Table t = Table.create("quality_summary", StringColumn.create("model"), StringColumn.create("channel"),
        DoubleColumn.create("n"), DoubleColumn.create("mean_mse"), DoubleColumn.create("mean_psnr"),
        DoubleColumn.create("mean_ssim"), DoubleColumn.create("mean_pearson"), DoubleColumn.create("median_ssim"),
        DoubleColumn.create("infinite_psnr"));
    boolean raw = quality.columnNames().contains("ssim_raw");
    if (raw) t.addColumns(DoubleColumn.create("mean_mse_raw"), DoubleColumn.create("mean_psnr_raw"), DoubleColumn.create("mean_ssim_raw"));
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < quality.rowCount(); i++) {
      groups.computeIfAbsent(quality.stringColumn("model").get(i) + "\u0001" + quality.stringColumn("channel").get(i),
          k -> new ArrayList<>()).add(i);
    }
    groups.forEach((k, rows) -> {
      String[] p = k.split("\u0001");
      t.stringColumn("model").append(p[0]);
      t.stringColumn("channel").append(p[1]);
      t.doubleColumn("n").append(rows.size());
      t.doubleColumn("mean_mse").append(mean(quality, "mse", rows));
      t.doubleColumn("mean_psnr").append(mean(quality, "psnr", rows));
      t.doubleColumn("mean_ssim").append(mean(quality, "ssim", rows));
      t.doubleColumn("mean_pearson").append(mean(quality, "pearson", rows));
      double[] ss = rows.stream().mapToDouble(i -> quality.doubleColumn("ssim").getDouble(i)).toArray();
      t.doubleColumn("median_ssim").append(PairedComparisons.median(ss));
      t.doubleColumn("infinite_psnr").append(rows.stream().filter(i -> Double.isInfinite(quality.doubleColumn("psnr").getDouble(i))).count());
      if (raw) {
        t.doubleColumn("mean_mse_raw").append(mean(quality, "mse_raw", rows));
        t.doubleColumn("mean_psnr_raw").append(mean(quality, "psnr_raw", rows));
        t.doubleColumn("mean_ssim_raw").append(mean(quality, "ssim_raw", rows));
      }
    });
    return t;
  }

  /**
   * Paired comparisons between models for each channel (images paired by plate, well, site),
   * Wilcoxon signed-rank with Holm correction per channel.
   *
   * @param quality columns model, plate, well, site, channel and the metric
   * @param metric the metric compared
   * @param alpha family-wise level
   * @return rows of {@link PairedComparisons#toTable} with a leading channel column
   */
  public static Table modelComparisons(Table quality, String metric, double alpha) {
    return comparisons(quality, metric, alpha, "channel", "model");
  }

  /**
   * Paired comparisons between channels for each model (images paired by plate, well, site).
   *
   * @param quality as for {@link #modelComparisons}
   * @param metric the metric compared
   * @param alpha family-wise level
   * @return rows with a leading model column
   */
  public static Table channelComparisons(Table quality, String metric, double alpha) {
    return comparisons(quality, metric, alpha, "model", "channel");
  }

  private static Table comparisons(Table quality, String metric, double alpha, String outer, String inner) {
    Table out = null;
    for (String o : new LinkedHashSet<>(quality.stringColumn(outer).asList())) {
      Table sub = quality.where(quality.stringColumn(outer).isEqualTo(o));
      Map<String, Map<String, Double>> byInner = new LinkedHashMap<>();
      for (int i = 0; i < sub.rowCount(); i++) {
        String key = sub.stringColumn("plate").get(i) + "/" + sub.stringColumn("well").get(i) + "/" + sub.intColumn("site").get(i);
        byInner.computeIfAbsent(sub.stringColumn(inner).get(i), k -> new LinkedHashMap<>()).put(key, sub.doubleColumn(metric).getDouble(i));
      }
      LinkedHashSet<String> keys = null;
      for (Map<String, Double> m : byInner.values()) {
        if (keys == null) keys = new LinkedHashSet<>(m.keySet());
        else keys.retainAll(m.keySet());
      }
      final LinkedHashSet<String> common = keys;
      common.removeIf(k -> byInner.values().stream().anyMatch(m -> !Double.isFinite(m.get(k))));
      Map<String, double[]> groups = new LinkedHashMap<>();
      byInner.forEach((g, m) -> groups.put(g, common.stream().mapToDouble(m::get).toArray()));
      if (groups.size() < 2) continue;
      Table t = PairedComparisons.of(groups, alpha).toTable("comparisons");
      t.insertColumn(0, StringColumn.create(outer, t.rowCount()).set(t.stringColumn("a").isNotMissing(), o));
      out = out == null ? t : out.append(t);
    }
    return out == null ? PairedComparisons.of(Map.of(), alpha).toTable("comparisons") : out;
  }

  private static double mean(Table t, String c, List<Integer> rows) {
    double s = 0;
    int n = 0;
    for (int i : rows) {
      double v = t.doubleColumn(c).getDouble(i);
      if (Double.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
