package org.brightpaint.training;

import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

/**
 * Loss and validation curves of a run as Tablesaw tables (long format: one row per step and
 * series) and Plotly figures.
 *
 * @param losses columns {@code step, epoch, loss, value}: one row per step and named loss
 * @param validation columns {@code step, epoch, channel, rmse}: one row per validation and channel
 */
public record TrainingCurves(Table losses, Table validation) {

  /**
   * Builds the tables from a run's state.
   *
   * @param state the state (its history and validations)
   * @return the curves
   */
  public static TrainingCurves of(TrainingState state) {
    return of(state.history(), state.validations());
  }

  /**
   * Builds the tables from logs.
   *
   * @param history step logs
   * @param validations validation results
   * @return the curves
   */
  public static TrainingCurves of(List<StepLog> history, List<ValidationResult> validations) {
    IntColumn step = IntColumn.create("step");
    IntColumn epoch = IntColumn.create("epoch");
    StringColumn name = StringColumn.create("loss");
    DoubleColumn value = DoubleColumn.create("value");
    for (StepLog s : history) {
      for (Map.Entry<String, Double> e : s.losses().entrySet()) {
        step.append((int) s.step());
        epoch.append(s.epoch());
        name.append(e.getKey());
        value.append(e.getValue());
      }
    }
    IntColumn vstep = IntColumn.create("step");
    IntColumn vepoch = IntColumn.create("epoch");
    StringColumn channel = StringColumn.create("channel");
    DoubleColumn rmse = DoubleColumn.create("rmse");
    for (ValidationResult r : validations) {
      for (int i = 0; i < r.rmse().length; i++) {
        vstep.append((int) r.step());
        vepoch.append(r.epoch());
        channel.append(r.channels().get(i).cpName());
        rmse.append(r.rmse()[i]);
      }
    }
    return new TrainingCurves(Table.create("losses", step, epoch, name, value),
        Table.create("validation", vstep, vepoch, channel, rmse));
  }

  /** @return training losses against step, one line per loss */
  public Figure lossFigure() {
    return LinePlot.create("Training loss", losses, "step", "value", "loss");
  }

  /** @return validation RMSE (normalised units) against step, one line per channel */
  public Figure validationFigure() {
    return LinePlot.create("Validation RMSE per channel", validation, "step", "rmse", "channel");
  }

  /**
   * One figure per loss term (a GAN's g_total no longer squashes its parts): the raw values and
   * a centred moving average over {@code window} steps, x "training step", y "loss".
   *
   * @param window the moving-average width in steps (odd; 1 for none)
   * @return one figure per loss name, in the order of the table
   */
  public java.util.List<Figure> lossFigures(int window) {
    if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
    java.util.List<Figure> out = new java.util.ArrayList<>();
    for (String name : new java.util.LinkedHashSet<>(losses.stringColumn("loss").asList())) {
      Table t = losses.where(losses.stringColumn("loss").isEqualTo(name));
      double[] x = t.intColumn("step").asDoubleArray(), y = t.doubleColumn("value").asDoubleArray();
      double[] smooth = movingAverage(y, window);
      var raw = tech.tablesaw.plotly.traces.ScatterTrace.builder(x, y).mode(tech.tablesaw.plotly.traces.ScatterTrace.Mode.LINE)
          .name(name).opacity(0.35).build();
      var avg = tech.tablesaw.plotly.traces.ScatterTrace.builder(x, smooth).mode(tech.tablesaw.plotly.traces.ScatterTrace.Mode.LINE)
          .name(name + " (moving average, " + window + " steps)").build();
      var layout = tech.tablesaw.plotly.components.Layout.builder("Training loss: " + name, "training step", name + " (loss)")
          .height(300).build();
      out.add(new Figure(layout, raw, avg));
    }
    return out;
  }

  /**
   * @param y values
   * @param window odd width
   * @return the centred moving average (shorter windows at the ends); NaN values are skipped
   */
  static double[] movingAverage(double[] y, int window) {
    double[] out = new double[y.length];
    int h = window / 2;
    for (int i = 0; i < y.length; i++) {
      double s = 0;
      int n = 0;
      for (int j = Math.max(0, i - h); j <= Math.min(y.length - 1, i + h); j++) {
        if (Double.isFinite(y[j])) {
          s += y[j];
          n++;
        }
      }
      out[i] = n == 0 ? Double.NaN : s / n;
    }
    return out;
  }

  /**
   * What the validation curve shows: the channels whose validation RMSE is higher at the last
   * validation than at the lowest point of the run (the curve rises after its minimum) by more
   * than {@code tolerance}, and those that end at or near their minimum.
   *
   * @param tolerance the RMSE difference below which a channel counts as flat (normalised units)
   * @return one Markdown sentence generated from the numbers
   */
  public String validationTrend(double tolerance) {
    if (validation.rowCount() == 0) return "No validation was run, so overfitting cannot be judged.";
    java.util.Map<String, double[]> perChannel = new java.util.LinkedHashMap<>(); // min, last, first
    int lastStep = (int) validation.intColumn("step").max();
    for (int i = 0; i < validation.rowCount(); i++) {
      String c = validation.stringColumn("channel").get(i);
      double v = validation.doubleColumn("rmse").getDouble(i);
      double[] a = perChannel.computeIfAbsent(c, k -> new double[] {Double.POSITIVE_INFINITY, Double.NaN, v});
      if (Double.isFinite(v)) a[0] = Math.min(a[0], v);
      if (validation.intColumn("step").getInt(i) == lastStep) a[1] = v;
    }
    java.util.List<String> rises = new java.util.ArrayList<>(), settled = new java.util.ArrayList<>();
    for (var e : perChannel.entrySet()) {
      double[] a = e.getValue();
      if (a[1] - a[0] > tolerance) rises.add(e.getKey() + " (" + sig3(a[0]) + " -> " + sig3(a[1]) + ")");
      else settled.add(e.getKey());
    }
    long validations = validation.intColumn("step").unique().size();
    StringBuilder sb = new StringBuilder();
    if (!rises.isEmpty()) {
      sb.append("Validation RMSE rises after its minimum for ").append(String.join(", ", rises))
          .append(": the model fits the training plates better than held-out ones on those channels (overfitting) or training is unstable");
    }
    if (!settled.isEmpty()) {
      sb.append(sb.isEmpty() ? "Validation RMSE ends at or within " : "; it ends at or within ")
          .append(sig3(tolerance)).append(" of its minimum for ").append(String.join(", ", settled));
    }
    return sb.append(" (").append(validations).append(" validations).").toString();
  }

  /**
   * The paper's Figure 6 point as one figure: the training loss (all loss terms summed per step,
   * centred moving average over {@code window} steps) on the left y axis and the validation RMSE
   * (mean over channels, normalised units) on the right y axis, both against the training step.
   *
   * @param title the figure title (e.g. the model name)
   * @param window the moving-average width in steps (odd; 1 for none)
   * @return the figure
   */
  public Figure lossAndValidationFigure(String title, int window) {
    if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
    double[][] loss = totalLoss();
    double[][] val = meanValidation();
    var lossTrace = tech.tablesaw.plotly.traces.ScatterTrace.builder(loss[0], movingAverage(loss[1], window))
        .mode(tech.tablesaw.plotly.traces.ScatterTrace.Mode.LINE)
        .name("training loss (moving average, " + window + " steps)").build();
    var valTrace = tech.tablesaw.plotly.traces.ScatterTrace.builder(val[0], val[1])
        .mode(tech.tablesaw.plotly.traces.ScatterTrace.Mode.LINE_AND_MARKERS)
        .yAxis(tech.tablesaw.plotly.traces.ScatterTrace.YAxis.Y2)
        .name("validation RMSE (mean over channels)").build();
    var layout = tech.tablesaw.plotly.components.Layout.builder(title + ": training loss and validation RMSE")
        .height(360)
        .xAxis(tech.tablesaw.plotly.components.Axis.builder().title("training step").build())
        .yAxis(tech.tablesaw.plotly.components.Axis.builder().title("training loss").build())
        .yAxis2(tech.tablesaw.plotly.components.Axis.builder().title("validation RMSE (normalised)")
            .side(tech.tablesaw.plotly.components.Axis.Side.right)
            .overlaying(tech.tablesaw.plotly.traces.ScatterTrace.YAxis.Y).build())
        .build();
    return new Figure(layout, lossTrace, valTrace);
  }

  /**
   * What {@link #lossAndValidationFigure} shows, generated from the numbers: whether the smoothed
   * training loss fell (last moving-average value below the first by more than {@code lossDrop}
   * of the first) and whether the mean validation RMSE fell (last below first by more than
   * {@code rmseTolerance}).
   *
   * @param model the model name
   * @param window the moving-average width in steps
   * @param lossDrop relative fall of the loss that counts as falling (e.g. 0.05)
   * @param rmseTolerance RMSE difference that counts as a change (normalised units)
   * @return one sentence
   */
  public String lossVersusValidation(String model, int window, double lossDrop, double rmseTolerance) {
    double[][] loss = totalLoss();
    double[][] val = meanValidation();
    if (loss[0].length == 0 || val[0].length < 2) {
      return model + ": too few training steps or validations to compare loss and validation RMSE.";
    }
    double[] smooth = movingAverage(loss[1], window);
    double l0 = smooth[0], l1 = smooth[smooth.length - 1], v0 = val[1][0], v1 = val[1][val[1].length - 1];
    boolean lossFalls = l1 < l0 - lossDrop * Math.abs(l0);
    boolean valFalls = v1 < v0 - rmseTolerance;
    String lossPart = "the smoothed training loss " + (lossFalls ? "falls" : "does not fall") + " (" + sig3(l0) + " -> " + sig3(l1) + ")";
    String valPart = "the mean validation RMSE " + (valFalls ? "falls too" : "does not fall") + " (" + sig3(v0) + " -> " + sig3(v1) + ")";
    String meaning;
    if (lossFalls && !valFalls) {
      meaning = ": a falling diffusion loss does not mean better images, as in the paper's Figure 6";
    } else if (lossFalls) {
      meaning = ": here the loss and the held-out error improve together";
    } else {
      meaning = ": the model has not learnt within this run";
    }
    return model + ": " + lossPart + " while " + valPart + meaning + ".";
  }

  /** @return {steps, sum of all loss terms at that step}, steps ascending */
  private double[][] totalLoss() {
    java.util.TreeMap<Integer, Double> sum = new java.util.TreeMap<>();
    for (int i = 0; i < losses.rowCount(); i++) {
      sum.merge(losses.intColumn("step").getInt(i), losses.doubleColumn("value").getDouble(i), Double::sum);
    }
    return toArrays(sum);
  }

  /** @return {validation steps, mean RMSE over channels (finite values)}, steps ascending */
  private double[][] meanValidation() {
    java.util.TreeMap<Integer, double[]> acc = new java.util.TreeMap<>();
    for (int i = 0; i < validation.rowCount(); i++) {
      double v = validation.doubleColumn("rmse").getDouble(i);
      double[] a = acc.computeIfAbsent(validation.intColumn("step").getInt(i), k -> new double[2]);
      if (Double.isFinite(v)) {
        a[0] += v;
        a[1]++;
      }
    }
    java.util.TreeMap<Integer, Double> mean = new java.util.TreeMap<>();
    acc.forEach((k, a) -> mean.put(k, a[1] == 0 ? Double.NaN : a[0] / a[1]));
    return toArrays(mean);
  }

  private static double[][] toArrays(java.util.TreeMap<Integer, Double> m) {
    double[] x = new double[m.size()], y = new double[m.size()];
    int i = 0;
    for (var e : m.entrySet()) {
      x[i] = e.getKey();
      y[i++] = e.getValue();
    }
    return new double[][] {x, y};
  }

  private static String sig3(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
