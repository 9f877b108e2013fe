package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.brightpaint.features.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One site's compartments joined into one row per cell, in memory, with exactly the columns and
 * order of {@link ParquetProfiles#SINGLE_CELLS} (CytoTable's {@code cellprofiler_csv} join: each
 * cytoplasm with the cell of its {@code Cytoplasm_Parent_Cells} and the nucleus of its
 * {@code Cytoplasm_Parent_Nuclei}). Used where the sites of a plate are profiled apart (the Spark
 * module) and must give the same rows as the single-machine files.
 */
public final class SingleCellTable {

  private SingleCellTable() {}

  /**
   * Joins one site's tables.
   *
   * @param site the site's tables
   * @return one row per cytoplasm: ids and metadata, then Cells_, Cytoplasm_, Nuclei_ features
   * @throws IllegalArgumentException when a parent number names no object
   */
  public static Table of(ProfileTables site) {
    Table cy = site.compartments().get(Compartment.CYTOPLASM);
    Table ce = site.compartments().get(Compartment.CELLS);
    Table nu = site.compartments().get(Compartment.NUCLEI);
    int n = cy.rowCount();
    int[] cellRow = parentRows(cy, "Cytoplasm_Parent_Cells", ce);
    int[] nucleusRow = parentRows(cy, "Cytoplasm_Parent_Nuclei", nu);
    List<Column<?>> cols = new ArrayList<>();
    LongColumn image = LongColumn.create("Metadata_ImageNumber");
    for (int r = 0; r < n; r++) {
      image.append(cy.intColumn("ImageNumber").getInt(r));
    }
    cols.add(image);
    for (String h : cy.columnNames()) {
      if (h.startsWith("Metadata_")) {
        StringColumn c = StringColumn.create(h);
        for (int r = 0; r < n; r++) {
          c.append(cy.column(h).getString(r));
        }
        cols.add(c);
      }
    }
    cols.add(ids("Metadata_ObjectNumber", cy, identity(n)));
    cols.add(ids("Metadata_ObjectNumber_cells", ce, cellRow));
    cols.add(ids("Metadata_ObjectNumber_nuclei", nu, nucleusRow));
    List<Compartment> order = List.of(Compartment.CELLS, Compartment.CYTOPLASM, Compartment.NUCLEI);
    List<int[]> rowsOf = List.of(cellRow, identity(n), nucleusRow);
    for (int k = 0; k < 3; k++) {
      Table t = site.compartments().get(order.get(k));
      for (String h : t.columnNames()) {
        if (h.startsWith(order.get(k).cpName() + "_Parent_")) {
          LongColumn c = LongColumn.create("Metadata_" + h);
          int[] rows = rowsOf.get(k);
          for (int r = 0; r < n; r++) {
            if (rows[r] < 0) {
              c.appendMissing();
            } else {
              c.append(Math.round(t.doubleColumn(h).getDouble(rows[r])));
            }
          }
          cols.add(c);
        }
      }
    }
    for (int k = 0; k < 3; k++) {
      Compartment comp = order.get(k);
      Table t = site.compartments().get(comp);
      int[] rows = rowsOf.get(k);
      for (String h : t.columnNames()) {
        if (h.startsWith(comp.cpName() + "_") && !h.startsWith(comp.cpName() + "_Parent_")) {
          double[] v = new double[n];
          DoubleColumn src = t.doubleColumn(h);
          for (int r = 0; r < n; r++) {
            v[r] = rows[r] < 0 ? Double.NaN : src.getDouble(rows[r]);
          }
          cols.add(DoubleColumn.create(h, v));
        }
      }
    }
    return Tables.of("SingleCells", cols);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Row of each cytoplasm's parent in {@code parent} (object number k is row k - 1), -1 for none. */
  private static int[] parentRows(Table cy, String column, Table parent) {
    if (!cy.columnNames().contains(column)) {
      throw new IllegalArgumentException("Cytoplasm table has no " + column + " column: cannot join the compartments");
    }
    int[] out = new int[cy.rowCount()];
    for (int r = 0; r < out.length; r++) {
      double id = cy.doubleColumn(column).getDouble(r);
      int row = (int) id - 1;
      if (!(id == Math.rint(id)) || row >= parent.rowCount()) {
        throw new IllegalArgumentException(column + " = " + id + " names no object");
      }
      out[r] = row;
      if (row >= 0 && parent.intColumn("ObjectNumber").getInt(row) != row + 1) {
        throw new IllegalArgumentException("Objects are not numbered 1..n in order");
      }
    }
    return out;
  }

  private static LongColumn ids(String name, Table t, int[] rows) {
    LongColumn c = LongColumn.create(name);
    for (int row : rows) {
      if (row < 0) {
        c.appendMissing();
      } else {
        c.append(t.intColumn("ObjectNumber").getInt(row));
      }
    }
    return c;
  }
}
