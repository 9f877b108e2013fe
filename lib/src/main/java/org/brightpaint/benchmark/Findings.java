package org.brightpaint.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brightpaint.training.MeanImageBaseline;
import tech.tablesaw.api.Table;

/**
 * "What it shows": the sentences that follow each result of notebooks 09 to 14, generated from
 * the numbers of the stored evaluation tables (never written by hand), so that a sentence cannot
 * contradict the table above it. Each method reads one table in the format {@link Evaluation}
 * writes and returns one sentence per finding, in Markdown.
 *
 * <p>Rules (the thresholds every sentence uses):
 * <ul>
 *   <li>worse than the mean image: a model's mean normalised SSIM on a channel is below
 *       {@link MeanImageBaseline}'s on that channel;</li>
 *   <li>SSIM does not separate: the mean image's per-channel mean SSIM range overlaps the models';</li>
 *   <li>chance for macro F1: 1 / classes (six-class) and 1 / 2 (binary); "at chance" is within
 *       {@value #CHANCE_BAND} of it, "below chance" lower, "above chance" higher;</li>
 *   <li>higher than real: a model's cross-validated F1 exceeds real's by more than
 *       {@value #CHANCE_BAND};</li>
 *   <li>a cross-line drop: {@code relative_drop > 0} for SSIM and PSNR (higher is better) and
 *       {@code < 0} for MSE.</li>
 * </ul>
 */
public final class Findings {

  /** Distance from chance (macro F1) within which a result is "at chance". */
  public static final double CHANCE_BAND = 0.05;

  private Findings() {}

  /**
   * Notebook 09: which models lose to the mean image on which channels, and whether SSIM
   * separates the models from the mean image.
   *
   * @param summary {@code quality_summary}: model, channel, mean_ssim (normalised space)
   * @return the sentences
   */
  public static List<String> imageQuality(Table summary) {
    List<String> out = new ArrayList<>();
    Map<String, Double> base = new LinkedHashMap<>();
    Map<String, Map<String, Double>> models = new LinkedHashMap<>();
    for (int i = 0; i < summary.rowCount(); i++) {
      String m = summary.stringColumn("model").get(i), c = summary.stringColumn("channel").get(i);
      double v = summary.doubleColumn("mean_ssim").getDouble(i);
      if (m.equals(MeanImageBaseline.NAME)) base.put(c, v);
      else models.computeIfAbsent(m, k -> new LinkedHashMap<>()).put(c, v);
    }
    if (base.isEmpty()) {
      out.add("No mean-image row: the models cannot be compared with the trivial baseline.");
      return out;
    }
    List<String> beatAll = new ArrayList<>();
    for (var e : models.entrySet()) {
      List<String> worse = new ArrayList<>();
      for (var c : e.getValue().entrySet()) {
        Double b = base.get(c.getKey());
        if (b != null && c.getValue() < b) worse.add(c.getKey());
      }
      if (worse.isEmpty()) beatAll.add(e.getKey());
      else out.add("**" + e.getKey() + "** is worse than the mean image on " + join(worse) + " (mean SSIM"
          + (worse.size() == base.size() ? ", every channel" : "") + ").");
    }
    if (!beatAll.isEmpty()) out.add(join(beatAll) + (beatAll.size() == 1 ? " beats" : " beat") + " the mean image on every channel (mean SSIM).");
    double bLo = min(base.values()), bHi = max(base.values());
    List<Double> all = new ArrayList<>();
    models.values().forEach(m -> all.addAll(m.values()));
    if (!all.isEmpty()) {
      double mLo = min(all), mHi = max(all);
      boolean overlap = bLo <= mHi && mLo <= bHi;
      out.add("The mean image scores mean SSIM " + range(bLo, bHi) + " across channels, the models " + range(mLo, mHi) + ": "
          + (overlap ? "the ranges overlap, so SSIM alone does not separate a model from the trivial baseline."
              : bHi < mLo ? "every model channel scores above the mean image." : "the mean image scores above every model channel."));
    }
    return out;
  }

  /**
   * Notebook 09: a summary of the pairwise Wilcoxon tests instead of a dump.
   *
   * @param comparisons {@code quality_model_comparisons_ssim} or {@code quality_channel_comparisons_ssim}:
   *     a grouping column first (channel or model), then a, b, median_difference, ..., significant
   * @return per group: pairs tested, significant pairs (Holm-adjusted p &lt; 0.05), and the pair with
   *     the largest absolute median difference
   */
  public static Table comparisonSummary(Table comparisons) {
    String group = comparisons.column(0).name();
    tech.tablesaw.api.StringColumn g = tech.tablesaw.api.StringColumn.create(group);
    tech.tablesaw.api.IntColumn pairs = tech.tablesaw.api.IntColumn.create("pairs tested");
    tech.tablesaw.api.IntColumn sig = tech.tablesaw.api.IntColumn.create("significant (Holm p < 0.05)");
    tech.tablesaw.api.StringColumn largest = tech.tablesaw.api.StringColumn.create("largest difference (a - b)");
    tech.tablesaw.api.DoubleColumn diff = tech.tablesaw.api.DoubleColumn.create("median SSIM difference");
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Integer> best = new LinkedHashMap<>();
    for (int i = 0; i < comparisons.rowCount(); i++) {
      String k = comparisons.column(0).getString(i);
      int[] c = counts.computeIfAbsent(k, x -> new int[2]);
      c[0]++;
      if (Boolean.parseBoolean(comparisons.column("significant").getString(i))) c[1]++;
      double d = Math.abs(comparisons.doubleColumn("median_difference").getDouble(i));
      Integer b = best.get(k);
      if (b == null || d > Math.abs(comparisons.doubleColumn("median_difference").getDouble(b))) best.put(k, i);
    }
    for (var e : counts.entrySet()) {
      int b = best.get(e.getKey());
      g.append(e.getKey());
      pairs.append(e.getValue()[0]);
      sig.append(e.getValue()[1]);
      largest.append(comparisons.stringColumn("a").get(b) + " - " + comparisons.stringColumn("b").get(b));
      diff.append(comparisons.doubleColumn("median_difference").getDouble(b));
    }
    return Table.create("Wilcoxon tests on SSIM by " + group, g, pairs, sig, largest, diff);
  }

  /**
   * @param summary {@link #comparisonSummary}
   * @return one sentence: significant pairs out of all
   */
  public static String comparisons(Table summary) {
    int p = (int) summary.intColumn(1).sum(), s = (int) summary.intColumn(2).sum();
    return s + " of " + p + " pairs differ significantly in per-image SSIM (Holm-adjusted p < 0.05)"
        + (s == p ? ": every difference is significant, so compare effect sizes (median differences), not p-values."
            : s == 0 ? ": no difference is significant at this run size." : ".");
  }

  /**
   * Notebook 10: which model keeps the features best, and which feature groups survive.
   *
   * @param byGroup {@code feature_correlation_by_group_<model>} tables: compartment, group,
   *     channel, mean_r, features (the model is the table name's suffix)
   * @return the sentences (the Location group is left out: cells are matched by centroid, so its
   *     r is near 1 by construction)
   */
  public static List<String> featureCorrelation(List<Table> byGroup) {
    List<String> out = new ArrayList<>();
    Map<String, Double> perModel = new LinkedHashMap<>();
    Map<String, double[]> perGroup = new LinkedHashMap<>();
    for (Table t : byGroup) {
      String model = t.name().replace("feature_correlation_by_group_", "");
      double s = 0;
      int n = 0;
      for (int i = 0; i < t.rowCount(); i++) {
        String group = t.stringColumn("group").get(i);
        double r = t.doubleColumn("mean_r").getDouble(i);
        if (group.equals("Location") || !Double.isFinite(r)) continue;
        s += r;
        n++;
        double[] a = perGroup.computeIfAbsent(group, k -> new double[2]);
        a[0] += r;
        a[1]++;
      }
      if (n > 0) perModel.put(model, s / n);
    }
    if (perModel.isEmpty()) return List.of("No finite feature correlation: nothing to compare.");
    String best = argmax(perModel, true), worst = argmax(perModel, false);
    out.add("Mean r over compartments, groups and channels (Location left out): highest for **" + best + "** ("
        + fmt(perModel.get(best)) + "), lowest for **" + worst + "** (" + fmt(perModel.get(worst)) + ").");
    Map<String, Double> g = new LinkedHashMap<>();
    perGroup.forEach((k, a) -> g.put(k, a[0] / a[1]));
    String gb = argmax(g, true), gw = argmax(g, false);
    out.add("Across models, " + gb + " features are kept best (mean r " + fmt(g.get(gb)) + ") and " + gw
        + " features worst (mean r " + fmt(g.get(gw)) + ").");
    return out;
  }

  /**
   * Notebook 11: model F1 against real and against chance, and transfer to real.
   *
   * @param moa {@code moa_prediction}: source, cv, setting, f1_six_class, f1_binary, ..., classes
   * @return the sentences
   */
  public static List<String> moa(Table moa) {
    List<String> out = new ArrayList<>();
    double real6 = Double.NaN, realB = Double.NaN;
    Map<String, double[]> cv = new LinkedHashMap<>(), transfer = new LinkedHashMap<>();
    int classes = 6;
    for (int i = 0; i < moa.rowCount(); i++) {
      String s = moa.stringColumn("source").get(i), setting = moa.stringColumn("setting").get(i);
      double f6 = moa.doubleColumn("f1_six_class").getDouble(i), fb = moa.doubleColumn("f1_binary").getDouble(i);
      if (moa.columnNames().contains("classes") && moa.column("classes") instanceof tech.tablesaw.api.NumericColumn<?> c
          && !c.isMissing(i)) classes = (int) c.getDouble(i);
      if (setting.startsWith("train on")) transfer.put(s, new double[] {f6, fb});
      else if (moa.stringColumn("cv").get(i).equals("well-grouped")) {
        if (s.equals("real")) {
          real6 = f6;
          realB = fb;
        } else cv.put(s, new double[] {f6, fb});
      }
    }
    double chance = 1.0 / classes;
    if (Double.isFinite(real6)) {
      out.add("Real features: six-class F1 " + fmt(real6) + " (" + versus(real6, chance) + " chance, " + fmt(chance) + "), binary F1 "
          + fmt(realB) + " (" + versus(realB, 0.5) + " chance, 0.5), well-grouped CV.");
    }
    List<String> higher = new ArrayList<>();
    for (var e : cv.entrySet()) if (e.getValue()[0] > real6 + CHANCE_BAND) higher.add(e.getKey() + " " + fmt(e.getValue()[0]));
    if (!higher.isEmpty()) {
      out.add("Generated features give a higher cross-validated six-class F1 than real (" + fmt(real6) + "): " + join(higher)
          + ". Higher than the real images cannot mean more biology: the classifier also learns what the model adds"
          + " per well or compound, so a cross-validated F1 alone does not show that phenotypes are kept.");
    }
    List<String> at = new ArrayList<>(), below = new ArrayList<>(), above = new ArrayList<>();
    for (var e : transfer.entrySet()) {
      double f = e.getValue()[0];
      if (!Double.isFinite(f)) continue;
      String v = versus(f, chance);
      (v.equals("at") ? at : v.equals("below") ? below : above).add(e.getKey() + " " + fmt(f));
    }
    if (!at.isEmpty() || !below.isEmpty()) {
      List<String> parts = new ArrayList<>();
      if (!at.isEmpty()) parts.add("at chance for " + join(at));
      if (!below.isEmpty()) parts.add("below chance for " + join(below));
      out.add("Train on model, test on real: six-class F1 is " + String.join(" and ", parts) + " (chance " + fmt(chance)
          + "): the predicted features do not carry the real phenotypes.");
    }
    if (!above.isEmpty()) out.add("Train on model, test on real: above chance (" + fmt(chance) + ") for " + join(above)
        + ": some phenotype information transfers to real cells.");
    return out;
  }

  /**
   * Notebook 11: which source is closest to the real feature distribution.
   *
   * @param energy {@code energy_distance}: source, energy_distance_to_real, real_vs_real_floor
   * @return the sentences
   */
  public static List<String> energyDistance(Table energy) {
    Map<String, Double> d = new LinkedHashMap<>();
    double floor = Double.NaN;
    for (int i = 0; i < energy.rowCount(); i++) {
      String s = energy.stringColumn("source").get(i);
      double v = energy.doubleColumn("energy_distance_to_real").getDouble(i);
      if (s.equals("real")) floor = v;
      else if (Double.isFinite(v)) d.put(s, v);
    }
    if (d.isEmpty()) return List.of();
    String best = argmax(d, false), worst = argmax(d, true);
    return List.of("Closest to the real feature distribution: **" + best + "** (energy distance " + fmt(d.get(best))
        + "); furthest: **" + worst + "** (" + fmt(d.get(worst)) + "); two halves of the real cells differ by " + fmt(floor)
        + (d.get(best) > 10 * floor ? ", so every model's features are far from real." : "."));
  }

  /**
   * Notebook 12: where a model trained on one line loses on the other.
   *
   * @param tests {@code generalisability_<model>}: metric, test_line, in_line, cross_line, relative_drop, test, p
   * @return the sentences
   */
  public static List<String> generalisability(Table tests) {
    String model = tests.name().replace("generalisability_", "");
    List<String> drops = new ArrayList<>(), gains = new ArrayList<>();
    for (int i = 0; i < tests.rowCount(); i++) {
      String metric = tests.stringColumn("metric").get(i), line = tests.stringColumn("test_line").get(i);
      double in = tests.doubleColumn("in_line").getDouble(i), cross = tests.doubleColumn("cross_line").getDouble(i);
      if (!Double.isFinite(in) || !Double.isFinite(cross)) continue;
      boolean lowerBetter = metric.equals("mse");
      boolean worse = lowerBetter ? cross > in : cross < in;
      (worse ? drops : gains).add(metric + " on " + line + " (" + fmt(in) + " in-line, " + fmt(cross) + " cross-line)");
    }
    List<String> out = new ArrayList<>();
    if (!drops.isEmpty()) out.add("**" + model + "** trained on the other cell line is worse in " + String.join("; ", drops) + ".");
    if (!gains.isEmpty()) out.add("**" + model + "** trained on the other cell line is as good or better in " + String.join("; ", gains) + ".");
    return out;
  }

  /**
   * Notebook 13: the cheapest and dearest generator to train and to run (the mean image is left
   * out of the ranking).
   *
   * @param cost {@code compute_cost}: model, train_images_per_s, peak_memory_mb, inference_s_per_image
   * @return the sentences
   */
  public static List<String> cost(Table cost) {
    Map<String, Double> train = new LinkedHashMap<>(), infer = new LinkedHashMap<>(), mem = new LinkedHashMap<>();
    for (int i = 0; i < cost.rowCount(); i++) {
      String m = cost.stringColumn("model").get(i);
      if (m.equals(MeanImageBaseline.NAME)) continue; // the generators are ranked; the mean image costs almost nothing
      put(train, m, cost.doubleColumn("train_images_per_s").getDouble(i));
      put(infer, m, cost.doubleColumn("inference_s_per_image").getDouble(i));
      put(mem, m, cost.doubleColumn("peak_memory_mb").getDouble(i));
    }
    List<String> out = new ArrayList<>();
    if (train.size() > 1) {
      String f = argmax(train, true), s = argmax(train, false);
      out.add("Training: fastest **" + f + "** (" + fmt(train.get(f)) + " images/s), slowest **" + s + "** (" + fmt(train.get(s)) + " images/s).");
    }
    if (infer.size() > 1) {
      String f = argmax(infer, false), s = argmax(infer, true);
      out.add("Inference: fastest **" + f + "** (" + fmt(infer.get(f)) + " s/image), slowest **" + s + "** (" + fmt(infer.get(s))
          + " s/image, " + fmt(infer.get(s) / infer.get(f)) + " times slower).");
    }
    if (mem.size() > 1) {
      String h = argmax(mem, true);
      out.add("Peak host memory (CPU, ci network width; not the paper's GPU memory at full width): highest for **" + h + "** ("
          + fmt(mem.get(h)) + " MB).");
    }
    return out;
  }

  private static void put(Map<String, Double> m, String k, double v) {
    if (Double.isFinite(v)) m.put(k, v);
  }

  /** @return "at", "below" or "above" chance by {@link #CHANCE_BAND} */
  static String versus(double f1, double chance) {
    return Math.abs(f1 - chance) <= CHANCE_BAND ? "at" : f1 < chance ? "below" : "above";
  }

  private static String argmax(Map<String, Double> m, boolean max) {
    String k = null;
    for (var e : m.entrySet()) {
      if (k == null || (max ? e.getValue() > m.get(k) : e.getValue() < m.get(k))) k = e.getKey();
    }
    return k;
  }

  private static double min(java.util.Collection<Double> v) {
    return v.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(java.util.Collection<Double> v) {
    return v.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String range(double lo, double hi) {
    return fmt(lo) + "-" + fmt(hi);
  }

  /** @return 3 significant digits */
  static String fmt(double v) {
    if (!Double.isFinite(v)) return "n/a";
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** @return "a", "a and b", "a, b and c" */
  static String join(List<String> items) {
    Set<String> s = new LinkedHashSet<>(items);
    List<String> l = new ArrayList<>(s);
    if (l.size() <= 1) return String.join("", l);
    return String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
  }

  /**
   * @param sentences sentences
   * @return them as one Markdown paragraph headed "What it shows"
   */
  public static String markdown(List<String> sentences) {
    return sentences.isEmpty() ? "**What it shows:** nothing to conclude (no numbers)." : "**What it shows:** " + String.join(" ", sentences);
  }
}
