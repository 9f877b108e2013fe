package org.brightpaint.features.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.brightpaint.features.Tables;
import org.brightpaint.features.pipeline.WellAggregation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * pycytominer's {@code aggregate(population_df, strata=["Metadata_Plate", "Metadata_Well"],
 * operation="median")}: one row per stratum (sorted by the strata values, as pandas'
 * {@code groupby(sort=True)}), each feature the median of the stratum's cells with missing values
 * skipped ({@link WellAggregation#median(double[])}: the mean of the two middle values for an even
 * count, NaN when no value is finite). Only the strata and the feature columns are kept, as in
 * pycytominer ({@code compute_object_count=False}).
 */
public final class Aggregate {

  /** pycytominer's default strata: a well of a plate. */
  public static final List<String> WELL = List.of("Metadata_Plate", "Metadata_Well");

  private Aggregate() {}

  /**
   * Medians per well.
   *
   * @param cells single-cell profiles
   * @return one row per (Metadata_Plate, Metadata_Well)
   */
  public static Table median(Table cells) {
    return median(cells, WELL);
  }

  /**
   * Medians per stratum.
   *
   * @param cells single-cell profiles (strata as text columns)
   * @param strata the grouping columns
   * @return one row per stratum: the strata, then every feature's median
   * @throws IllegalArgumentException naming a missing stratum column
   */
  public static Table median(Table cells, List<String> strata) {
    for (String s : strata) {
      if (!cells.columnNames().contains(s)) {
        throw new IllegalArgumentException("Table " + cells.name() + " has no column " + s + " to aggregate by");
      }
    }
    List<String> features = ProfileColumns.features(cells);
    Map<List<String>, List<Integer>> groups = new TreeMap<>(Aggregate::compareKeys);
    for (int r = 0; r < cells.rowCount(); r++) {
      List<String> key = new ArrayList<>(strata.size());
      for (String s : strata) {
        key.add(cells.column(s).getString(r));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    List<Column<?>> cols = new ArrayList<>();
    for (int i = 0; i < strata.size(); i++) {
      StringColumn c = StringColumn.create(strata.get(i));
      for (List<String> key : groups.keySet()) {
        c.append(key.get(i));
      }
      cols.add(c);
    }
    for (String f : features) {
      double[] all = ProfileColumns.values(cells, f);
      double[] med = new double[groups.size()];
      int g = 0;
      for (List<Integer> rows : groups.values()) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = all[rows.get(i)];
        }
        med[g++] = WellAggregation.median(v);
      }
      cols.add(DoubleColumn.create(f, med));
    }
    return Tables.of(cells.name(), cols);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
