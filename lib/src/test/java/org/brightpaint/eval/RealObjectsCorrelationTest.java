package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Issue 13: feature correlation in "real objects" mode pairs row i with row i, no centroids needed. */
class RealObjectsCorrelationTest {

  private static Table table(double[] v) {
    return Table.create("t", DoubleColumn.create("Cells_Intensity_MeanIntensity_DNA", v));
  }

  @Test
  void rowsArePairedByIndex() {
    FeatureCorrelation.Options o = new FeatureCorrelation.Options(List.of(), 5, Compartment.NONE);
    FeatureCorrelation c = FeatureCorrelation.ofRealObjects(table(new double[] {1, 2, 3, 4}),
        table(new double[] {2, 4, 6, 8}), o);
    assertEquals(1.0, c.perFeature().doubleColumn("r").get(0), 1e-12);
    assertEquals(4, c.matchedCells());
    FeatureCorrelation reversed = FeatureCorrelation.ofRealObjects(table(new double[] {1, 2, 3, 4}),
        table(new double[] {8, 6, 4, 2}), o);
    assertEquals(-1.0, reversed.perFeature().doubleColumn("r").get(0), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> FeatureCorrelation.ofRealObjects(table(new double[] {1, 2, 3}),
        table(new double[] {1, 2, 3, 4}), o));
  }
}
