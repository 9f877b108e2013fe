package org.brightpaint.features.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brightpaint.features.Tables;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * pycytominer's {@code feature_select(profiles, operation=[...])}: every operation looks at the
 * same input and names features to exclude; the union is dropped at the end (metadata always
 * stay). The operations, each following pycytominer's {@code operations/} module:
 *
 * <ul>
 *   <li>{@link Operation#VARIANCE_THRESHOLD} ({@code variance_threshold.py}, the caret
 *       {@code nearZeroVar} rule JUMP used, called {@code frequency_threshold} since pycytominer
 *       1.3): exclude a feature when it has fewer than two distinct non-missing values, when the
 *       count of its second most common value over that of its most common is below
 *       {@code freqCut}, or when its number of distinct non-missing values over the number of rows
 *       is below {@code uniqueCut}.
 *   <li>{@link Operation#CORRELATION_THRESHOLD} ({@code correlation_threshold.py} with
 *       {@code cyto_utils.util.get_pairwise_correlation}): Pearson correlation of every pair of
 *       features over their rows where both are present (pandas' {@code DataFrame.corr}); features
 *       are ordered by the sum of their absolute correlations with all features (self included,
 *       missing skipped), ascending; for each pair (a, b) with a after b in table order and
 *       correlation {@code > threshold} (signed, as pycytominer compares it), the feature of the
 *       pair later in that order is excluded. Ties in the sum keep table order (pandas' sort is
 *       not stable there; avoid relying on it).
 *   <li>{@link Operation#DROP_NA_COLUMNS} ({@code get_na_columns.py}): exclude a feature whose
 *       fraction of missing values is above {@code naCutoff}.
 *   <li>{@link Operation#BLOCKLIST} ({@code cyto_utils.get_blocklist_features}): exclude the
 *       features named in the blocklist that the table has.
 * </ul>
 */
public final class FeatureSelect {

  /** pycytominer's feature-selection operations. */
  public enum Operation {
    /** Near-zero variance by frequency and uniqueness. */
    VARIANCE_THRESHOLD,
    /** One of each highly correlated pair. */
    CORRELATION_THRESHOLD,
    /** Too many missing values. */
    DROP_NA_COLUMNS,
    /** Named features. */
    BLOCKLIST
  }

  /**
   * Options (pycytominer's defaults by {@link #defaults()}).
   *
   * @param operations the operations to run
   * @param freqCut second-most-common over most-common count below which a feature goes (0.05)
   * @param uniqueCut distinct values over rows below which a feature goes (0.01)
   * @param corrThreshold correlation above which one feature of a pair goes (0.9)
   * @param naCutoff missing fraction above which a feature goes (0.05)
   * @param blocklist feature names to drop
   */
  public record Options(List<Operation> operations, double freqCut, double uniqueCut, double corrThreshold,
      double naCutoff, Set<String> blocklist) {
    /** Validates. */
    public Options {
      operations = List.copyOf(operations);
      blocklist = Set.copyOf(blocklist);
      if (!(freqCut >= 0 && freqCut <= 1) || !(uniqueCut >= 0 && uniqueCut <= 1)) {
        throw new IllegalArgumentException("freq_cut and unique_cut must be in [0, 1]: " + freqCut + ", " + uniqueCut);
      }
      if (!(corrThreshold >= 0 && corrThreshold <= 1)) {
        throw new IllegalArgumentException("Correlation threshold must be in [0, 1]: " + corrThreshold);
      }
      if (!(naCutoff >= 0 && naCutoff <= 1)) {
        throw new IllegalArgumentException("NA cutoff must be in [0, 1]: " + naCutoff);
      }
    }

    /** @return pycytominer's defaults: all four operations, 0.05, 0.01, 0.9, 0.05, empty blocklist */
    public static Options defaults() {
      return new Options(List.of(Operation.values()), 0.05, 0.01, 0.9, 0.05, Set.of());
    }

    /**
     * @param names features to block
     * @return these options with that blocklist
     */
    public Options withBlocklist(Collection<String> names) {
      return new Options(operations, freqCut, uniqueCut, corrThreshold, naCutoff, Set.copyOf(names));
    }
  }

  private FeatureSelect() {}

  /**
   * Drops the excluded features.
   *
   * @param profiles profiles
   * @param options operations and cut-offs
   * @return the table without the excluded features
   */
  public static Table apply(Table profiles, Options options) {
    Set<String> out = excluded(profiles, options);
    List<Column<?>> keep = new ArrayList<>();
    for (Column<?> c : profiles.columns()) {
      if (!out.contains(c.name())) {
        keep.add(c);
      }
    }
    return Tables.of(profiles.name(), keep);
  }

  /**
   * The features the operations exclude.
   *
   * @param profiles profiles
   * @param options operations and cut-offs
   * @return excluded feature names, in table order
   */
  public static Set<String> excluded(Table profiles, Options options) {
    List<String> features = ProfileColumns.features(profiles);
    double[][] x = new double[features.size()][];
    for (int j = 0; j < x.length; j++) {
      x[j] = ProfileColumns.values(profiles, features.get(j));
    }
    Set<String> out = new java.util.HashSet<>();
    for (Operation op : options.operations()) {
      switch (op) {
        case VARIANCE_THRESHOLD -> out.addAll(varianceThreshold(features, x, options.freqCut(), options.uniqueCut()));
        case CORRELATION_THRESHOLD -> out.addAll(correlationThreshold(features, x, options.corrThreshold()));
        case DROP_NA_COLUMNS -> out.addAll(naColumns(features, x, options.naCutoff()));
        case BLOCKLIST -> features.stream().filter(options.blocklist()::contains).forEach(out::add);
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    features.stream().filter(out::contains).forEach(ordered::add);
    return ordered;
  }

  /** pycytominer's variance_threshold (frequency and uniqueness rules). */
  static List<String> varianceThreshold(List<String> features, double[][] x, double freqCut, double uniqueCut) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < x.length; j++) {
      Map<Double, Integer> counts = new HashMap<>();
      for (double v : x[j]) {
        if (!Double.isNaN(v)) {
          counts.merge(v == 0 ? 0.0 : v, 1, Integer::sum); // -0.0 and 0.0 count as one value, as in pandas
        }
      }
      List<Integer> c = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
      boolean lowFrequency = c.size() < 2 || (double) c.get(1) / c.get(0) < freqCut;
      boolean lowUnique = x[j].length > 0 && (double) counts.size() / x[j].length < uniqueCut;
      if (lowFrequency || lowUnique) {
        out.add(features.get(j));
      }
    }
    return out;
  }

  /** pycytominer's correlation_threshold (Pearson, pairwise complete). */
  static List<String> correlationThreshold(List<String> features, double[][] x, double threshold) {
    int p = x.length;
    double[][] r = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = 0; b <= a; b++) {
        r[a][b] = pearson(x[a], x[b]);
        r[b][a] = r[a][b];
      }
    }
    double[] absSum = new double[p];
    for (int b = 0; b < p; b++) {
      for (int a = 0; a < p; a++) {
        if (!Double.isNaN(r[a][b])) {
          absSum[b] += Math.abs(r[a][b]);
        }
      }
    }
    Integer[] order = new Integer[p];
    for (int i = 0; i < p; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> absSum[i]));
    int[] rank = new int[p];
    for (int k = 0; k < p; k++) {
      rank[order[k]] = k;
    }
    Set<String> out = new LinkedHashSet<>();
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        if (r[a][b] > threshold) {
          out.add(features.get(rank[a] > rank[b] ? a : b));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Pearson correlation over the rows where both values are present, as pandas' {@code nancorr}:
   * NaN with no such row or when either is constant there.
   */
  static double pearson(double[] x, double[] y) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        n++;
        sx += x[i];
        sy += y[i];
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
    }
    double d = Math.sqrt(sxx * syy);
    return d != 0 ? sxy / d : Double.NaN;
  }

  /** pycytominer's get_na_columns. */
  static List<String> naColumns(List<String> features, double[][] x, double cutoff) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < x.length; j++) {
      int na = 0;
      for (double v : x[j]) {
        if (Double.isNaN(v)) {
          na++;
        }
      }
      if (x[j].length > 0 && (double) na / x[j].length > cutoff) {
        out.add(features.get(j));
      }
    }
    return out;
  }
}
