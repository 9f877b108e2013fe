package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class FeatureCorrelationTest {

  /** Two images, 4 cells each; synthetic cells are shifted by 1 px and listed in reverse order. */
  static Table cells(String name, boolean synthetic) {
    int[] img = {1, 1, 1, 1, 2, 2, 2, 2};
    double[] x = {10, 50, 90, 130, 10, 50, 90, 130};
    double[] y = {10, 10, 40, 40, 10, 10, 40, 40};
    double[] mean = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] area = {100, 120, 90, 110, 105, 95, 130, 80};
    double[] konst = {3, 3, 3, 3, 3, 3, 3, 3};
    int n = img.length;
    double[] sx = new double[n], sy = new double[n], smean = new double[n], sarea = new double[n], sk = new double[n];
    int[] simg = new int[n];
    for (int i = 0; i < n; i++) {
      int j = synthetic ? n - 1 - i : i;
      simg[i] = img[j];
      sx[i] = x[j] + (synthetic ? 1 : 0);
      sy[i] = y[j];
      smean[i] = synthetic ? 2 * mean[j] + 1 : mean[j];          // r = +1
      sarea[i] = synthetic ? -area[j] : area[j];                   // r = -1
      sk[i] = konst[j];
    }
    Table t = Table.create(name, IntColumn.create("ImageNumber", simg),
        DoubleColumn.create("Cells_Location_Center_X", sx), DoubleColumn.create("Cells_Location_Center_Y", sy),
        DoubleColumn.create("Cells_Intensity_MeanIntensity_DNA", smean), DoubleColumn.create("Cells_AreaShape_Area", sarea),
        DoubleColumn.create("Cells_Texture_Contrast_ER_3_00_256", sk));
    if (synthetic) t.addColumns(DoubleColumn.create("Cells_Granularity_1_RNA", smean));
    else t.addColumns(DoubleColumn.create("Cells_Intensity_MeanIntensity_Mito", smean));
    return t;
  }

  @Test
  void matchesByPositionWithinImagesAndCorrelatesPerFeature() {
    FeatureCorrelation fc = FeatureCorrelation.of(cells("real", false), cells("synthetic", true),
        FeatureCorrelation.Options.of("ImageNumber"));
    assertEquals(8, fc.matchedCells());
    var per = fc.perFeature();
    assertEquals(1.0, valueOf(per, "Cells_Intensity_MeanIntensity_DNA"), 1e-12);
    assertEquals(-1.0, valueOf(per, "Cells_AreaShape_Area"), 1e-12);
    assertEquals(List.of("Cells_Texture_Contrast_ER_3_00_256"), fc.zeroVariance());
    assertEquals(List.of("Cells_Intensity_MeanIntensity_Mito"), fc.onlyInReal());
    assertEquals(List.of("Cells_Granularity_1_RNA"), fc.onlyInSynthetic());
    // Location features are measurements too (centre x is identical up to the 1 px shift -> r = 1)
    assertEquals(1.0, valueOf(per, "Cells_Location_Center_X"), 1e-12);
    var g = fc.byGroup();
    var intensity = g.where(g.stringColumn("group").isEqualTo("Intensity"));
    assertEquals(1, intensity.rowCount());
    assertEquals("DNA", intensity.stringColumn("channel").get(0));
    assertNotNull(fc.heatmap(Compartment.CELLS, "t").asJavascript("d"));
  }

  @Test
  void toleranceAndImageKeysPreventWrongMatches() {
    CellMatch m = CellMatcher.match(cells("r", false), cells("s", true), List.of("ImageNumber"), 0.5);
    assertEquals(0, m.size());
    var e = assertThrows(IllegalArgumentException.class, () -> FeatureCorrelation.of(cells("r", false), cells("s", true),
        new FeatureCorrelation.Options(List.of("ImageNumber"), 0.5, Compartment.NONE)));
    assertTrue(e.getMessage().contains("Only 0 of 8"));
    CellMatch ok = CellMatcher.match(cells("r", false), cells("s", true), List.of("ImageNumber"), 2);
    assertEquals(8, ok.size());
    for (int i = 0; i < 8; i++) assertEquals(7 - ok.realRows()[i], ok.syntheticRows()[i]);
    assertThrows(IllegalArgumentException.class,
        () -> CellMatcher.match(cells("r", false), cells("s", true), List.of("Metadata_Well"), 2));
  }

  private static double valueOf(Table per, String feature) {
    for (int i = 0; i < per.rowCount(); i++) {
      if (per.stringColumn("feature").get(i).equals(feature)) return per.doubleColumn("r").get(i);
    }
    throw new AssertionError("no row " + feature);
  }
}
