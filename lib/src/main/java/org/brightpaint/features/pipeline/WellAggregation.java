package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Per-well profiles as pycytominer's {@code aggregate(operation="median")} builds them for the
 * Cell Painting Gallery: the median of each object feature over all objects of a well (NaN values
 * skipped; NaN when a well has no finite value), one row per (Metadata_Plate, Metadata_Well).
 */
public final class WellAggregation {

  /** The metadata that identify a well. */
  public static final List<String> WELL_KEYS = List.of("Metadata_Plate", "Metadata_Well");

  private WellAggregation() {}

  /**
   * Medians per well over object tables of several compartments, merged side by side.
   *
   * @param compartments object tables (feature columns prefixed by the compartment), each with
   *     Metadata_Plate and Metadata_Well columns
   * @return one row per well: Metadata_Plate, Metadata_Well, then every feature's median
   */
  public static Table median(Map<Compartment, Table> compartments) {
    Map<String, String[]> wells = new LinkedHashMap<>();
    Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
    List<String> featureOrder = new ArrayList<>();
    for (Map.Entry<Compartment, Table> e : compartments.entrySet()) {
      Table t = e.getValue();
      for (String k : WELL_KEYS) {
        if (!t.columnNames().contains(k)) {
          throw new IllegalArgumentException("Table " + t.name() + " has no " + k + " column: cannot aggregate by well");
        }
      }
      List<String> feats = ProfileTables.featureColumns(t, e.getKey());
      featureOrder.addAll(feats);
      Map<String, List<Integer>> rowsByWell = new LinkedHashMap<>();
      for (int r = 0; r < t.rowCount(); r++) {
        String plate = t.getString(r, "Metadata_Plate");
        String well = t.getString(r, "Metadata_Well");
        String key = plate + "\u0000" + well;
        wells.putIfAbsent(key, new String[] {plate, well});
        rowsByWell.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<String, List<Integer>> w : rowsByWell.entrySet()) {
        Map<String, double[]> m = values.computeIfAbsent(w.getKey(), k -> new LinkedHashMap<>());
        for (String f : feats) {
          DoubleColumn col = t.doubleColumn(f);
          double[] v = new double[w.getValue().size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = col.getDouble(w.getValue().get(i));
          }
          m.put(f, new double[] {median(v)});
        }
      }
    }
    StringColumn plates = StringColumn.create("Metadata_Plate");
    StringColumn wellCol = StringColumn.create("Metadata_Well");
    for (String[] pw : wells.values()) {
      plates.append(pw[0]);
      wellCol.append(pw[1]);
    }
    List<Column<?>> cols = new ArrayList<>(List.of(plates, wellCol));
    for (String f : featureOrder) {
      double[] col = new double[wells.size()];
      int i = 0;
      for (String key : wells.keySet()) {
        double[] v = values.getOrDefault(key, Map.of()).get(f);
        col[i++] = v == null ? Double.NaN : v[0];
      }
      cols.add(DoubleColumn.create(f, col));
    }
    return Tables.of("Wells", cols);
  }

  /**
   * The median of the finite values (mean of the two middle ones for an even count).
   *
   * @param values values, not modified
   * @return the median, NaN when there is no finite value
   */
  public static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
