package org.brightpaint.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brightpaint.eval.Kde;
import org.brightpaint.eval.PosteriorScores;
import org.brightpaint.models.Stochasticity;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Tables, figures and generated sentences of a {@link PosteriorStudy} for notebook 16 and the
 * benchmark report.
 */
public final class PosteriorViews {

  private PosteriorViews() {}

  /**
   * One cell explained: the population density of the real values, the KDE of the cell's K
   * sampled values, the samples themselves and the real value.
   *
   * @param e the example
   * @return the figure (standardised units on x, density on y)
   */
  public static Figure cell(PosteriorStudy.CellExample e) {
    Kde post = Kde.silverman(e.samples());
    Kde marg = Kde.silverman(e.population());
    double lo = Math.min(Arrays.stream(e.population()).min().orElse(-3), Arrays.stream(e.samples()).min().orElse(-3)) - 1;
    double hi = Math.max(Arrays.stream(e.population()).max().orElse(3), Arrays.stream(e.samples()).max().orElse(3)) + 1;
    int n = 400;
    double[] x = new double[n];
    double[] yp = new double[n];
    double[] ym = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * i / (n - 1);
      yp[i] = post.density(x[i]);
      ym[i] = marg.density(x[i]);
    }
    double top = Math.max(Arrays.stream(yp).max().orElse(1), Arrays.stream(ym).max().orElse(1));
    List<Trace> t = new ArrayList<>();
    t.add(ScatterTrace.builder(x, ym).mode(ScatterTrace.Mode.LINE).name("p_marg: real values of all cells").build());
    t.add(ScatterTrace.builder(x, yp).mode(ScatterTrace.Mode.LINE)
        .name("p_post: KDE of the " + e.samples().length + " samples").build());
    t.add(ScatterTrace.builder(e.samples(), new double[e.samples().length]).mode(ScatterTrace.Mode.MARKERS)
        .name("samples").marker(Marker.builder().size(9).build()).build());
    t.add(ScatterTrace.builder(new double[] {e.real(), e.real()}, new double[] {0, top}).mode(ScatterTrace.Mode.LINE)
        .name("real value y").build());
    String title = String.format(Locale.ROOT, "%s, %s: IG = log p_post(y) - log p_marg(y) = %.2f nats", e.model(),
        e.feature(), e.ig());
    return new Figure(Layout.builder(title).height(420).width(800)
        .xAxis(Axis.builder().title("standardised value (real cells' mean 0, sd 1)").build())
        .yAxis(Axis.builder().title("density").build()).build(), t.toArray(new Trace[0]));
  }

  /**
   * IG by feature group x channel, one column per model: "mean [low, high]; median m" in nats
   * (mean over cells with its 95 % bootstrap interval, and the median over cells).
   *
   * @param r the study
   * @return the table
   */
  public static Table igByGroup(PosteriorStudy.Result r) {
    Table ig = r.ig();
    List<String> models = new ArrayList<>(new LinkedHashSet<>(ig.stringColumn("model").asList()));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < ig.rowCount(); i++) {
      String k = ig.stringColumn("group").get(i) + "\u0000" + ig.stringColumn("channel").get(i);
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    keys.sort((a, b) -> a.startsWith("all\u0000") ? 1 : b.startsWith("all\u0000") ? -1 : a.compareTo(b));
    Table t = Table.create("IG (nats) by feature group x channel", StringColumn.create("group"),
        StringColumn.create("channel"));
    for (String m : models) {
      Stochasticity s = r.stochasticity().get(m);
      t.addColumns(StringColumn.create(m + (s == Stochasticity.POINT ? " (point prediction)" : "")));
    }
    for (String k : keys) {
      String[] p = k.split("\u0000", -1);
      t.stringColumn("group").append(p[0]);
      t.stringColumn("channel").append(p[1]);
      for (int j = 0; j < models.size(); j++) {
        String cell = "";
        for (int i = 0; i < ig.rowCount(); i++) {
          if (ig.stringColumn("model").get(i).equals(models.get(j)) && ig.stringColumn("group").get(i).equals(p[0])
              && ig.stringColumn("channel").get(i).equals(p[1])) {
            cell = String.format(Locale.ROOT, "%.3g [%.3g, %.3g]; median %.2f", ig.doubleColumn("mean_ig").get(i),
                ig.doubleColumn("ci_low").get(i), ig.doubleColumn("ci_high").get(i),
                ig.doubleColumn("median_ig").get(i));
          }
        }
        t.stringColumn(2 + j).append(cell);
      }
    }
    return t;
  }

  /**
   * Calibration: each model's PIT histogram (share per bin; a calibrated model is flat at 0.1).
   *
   * @param r the study
   * @return the figure
   */
  public static Figure calibration(PosteriorStudy.Result r) {
    List<Trace> t = new ArrayList<>();
    double[] x = new double[PosteriorScores.PIT_BINS];
    double[] flat = new double[x.length];
    for (int b = 0; b < x.length; b++) {
      x[b] = (b + 0.5) / x.length;
      flat[b] = 1.0 / x.length;
    }
    t.add(ScatterTrace.builder(x, flat).mode(ScatterTrace.Mode.LINE).name("calibrated (uniform)").build());
    for (Map.Entry<String, PosteriorScores> e : r.scores().entrySet()) {
      PosteriorScores s = e.getValue();
      t.add(ScatterTrace.builder(x, s.pitHistogram()).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
          .name(String.format(Locale.ROOT, "%s: 50%% interval holds %.0f%%, 90%% holds %.0f%%", e.getKey(),
              100 * s.coverage50(), 100 * s.coverage90())).build());
    }
    return new Figure(Layout.builder("PIT histograms: where real values fall in the per-cell posteriors").height(450)
        .width(800).xAxis(Axis.builder().title("PIT = F_post(real value)").build())
        .yAxis(Axis.builder().title("share of (cell, feature) pairs").build()).build(), t.toArray(new Trace[0]));
  }

  /**
   * Sentences generated from the numbers: the best model by mean IG (and whether its interval
   * excludes 0), the calibration of each, and what the posterior view adds to the correlation.
   *
   * @param r the study
   * @return markdown
   */
  public static String summary(PosteriorStudy.Result r) {
    StringBuilder sb = new StringBuilder();
    String best = null;
    double bestIg = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, PosteriorScores> e : r.scores().entrySet()) {
      if (r.stochasticity().get(e.getKey()) != Stochasticity.POINT && e.getValue().overallMedian() > bestIg) {
        bestIg = e.getValue().overallMedian();
        best = e.getKey();
      }
    }
    sb.append(String.format(Locale.ROOT, "On %d sites (centre %d x %d px crops), ", r.sites().size(), r.cropPx(),
        r.cropPx()));
    for (Map.Entry<String, PosteriorScores> e : r.scores().entrySet()) {
      var o = e.getValue().overall();
      sb.append(String.format(Locale.ROOT, "%s %s %.3g [%.3g, %.3g] nats on average (median %.2f) over %d cells; ",
          e.getKey(), r.stochasticity().get(e.getKey()) == Stochasticity.POINT ? "(point prediction, K = 1) gains"
          : "gains", o.mean(), o.lower(), o.upper(), e.getValue().overallMedian(), o.n()));
    }
    sb.setLength(sb.length() - 2);
    sb.append(".\n\n");
    if (best != null) {
      var o = r.scores().get(best).overall();
      sb.append(String.format(Locale.ROOT, "Highest median information gain among the stochastic models: **%s**"
          + " (median %.2f, mean %.3g nats); ", best, bestIg, o.mean()));
      sb.append(o.lower() > 0 ? "the interval of its mean lies above 0: its posteriors put more mass on the real cell's values than"
          + " the population does.\n\n" : o.upper() < 0 ? "the interval of its mean lies below 0: even the best posteriors put less"
          + " mass on the real cell's values than the population does (at K = 8, a posterior equal to the population"
          + " scores about -1 nat: the KDE of 8 samples is a noisy density).\n\n"
          : "its interval includes 0: not distinguishable from knowing only the population.\n\n");
    }
    for (Map.Entry<String, PosteriorScores> e : r.scores().entrySet()) {
      PosteriorScores s = e.getValue();
      if (r.stochasticity().get(e.getKey()) == Stochasticity.POINT) {
        continue;
      }
      String verdict = s.coverage90() < 0.8 ? "over-confident (the real value falls outside the 90 % interval far more"
          + " often than 10 % of the time)" : s.coverage90() > 0.97 ? "under-confident (intervals too wide)"
          : "roughly calibrated at 90 %";
      sb.append(String.format(Locale.ROOT, "- %s: central 50 %% interval holds %.0f %%, 90 %% holds %.0f %% of real"
          + " values: %s.%n", e.getKey(), 100 * s.coverage50(), 100 * s.coverage90(), verdict));
    }
    return sb.toString();
  }
}
