package org.brightpaint.features.processing;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Which columns of a profile table are features and which are metadata, as pycytominer's
 * {@code cyto_utils.features.infer_cp_features} decides: features start with {@code Cells_},
 * {@code Cytoplasm_} or {@code Nuclei_}; metadata start with {@code Metadata_}.
 */
public final class ProfileColumns {

  /** The compartment prefixes of feature columns (pycytominer's default compartments). */
  public static final List<String> FEATURE_PREFIXES = List.of("Cells_", "Cytoplasm_", "Nuclei_");

  /** The prefix of metadata columns. */
  public static final String METADATA_PREFIX = "Metadata_";

  private ProfileColumns() {}

  /**
   * @param table a profile table
   * @return its feature columns, in table order
   * @throws IllegalArgumentException when it has none (pycytominer raises too)
   */
  public static List<String> features(Table table) {
    List<String> out = new ArrayList<>();
    for (String name : table.columnNames()) {
      if (FEATURE_PREFIXES.stream().anyMatch(name::startsWith)) {
        out.add(name);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Table " + table.name()
          + " has no feature columns (names starting with Cells_, Cytoplasm_ or Nuclei_)");
    }
    return out;
  }

  /**
   * @param table a profile table
   * @return its metadata columns, in table order
   */
  public static List<String> metadata(Table table) {
    return table.columnNames().stream().filter(n -> n.startsWith(METADATA_PREFIX)).toList();
  }

  /**
   * The values of a numeric column as doubles (missing values as NaN).
   *
   * @param table the table
   * @param name a numeric column
   * @return its values
   */
  static double[] values(Table table, String name) {
    var col = table.numberColumn(name);
    double[] v = new double[table.rowCount()];
    for (int r = 0; r < v.length; r++) {
      v[r] = col.isMissing(r) ? Double.NaN : col.getDouble(r);
    }
    return v;
  }
}
