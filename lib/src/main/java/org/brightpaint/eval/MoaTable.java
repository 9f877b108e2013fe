package org.brightpaint.eval;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's Table 3 layout: one row per source and setting (real, then each model, each
 * cross-validation scheme, then the train-on-synthetic settings), columns F1 six-class, F1 binary
 * and the top features; and {@link #summary} with the schemes side by side.
 */
public final class MoaTable {
  private MoaTable() {}

  /**
   * @param results results in row order
   * @return columns source, cv (the {@link CvScheme} label, or "transfer ..." for train on a
   *     model, test on real), setting, f1_six_class, f1_binary, top_features, folds, classes
   *     (of the six-class task; chance macro F1 is about 1 / classes), note
   */
  public static Table of(List<MoaResult> results) {
    Table t = Table.create("moa_prediction",
        StringColumn.create("source"), StringColumn.create("cv"), StringColumn.create("setting"), DoubleColumn.create("f1_six_class"),
        DoubleColumn.create("f1_binary"), StringColumn.create("top_features"), IntColumn.create("folds"),
        IntColumn.create("classes"), StringColumn.create("note"));
    for (MoaResult r : results) {
      t.stringColumn("source").append(r.source());
      t.stringColumn("cv").append(r.setting().startsWith("train on ") ? "transfer, " + r.scheme().label() : r.scheme().label());
      t.stringColumn("setting").append(r.setting());
      t.doubleColumn("f1_six_class").append(r.f1SixClass());
      t.doubleColumn("f1_binary").append(r.f1Binary());
      t.stringColumn("top_features").append(String.join("; ", r.topFeatures()));
      t.intColumn("folds").append(r.folds());
      t.intColumn("classes").append(r.classes().size());
      t.stringColumn("note").append(r.note());
    }
    return t;
  }

  /**
   * The six-class macro F1 of each source with the schemes side by side.
   *
   * @param results results (any order)
   * @return columns source, f1_well_grouped, f1_leave_compound_out, f1_cell_level_as_paper,
   *     f1_transfer_to_real_well_grouped (NaN where a setting was not run, e.g. transfer for real)
   */
  public static Table summary(List<MoaResult> results) {
    java.util.Map<String, double[]> rows = new java.util.LinkedHashMap<>();
    for (MoaResult r : results) {
      double[] v = rows.computeIfAbsent(r.source(), s -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
      int col = r.setting().startsWith("train on ") ? 3 : r.scheme().ordinal();
      v[col] = r.f1SixClass();
    }
    Table t = Table.create("moa_prediction_summary", StringColumn.create("source"), DoubleColumn.create("f1_well_grouped"),
        DoubleColumn.create("f1_leave_compound_out"), DoubleColumn.create("f1_cell_level_as_paper"),
        DoubleColumn.create("f1_transfer_to_real_well_grouped"));
    rows.forEach((s, v) -> {
      t.stringColumn("source").append(s);
      t.doubleColumn("f1_well_grouped").append(v[0]);
      t.doubleColumn("f1_leave_compound_out").append(v[1]);
      t.doubleColumn("f1_cell_level_as_paper").append(v[2]);
      t.doubleColumn("f1_transfer_to_real_well_grouped").append(v[3]);
    });
    return t;
  }
}
