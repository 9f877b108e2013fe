package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Matches cells of a real and a synthetic feature table by position: within each image (rows
 * with equal image-key values), every pair of centroids closer than a tolerance is a candidate,
 * and pairs are taken greedily by increasing distance so that each cell is used at most once
 * (a one-to-one nearest-centroid matching).
 *
 * <p>Centroids come from the first column whose name ends in {@code Location_Center_X} /
 * {@code _Y}, else {@code AreaShape_Center_X} / {@code _Y} (CellProfiler's two names for the
 * object centre, in pixels).
 */
public final class CellMatcher {
  private CellMatcher() {}

  /**
   * @param real real per-cell table
   * @param synthetic synthetic per-cell table of the same images
   * @param imageKeys columns that identify an image in both tables (e.g. "ImageNumber" or
   *     "Metadata_Plate", "Metadata_Well", "Metadata_Site"); empty when both hold one image
   * @param tolerancePx the largest centroid distance of a match, pixels, &gt; 0
   * @return the matching
   * @throws IllegalArgumentException naming the missing column when a table has no centroid or key
   */
  public static CellMatch match(Table real, Table synthetic, List<String> imageKeys, double tolerancePx) {
    if (!(tolerancePx > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0 pixels, got " + tolerancePx);
    }
    double[][] pr = centroids(real, "real");
    double[][] ps = centroids(synthetic, "synthetic");
    Map<String, List<Integer>> byImageS = groups(synthetic, imageKeys, "synthetic");
    Map<String, List<Integer>> byImageR = groups(real, imageKeys, "real");
    List<double[]> pairs = new ArrayList<>();
    double tol2 = tolerancePx * tolerancePx;
    for (Map.Entry<String, List<Integer>> e : byImageR.entrySet()) {
      List<Integer> srows = byImageS.getOrDefault(e.getKey(), List.of());
      for (int r : e.getValue()) {
        for (int s : srows) {
          double dx = pr[0][r] - ps[0][s], dy = pr[1][r] - ps[1][s];
          double d2 = dx * dx + dy * dy;
          if (d2 <= tol2) {
            pairs.add(new double[] {d2, r, s});
          }
        }
      }
    }
    pairs.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]).thenComparingDouble(p -> p[2]));
    boolean[] usedR = new boolean[real.rowCount()], usedS = new boolean[synthetic.rowCount()];
    List<int[]> out = new ArrayList<>();
    for (double[] p : pairs) {
      int r = (int) p[1], s = (int) p[2];
      if (!usedR[r] && !usedS[s]) {
        usedR[r] = usedS[s] = true;
        out.add(new int[] {r, s});
      }
    }
    out.sort(Comparator.comparingInt(a -> a[0]));
    int[] rr = out.stream().mapToInt(a -> a[0]).toArray();
    int[] ss = out.stream().mapToInt(a -> a[1]).toArray();
    double[] dd = new double[rr.length];
    for (int i = 0; i < rr.length; i++) {
      double dx = pr[0][rr[i]] - ps[0][ss[i]], dy = pr[1][rr[i]] - ps[1][ss[i]];
      dd[i] = Math.sqrt(dx * dx + dy * dy);
    }
    return new CellMatch(rr, ss, dd, real.rowCount(), synthetic.rowCount());
  }

  /**
   * @param t a per-cell table
   * @return the names of its centroid columns {x, y}
   * @throws IllegalArgumentException when the table has none
   */
  public static String[] centroidColumns(Table t) {
    for (String suffix : new String[] {"Location_Center_", "AreaShape_Center_"}) {
      String x = null, y = null;
      for (String c : t.columnNames()) {
        if (x == null && c.endsWith(suffix + "X")) x = c;
        if (y == null && c.endsWith(suffix + "Y")) y = c;
      }
      if (x != null && y != null) {
        return new String[] {x, y};
      }
    }
    throw new IllegalArgumentException("Table " + t.name()
        + " has no centroid columns (*Location_Center_X/Y or *AreaShape_Center_X/Y): cannot match cells by position");
  }

  private static double[][] centroids(Table t, String what) {
    String[] c = centroidColumns(t);
    return new double[][] {
      ((NumericColumn<?>) t.column(c[0])).asDoubleArray(), ((NumericColumn<?>) t.column(c[1])).asDoubleArray()
    };
  }

  private static Map<String, List<Integer>> groups(Table t, List<String> keys, String what) {
    for (String k : keys) {
      if (!t.columnNames().contains(k)) {
        throw new IllegalArgumentException("The " + what + " table has no image key column " + k);
      }
    }
    Map<String, List<Integer>> g = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      StringBuilder sb = new StringBuilder();
      for (String k : keys) sb.append(t.column(k).getString(r)).append('\u0001');
      g.computeIfAbsent(sb.toString(), x -> new ArrayList<>()).add(r);
    }
    return g;
  }
}
