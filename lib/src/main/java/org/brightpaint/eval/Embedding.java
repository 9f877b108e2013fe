package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import smile.manifold.TSNE;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A joint t-SNE embedding of cells from several sources (real and each model), coloured by
 * source or by MoA group (the paper's Figure 8), and the energy distance of each source's
 * feature distribution to the real one.
 *
 * <p>Procedure: the features shared by all sources (numeric measurement columns except Location,
 * see {@link MoaPrediction#featureColumns}) are standardized with the real source's mean and
 * standard deviation (features constant in the real source are dropped); at most
 * {@code cellsPerSource} cells are drawn per source with a seeded shuffle; the standardized values
 * are scaled (see {@code tsneInput}) and Smile's exact-gradient t-SNE embeds them in
 * 2-D (non-finite coordinates are an error, never a figure); {@link EnergyDistance} compares each source with real on the same
 * standardized features.
 *
 * @param points one row per embedded cell: source, label, x, y
 * @param cost the final t-SNE cost (KL divergence)
 * @param energyDistance source name to energy distance from real: for real itself the measured
 *     floor (half A vs half B of the real cells, disjoint, seeded), for a model half A vs
 *     {@code energySample} of its cells; a perfect generator scores near the floor, not 0
 * @param energyFloor the real-vs-real energy distance (real's entry of {@code energyDistance})
 * @param energySample the cells per sample of every energy distance (min(cellsPerSource, real/2))
 * @param features the features used
 * @param perplexity the perplexity used: the requested one, lowered to (cells - 1) / 3 when
 *     fewer cells than 3 x perplexity + 1 were available
 */
public record Embedding(Table points, double cost, Map<String, Double> energyDistance, List<String> features, double perplexity,
    double energyFloor, int energySample) {

  /**
   * Options.
   *
   * @param realSource the key of the real source
   * @param labelColumn the MoA-group column
   * @param cellsPerSource cells drawn per source
   * @param perplexity t-SNE perplexity (lowered to (cells - 1) / 3 for small samples)
   * @param iterations t-SNE iterations
   * @param seed sampling seed
   */
  public record Options(String realSource, String labelColumn, int cellsPerSource, double perplexity, int iterations, long seed) {
    /** Validates. */
    public Options {
      if (cellsPerSource < 2 || perplexity <= 0 || iterations < 250) {
        throw new IllegalArgumentException("need cellsPerSource >= 2, perplexity > 0, iterations >= 250; got "
            + cellsPerSource + ", " + perplexity + ", " + iterations);
      }
    }

    /**
     * @param labelColumn the MoA-group column
     * @return real source "real", 150 cells per source, perplexity 20, 500 iterations, seed 42
     */
    public static Options of(String labelColumn) {
      return new Options("real", labelColumn, 150, 20, 500, 42);
    }
  }

  /**
   * @param sources source name to per-cell feature table (one must be the real source)
   * @param options options
   * @return the embedding
   */
  public static Embedding of(Map<String, Table> sources, Options options) {
    Table real = sources.get(options.realSource());
    if (real == null) {
      throw new IllegalArgumentException("No source named " + options.realSource() + " among " + sources.keySet());
    }
    List<String> shared = new ArrayList<>(MoaPrediction.featureColumns(real));
    for (Table t : sources.values()) shared.retainAll(MoaPrediction.featureColumns(t));
    Standardizer std = Standardizer.fit(matrix(real, shared, allRows(real)));
    List<String> used = new ArrayList<>();
    List<Integer> keepIdx = new ArrayList<>();
    for (int j = 0; j < shared.size(); j++) {
      if (std.sd()[j] > 0) {
        used.add(shared.get(j));
        keepIdx.add(j);
      }
    }
    if (used.isEmpty()) throw new IllegalArgumentException("No shared feature varies in the real source");
    List<double[]> all = new ArrayList<>();
    List<String> src = new ArrayList<>(), lab = new ArrayList<>();
    Map<String, double[][]> sampled = new LinkedHashMap<>();
    Random rnd = new Random(options.seed());
    for (Map.Entry<String, Table> e : sources.entrySet()) {
      Table t = e.getValue();
      List<Integer> rows = allRows(t);
      Collections.shuffle(rows, rnd);
      rows = new ArrayList<>(rows.subList(0, Math.min(options.cellsPerSource(), rows.size())));
      Collections.sort(rows);
      double[][] z = std.apply(matrix(t, shared, rows));
      double[][] zk = new double[z.length][keepIdx.size()];
      for (int i = 0; i < z.length; i++) for (int j = 0; j < keepIdx.size(); j++) zk[i][j] = z[i][keepIdx.get(j)];
      sampled.put(e.getKey(), zk);
      boolean hasLabel = t.columnNames().contains(options.labelColumn());
      for (int i = 0; i < zk.length; i++) {
        all.add(zk[i]);
        src.add(e.getKey());
        lab.add(hasLabel ? t.column(options.labelColumn()).getString(rows.get(i)) : "");
      }
    }
    if (all.size() < 10) {
      throw new IllegalArgumentException("t-SNE needs at least 10 cells, got " + all.size());
    }
    double perplexity = Math.min(options.perplexity(), (all.size() - 1) / 3.0);
    smile.math.MathEx.setSeed(options.seed()); // TSNE's initial layout comes from the thread's RNG
    TSNE tsne = TSNE.fit(tsneInput(all), new TSNE.Options(2, perplexity, 200, 12, options.iterations()));
    double[][] c = tsne.coordinates();
    double[] x = new double[c.length], y = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      x[i] = c[i][0];
      y[i] = c[i][1];
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalStateException("t-SNE gave non-finite coordinates for cell " + i + " of " + c.length
            + " (" + used.size() + " features, perplexity " + perplexity + ")");
      }
    }
    Table pts = Table.create("tsne", StringColumn.create("source", src), StringColumn.create("label", lab),
        DoubleColumn.create("x", x), DoubleColumn.create("y", y));
    // Energy distance with a floor: two disjoint seeded halves A, B of the real cells (m each);
    // real's row is E(A, B), each model's E(A, m of its cells), so all rows share one sample size.
    List<Integer> realRows = allRows(real);
    Collections.shuffle(realRows, new Random(options.seed() + 1));
    int m = Math.min(options.cellsPerSource(), realRows.size() / 2);
    if (m < 2) throw new IllegalArgumentException("Energy distance floor needs at least 4 real cells, got " + realRows.size());
    double[][] halfA = keep(std.apply(matrix(real, shared, sorted(realRows.subList(0, m)))), keepIdx);
    double[][] halfB = keep(std.apply(matrix(real, shared, sorted(realRows.subList(m, 2 * m)))), keepIdx);
    Map<String, Double> ed = new LinkedHashMap<>();
    Random edRnd = new Random(options.seed() + 2);
    for (Map.Entry<String, Table> e : sources.entrySet()) {
      if (e.getKey().equals(options.realSource())) {
        ed.put(e.getKey(), EnergyDistance.of(halfA, halfB));
        continue;
      }
      List<Integer> rows = allRows(e.getValue());
      Collections.shuffle(rows, edRnd);
      double[][] v = keep(std.apply(matrix(e.getValue(), shared, sorted(rows.subList(0, Math.min(m, rows.size()))))), keepIdx);
      ed.put(e.getKey(), EnergyDistance.of(halfA, v));
    }
    return new Embedding(pts, tsne.cost(), ed, List.copyOf(used), perplexity, ed.get(options.realSource()), m);
  }

  /** @return the t-SNE scatter coloured by source (Figure 8, left) */
  public Figure bySource() {
    return scatter("source", "t-SNE of single-cell features by source");
  }

  /** @return the t-SNE scatter coloured by MoA group (Figure 8, right) */
  public Figure byLabel() {
    return scatter("label", "t-SNE of single-cell features by MoA group");
  }

  /**
   * @return source, energy_distance_to_real (real's row: the real-vs-real floor),
   *     real_vs_real_floor (the same floor on every row, to read each model against),
   *     above_floor (distance - floor), cells_per_sample
   */
  public Table distanceTable() {
    Table t = Table.create("energy_distance", StringColumn.create("source"), DoubleColumn.create("energy_distance_to_real"),
        DoubleColumn.create("real_vs_real_floor"), DoubleColumn.create("above_floor"), tech.tablesaw.api.IntColumn.create("cells_per_sample"));
    double f = energyFloor;
    energyDistance.forEach((k, v) -> {
      t.stringColumn("source").append(k);
      t.doubleColumn("energy_distance_to_real").append(v);
      t.doubleColumn("real_vs_real_floor").append(f);
      t.doubleColumn("above_floor").append(v - f);
      t.intColumn("cells_per_sample").append(energySample);
    });
    return t;
  }

  private static List<Integer> sorted(List<Integer> rows) {
    List<Integer> r = new ArrayList<>(rows);
    Collections.sort(r);
    return r;
  }

  private static double[][] keep(double[][] z, List<Integer> idx) {
    double[][] out = new double[z.length][idx.size()];
    for (int i = 0; i < z.length; i++) for (int j = 0; j < idx.size(); j++) out[i][j] = z[i][idx.get(j)];
    return out;
  }

  private Figure scatter(String by, String title) {
    List<Trace> traces = new ArrayList<>();
    for (String g : new LinkedHashSet<>(points.stringColumn(by).asList())) {
      Table s = points.where(points.stringColumn(by).isEqualTo(g));
      traces.add(ScatterTrace.builder(s.doubleColumn("x").asDoubleArray(), s.doubleColumn("y").asDoubleArray())
          .mode(ScatterTrace.Mode.MARKERS).name(g).marker(Marker.builder().size(4).opacity(0.7).build()).build());
    }
    return new Figure(Layout.builder(title).height(500).width(650).build(), traces.toArray(new Trace[0]));
  }

  /**
   * The t-SNE input: the standardized features divided by {@code sqrt(sum_j var_j)} (variances
   * over the embedded cells), so the mean squared distance between two cells is 2.
   *
   * <p>Why: Smile's t-SNE calibrates each cell's Gaussian affinities {@code exp(-beta d2)} by a
   * binary search on beta starting at 1; with the run's ~1,000 standardized features the squared
   * distances are in the thousands, every affinity underflows to 0 and every coordinate becomes
   * NaN (measured: 120 Gaussian cells, 600 features finite, 1,200 features all NaN). A global
   * scale leaves t-SNE's optimum unchanged (beta absorbs it).
   *
   * @param rows cells x standardized features
   * @return the scaled copy
   */
  static double[][] tsneInput(List<double[]> rows) {
    int n = rows.size(), d = rows.get(0).length;
    double[] mean = new double[d];
    for (double[] r : rows) for (int j = 0; j < d; j++) mean[j] += r[j] / n;
    double total = 0;
    for (double[] r : rows) for (int j = 0; j < d; j++) total += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
    double s = total > 0 ? 1 / Math.sqrt(total) : 1;
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) z[i][j] = rows.get(i)[j] * s;
    return z;
  }

  private static List<Integer> allRows(Table t) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) r.add(i);
    return r;
  }

  private static double[][] matrix(Table t, List<String> cols, List<Integer> rows) {
    double[][] m = new double[rows.size()][cols.size()];
    for (int j = 0; j < cols.size(); j++) {
      double[] v = ((NumericColumn<?>) t.column(cols.get(j))).asDoubleArray();
      for (int i = 0; i < rows.size(); i++) m[i][j] = v[rows.get(i)];
    }
    return m;
  }
}
