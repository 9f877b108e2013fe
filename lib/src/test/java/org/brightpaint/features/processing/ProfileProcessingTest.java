package org.brightpaint.features.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.Well;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The whole chain on a small plate whose answer is worked out by hand. */
class ProfileProcessingTest {

  @Test
  void jumpRecipeOnAHandComputedPlate() {
    PlateMap map = PlateMap.jumpTarget1();
    Well dmso1 = map.wells(MoaGroup.CONTROL).get(0);
    Well dmso2 = map.wells(MoaGroup.CONTROL).get(1);
    Well kinase = map.wells(MoaGroup.KINASE).get(0);
    // two cells per well; F0 medians: DMSO 2 and 5, kinase 11. F1 constant 7. F2 medians 2.5, 4,
    // 11.5 (F0 + F3 / 2). F3 medians 1, -2, 1, on the blocklist (it still counts in the correlations,
    // as in pycytominer, where every operation sees the same input).
    Well[] wells = {dmso1, dmso1, dmso2, dmso2, kinase, kinase};
    double[] f0 = {1, 3, 4, 6, 10, 12};
    double[] f2 = {2.5, 2.5, 4, 4, 11.5, 11.5};
    double[] f3 = {0, 2, -2, -2, 1, 1};
    List<String> plate = new ArrayList<>();
    List<String> well = new ArrayList<>();
    double[] f1 = new double[6];
    for (int i = 0; i < 6; i++) {
      plate.add("P1");
      well.add(wells[i].name());
      f1[i] = 7;
    }
    Table cells = Table.create("cells", StringColumn.create("Metadata_Plate", plate), StringColumn.create("Metadata_Well", well),
        DoubleColumn.create("Cells_F0", f0), DoubleColumn.create("Cells_F1", f1),
        DoubleColumn.create("Nuclei_F2", f2), DoubleColumn.create("Cytoplasm_F3", f3));
    ProfileProcessing.Options o = new ProfileProcessing.Options(
        Normalize.Options.perPlateAgainstDmso(Normalize.Method.MAD_ROBUSTIZE),
        FeatureSelect.Options.defaults().withBlocklist(List.of("Cytoplasm_F3")));
    Table out = ProfileProcessing.run(cells, map, o);
    // F1: constant -> variance_threshold (its correlations are NaN). Normalising one plate is affine,
    // so correlations are those of the medians: r(F0, F2) = 43.5 / sqrt(42 * 46.5) = 0.984 > 0.9,
    // r(F0, F3) = 3 / sqrt(42 * 6) = 0.189, r(F2, F3) = 6 / sqrt(46.5 * 6) = 0.359; sums of |r|:
    // F0 2.173 < F2 2.343, so F2 goes. F3: blocklist. Left: F0.
    assertEquals(List.of("Metadata_Plate", "Metadata_Well", "Metadata_broad_sample", "Metadata_pert_iname",
        "Metadata_moa", "Metadata_moa_group", "Cells_F0"), out.columnNames());
    // DMSO well medians {2, 5}: median 3.5, MAD 1.5, scale 1.5 * 1.4826 = 2.2239.
    double s = 1.5 / (1 / 1.4826) + 1e-18;
    for (int r = 0; r < out.rowCount(); r++) {
      String w = out.getString(r, "Metadata_Well");
      double expected = w.equals(kinase.name()) ? 7.5 / s : w.equals(dmso1.name()) ? -1.5 / s : 1.5 / s;
      assertEquals(expected, out.doubleColumn("Cells_F0").getDouble(r), 1e-12, w);
      assertEquals(w.equals(kinase.name()) ? "Kinase" : "Control", out.getString(r, "Metadata_moa_group"));
    }
    assertEquals(3, out.rowCount());
    assertEquals(3.3724, out.doubleColumn("Cells_F0").max(), 1e-4);
  }
}
