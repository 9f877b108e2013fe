package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/**
 * How well a generator preserves single-cell features: real and synthetic cells of the same
 * images are matched by position ({@link CellMatcher}), Pearson's r is computed per feature over
 * the matched cells, and the r values are averaged by compartment x feature group x channel (the
 * paper's Figures 4 and 5).
 *
 * <p>Only the eight measurement groups ({@link FeatureGroup#isMeasurement()}) are correlated.
 * Features that are constant over the matched cells in either source are dropped and listed in
 * {@link #zeroVariance()} (r undefined); columns present in only one source are listed in
 * {@link #onlyInReal()} / {@link #onlyInSynthetic()}. Two-channel (Correlation) features count
 * towards both of their channels; shape, neighbour and centre features have channel "none".
 *
 * @param perFeature one row per feature: feature, compartment, group, channel, r, n
 * @param byGroup mean r per compartment, group and channel: compartment, group, channel,
 *     mean_r, features
 * @param zeroVariance features dropped because they are constant in either source
 * @param onlyInReal measurement columns missing from the synthetic table
 * @param onlyInSynthetic measurement columns missing from the real table
 * @param matchedCells matched cell pairs (summed over merged results)
 * @param realCells real cells (summed)
 * @param syntheticCells synthetic cells (summed)
 */
public record FeatureCorrelation(
    Table perFeature, Table byGroup, List<String> zeroVariance, List<String> onlyInReal,
    List<String> onlyInSynthetic, int matchedCells, int realCells, int syntheticCells) {

  /**
   * Options of the correlation.
   *
   * @param imageKeys columns identifying an image in both tables
   * @param tolerancePx largest centroid distance of a match, pixels
   * @param defaultCompartment compartment of columns without a prefix (CellProfiler CSV exports)
   */
  public record Options(List<String> imageKeys, double tolerancePx, Compartment defaultCompartment) {
    /** Validates. */
    public Options {
      imageKeys = List.copyOf(imageKeys);
      if (!(tolerancePx > 0)) {
        throw new IllegalArgumentException("tolerancePx must be > 0, got " + tolerancePx);
      }
    }

    /**
     * @param imageKeys the image key columns
     * @return options with a 5 px tolerance and prefixed column names
     */
    public static Options of(String... imageKeys) {
      return new Options(List.of(imageKeys), 5.0, Compartment.NONE);
    }
  }

  /**
   * Correlates the features of one pair of tables.
   *
   * @param real real per-cell features (CellProfiler column names)
   * @param synthetic the same images' synthetic features
   * @param options matching options
   * @return the correlation result
   * @throws IllegalArgumentException when fewer than 3 cells match
   */
  public static FeatureCorrelation of(Table real, Table synthetic, Options options) {
    CellMatch m = CellMatcher.match(real, synthetic, options.imageKeys(), options.tolerancePx());
    if (m.size() < 3) {
      throw new IllegalArgumentException("Only " + m.size() + " of " + real.rowCount() + " real cells matched a synthetic cell within "
          + options.tolerancePx() + " px: too few to correlate features (check that the tables describe the same images)");
    }
    return correlate(real, synthetic, m, options);
  }

  /**
   * Correlates features measured in the REAL objects ("real objects" mode,
   * {@code features.pipeline.RealObjects}): row i of both tables is the same cell, so no
   * matching is needed and every real cell takes part. Stain-independent features (shape,
   * neighbours, centres) are then the real cell's own in both tables (r = 1 by construction);
   * read the stain-dependent groups.
   *
   * @param real real per-cell features
   * @param synthetic the synthetic images' features in the same objects, same rows
   * @param options only {@link Options#defaultCompartment()} is used
   * @return the correlation result
   * @throws IllegalArgumentException when the row counts differ or there are fewer than 3 cells
   */
  public static FeatureCorrelation ofRealObjects(Table real, Table synthetic, Options options) {
    int n = real.rowCount();
    if (synthetic.rowCount() != n || n < 3) {
      throw new IllegalArgumentException("Real-objects correlation needs the same cells in both tables and at least 3,"
          + " got " + n + " real and " + synthetic.rowCount() + " synthetic rows");
    }
    int[] rows = java.util.stream.IntStream.range(0, n).toArray();
    return correlate(real, synthetic, new CellMatch(rows, rows.clone(), new double[n], n, n), options);
  }

  private static FeatureCorrelation correlate(Table real, Table synthetic, CellMatch m, Options options) {
    Set<String> realCols = measurementColumns(real, options.defaultCompartment());
    Set<String> synthCols = measurementColumns(synthetic, options.defaultCompartment());
    List<String> onlyReal = realCols.stream().filter(c -> !synthCols.contains(c)).toList();
    List<String> onlySynth = synthCols.stream().filter(c -> !realCols.contains(c)).toList();
    Table per = emptyPerFeature();
    List<String> zero = new ArrayList<>();
    for (String c : realCols) {
      if (!synthCols.contains(c)) continue;
      double[] a = pick(((NumericColumn<?>) real.column(c)).asDoubleArray(), m.realRows());
      double[] b = pick(((NumericColumn<?>) synthetic.column(c)).asDoubleArray(), m.syntheticRows());
      double r = Pearson.of(a, b);
      if (Double.isNaN(r)) {
        zero.add(c);
        continue;
      }
      FeatureName f = FeatureName.parse(c, options.defaultCompartment());
      per.stringColumn("feature").append(c);
      per.stringColumn("compartment").append(f.compartment().prefix());
      per.stringColumn("group").append(f.group().cpName());
      per.stringColumn("channel").append(f.channelLabel());
      per.doubleColumn("r").append(r);
      per.intColumn("n").append(finitePairs(a, b));
    }
    return new FeatureCorrelation(per, aggregate(per), List.copyOf(zero), onlyReal, onlySynth,
        m.size(), m.realCount(), m.syntheticCount());
  }

  /**
   * Merges results of several compartments or images into one.
   *
   * @param parts results to merge
   * @return their union with {@link #byGroup()} recomputed
   */
  public static FeatureCorrelation merge(List<FeatureCorrelation> parts) {
    Table per = emptyPerFeature();
    List<String> zero = new ArrayList<>(), or = new ArrayList<>(), os = new ArrayList<>();
    int mc = 0, rc = 0, sc = 0;
    for (FeatureCorrelation p : parts) {
      per.append(p.perFeature());
      zero.addAll(p.zeroVariance());
      or.addAll(p.onlyInReal());
      os.addAll(p.onlyInSynthetic());
      mc += p.matchedCells();
      rc += p.realCells();
      sc += p.syntheticCells();
    }
    return new FeatureCorrelation(per, aggregate(per), zero, or, os, mc, rc, sc);
  }

  /**
   * A heatmap of mean r with feature groups as columns and channels as rows, for one compartment
   * (Figure 4 of the paper shows one per channel and group).
   *
   * @param compartment the compartment
   * @param title the title, e.g. "Pix2Pix - Cells"
   * @return the figure
   */
  public Figure heatmap(Compartment compartment, String title) {
    return heatmap(byGroup.where(byGroup.stringColumn("compartment").isEqualTo(compartment.prefix())), title, false);
  }

  /**
   * A heatmap of mean r over all compartments: rows "compartment channel", columns groups
   * (Figure 5 of the paper: feature groups by compartment).
   *
   * @param title the title
   * @return the figure
   */
  public Figure heatmap(String title) {
    return heatmap(byGroup, title, true);
  }

  private static Figure heatmap(Table t, String title, boolean withCompartment) {
    // Location is left out: cells are matched by centroid, so its r is about 1 by construction
    List<String> groups = FeatureGroup.measurements().stream().filter(g -> g != FeatureGroup.LOCATION).map(FeatureGroup::cpName).toList();
    LinkedHashSet<String> rows = new LinkedHashSet<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (groups.contains(t.stringColumn("group").get(i))) rows.add(rowLabel(t, i, withCompartment));
    }
    List<String> rowList = new ArrayList<>(rows);
    double[][] z = new double[rowList.size()][groups.size()];
    for (double[] zr : z) java.util.Arrays.fill(zr, Double.NaN);
    for (int i = 0; i < t.rowCount(); i++) {
      int gi = groups.indexOf(t.stringColumn("group").get(i));
      if (gi >= 0) z[rowList.indexOf(rowLabel(t, i, withCompartment))][gi] = t.doubleColumn("mean_r").get(i);
    }
    // one fixed colour range for every figure of r, so heatmaps of different models compare
    return AnnotatedHeatmap.of(groups, rowList, z, new AnnotatedHeatmap.Options(title + " (Location left out: r ~ 1 by construction)",
        "feature group", withCompartment ? "compartment, channel" : "channel", "mean Pearson r", -1, 1, 2, 140 + 26 * rowList.size(), 0));
  }

  private static String rowLabel(Table t, int i, boolean withCompartment) {
    String ch = t.stringColumn("channel").get(i);
    return withCompartment ? t.stringColumn("compartment").get(i) + " " + ch : ch;
  }

  private static Table emptyPerFeature() {
    return Table.create("feature_correlation",
        StringColumn.create("feature"), StringColumn.create("compartment"), StringColumn.create("group"),
        StringColumn.create("channel"), DoubleColumn.create("r"), IntColumn.create("n"));
  }

  /** Mean r per (compartment, group, channel); two-channel features count for both channels. */
  static Table aggregate(Table per) {
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (int i = 0; i < per.rowCount(); i++) {
      String comp = per.stringColumn("compartment").get(i), group = per.stringColumn("group").get(i);
      double r = per.doubleColumn("r").get(i);
      for (String ch : per.stringColumn("channel").get(i).split("-")) {
        double[] a = acc.computeIfAbsent(comp + "\u0001" + group + "\u0001" + ch, k -> new double[2]);
        a[0] += r;
        a[1]++;
      }
    }
    Table t = Table.create("feature_correlation_by_group",
        StringColumn.create("compartment"), StringColumn.create("group"), StringColumn.create("channel"),
        DoubleColumn.create("mean_r"), IntColumn.create("features"));
    acc.forEach((k, a) -> {
      String[] p = k.split("\u0001");
      t.stringColumn("compartment").append(p[0]);
      t.stringColumn("group").append(p[1]);
      t.stringColumn("channel").append(p[2]);
      t.doubleColumn("mean_r").append(a[0] / a[1]);
      t.intColumn("features").append((int) a[1]);
    });
    return t.sortOn("compartment", "group", "channel");
  }

  private static Set<String> measurementColumns(Table t, Compartment def) {
    Set<String> s = new LinkedHashSet<>();
    for (var c : t.columns()) {
      if (c instanceof NumericColumn<?> && FeatureName.parse(c.name(), def).group().isMeasurement()) {
        s.add(c.name());
      }
    }
    return s;
  }

  private static double[] pick(double[] v, int[] rows) {
    double[] o = new double[rows.length];
    for (int i = 0; i < rows.length; i++) o[i] = v[rows[i]];
    return o;
  }

  private static int finitePairs(double[] a, double[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) if (Double.isFinite(a[i]) && Double.isFinite(b[i])) n++;
    return n;
  }
}
