package org.brightpaint.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class TablesTest {
  @Test
  void buildsTheTableAddColumnsBuilds() {
    List<Column<?>> cols = new ArrayList<>();
    cols.add(IntColumn.create("ImageNumber", new int[] {1, 1}));
    cols.add(StringColumn.create("Metadata_Well", List.of("A01", "A01")));
    for (int i = 0; i < 50; i++) {
      cols.add(DoubleColumn.create("Cells_F" + i, new double[] {i, Double.NaN}));
    }
    Table expected = Table.create("Cells");
    expected.addColumns(cols.toArray(new Column<?>[0]));
    Table actual = Tables.of("Cells", cols);
    assertEquals(expected.name(), actual.name());
    assertEquals(expected.columnNames(), actual.columnNames());
    assertEquals(expected.rowCount(), actual.rowCount());
    assertEquals(expected.printAll(), actual.printAll());
  }

  @Test
  void refusesWhatAddColumnsRefuses() {
    DoubleColumn a = DoubleColumn.create("Area", new double[] {1});
    assertThrows(IllegalArgumentException.class,
        () -> Tables.of("t", List.of(a, DoubleColumn.create("AREA", new double[] {2}))));
    assertThrows(IllegalArgumentException.class,
        () -> Tables.of("t", List.of(a, DoubleColumn.create("Perimeter", new double[] {1, 2}))));
    List<Column<?>> withNull = new ArrayList<>();
    withNull.add(a);
    withNull.add(null);
    assertThrows(IllegalArgumentException.class, () -> Tables.of("t", withNull));
    assertEquals(0, Tables.of("empty", List.of()).columnCount());
  }
}
