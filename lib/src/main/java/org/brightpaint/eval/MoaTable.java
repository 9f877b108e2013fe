package org.brightpaint.eval;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's Table 3 layout: one row per source (real, then each model, then the
 * train-on-synthetic settings), columns F1 six-class, F1 binary and the top features.
 */
public final class MoaTable {
  private MoaTable() {}

  /**
   * @param results results in row order
   * @return columns source, setting, f1_six_class, f1_binary, top_features, folds, note
   */
  public static Table of(List<MoaResult> results) {
    Table t = Table.create("moa_prediction",
        StringColumn.create("source"), StringColumn.create("setting"), DoubleColumn.create("f1_six_class"),
        DoubleColumn.create("f1_binary"), StringColumn.create("top_features"), IntColumn.create("folds"),
        StringColumn.create("note"));
    for (MoaResult r : results) {
      t.stringColumn("source").append(r.source());
      t.stringColumn("setting").append(r.setting());
      t.doubleColumn("f1_six_class").append(r.f1SixClass());
      t.doubleColumn("f1_binary").append(r.f1Binary());
      t.stringColumn("top_features").append(String.join("; ", r.topFeatures()));
      t.intColumn("folds").append(r.folds());
      t.stringColumn("note").append(r.note());
    }
    return t;
  }
}
