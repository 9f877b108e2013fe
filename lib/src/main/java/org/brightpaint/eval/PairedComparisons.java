package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * All pairwise paired comparisons within a family of groups (models for one channel, or channels
 * for one model): two-sided {@link Wilcoxon} signed-rank tests on the per-image values, then
 * {@link Holm}-Bonferroni correction over the family, significance at {@code p_adj < alpha}.
 *
 * @param rows one row per pair
 * @param alpha the family-wise level
 */
public record PairedComparisons(List<Row> rows, double alpha) {

  /**
   * One pair's result.
   *
   * @param a first group
   * @param b second group
   * @param medianDifference median of {@code a_i - b_i}
   * @param test the Wilcoxon result (raw p)
   * @param pAdjusted Holm-adjusted p
   * @param significant {@code pAdjusted < alpha}
   */
  public record Row(String a, String b, double medianDifference, TestResult test, double pAdjusted, boolean significant) {}

  /**
   * @param groups group name to per-image values; all arrays paired by index (same images), same
   *     length
   * @param alpha the family-wise level, e.g. 0.05
   * @return every pair (in map order), Holm-corrected
   */
  public static PairedComparisons of(Map<String, double[]> groups, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    List<String> names = new ArrayList<>(groups.keySet());
    List<String[]> pairs = new ArrayList<>();
    List<TestResult> tests = new ArrayList<>();
    List<Double> medians = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        double[] x = groups.get(names.get(i)), y = groups.get(names.get(j));
        if (x.length != y.length) {
          throw new IllegalArgumentException("Groups " + names.get(i) + " (" + x.length + ") and "
              + names.get(j) + " (" + y.length + ") are not paired: different numbers of images");
        }
        pairs.add(new String[] {names.get(i), names.get(j)});
        tests.add(Wilcoxon.test(x, y));
        double[] d = new double[x.length];
        for (int k = 0; k < d.length; k++) d[k] = x[k] - y[k];
        medians.add(median(d));
      }
    }
    double[] p = tests.stream().mapToDouble(TestResult::p).toArray();
    double[] adj = Holm.adjust(p);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < p.length; k++) {
      rows.add(new Row(pairs.get(k)[0], pairs.get(k)[1], medians.get(k), tests.get(k), adj[k], adj[k] < alpha));
    }
    return new PairedComparisons(List.copyOf(rows), alpha);
  }

  /** @return the rows as a table (a, b, median_difference, test, n, statistic, p, p_holm, significant) */
  public Table toTable(String name) {
    Table t = Table.create(name,
        StringColumn.create("a"), StringColumn.create("b"), DoubleColumn.create("median_difference"),
        StringColumn.create("test"), IntColumn.create("n"), DoubleColumn.create("statistic"),
        DoubleColumn.create("p"), DoubleColumn.create("p_holm"), BooleanColumn.create("significant"));
    for (Row r : rows) {
      t.stringColumn("a").append(r.a());
      t.stringColumn("b").append(r.b());
      t.doubleColumn("median_difference").append(r.medianDifference());
      t.stringColumn("test").append(r.test().test());
      t.intColumn("n").append(r.test().n());
      t.doubleColumn("statistic").append(r.test().statistic());
      t.doubleColumn("p").append(r.test().p());
      t.doubleColumn("p_holm").append(r.pAdjusted());
      t.booleanColumn("significant").append(r.significant());
    }
    return t;
  }

  static double median(double[] v) {
    if (v.length == 0) return Double.NaN;
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
