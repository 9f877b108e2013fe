package org.brightpaint.features.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.brightpaint.data.PlateMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** pycytominer's steps on small tables whose answers are worked out by hand in the comments. */
class ProcessingTest {

  private static Table table(String[] plates, String[] wells, String[] perts, double[]... features) {
    Table t = Table.create("t", StringColumn.create("Metadata_Plate", plates), StringColumn.create("Metadata_Well", wells));
    if (perts != null) {
      t.addColumns(StringColumn.create("Metadata_pert_iname", perts));
    }
    for (int j = 0; j < features.length; j++) {
      t.addColumns(DoubleColumn.create("Cells_F" + j, features[j]));
    }
    return t;
  }

  @Test
  void aggregateMediansPerWellSortedByPlateThenWell() {
    // P2/A01 listed first but sorted after P1; P1/B02: cells 4, NaN, 6 -> median of {4, 6} = 5;
    // P1/A01: 3, 1, 2 -> 2; P2/A01: 7 -> 7. Second feature all NaN in P2/A01 -> NaN.
    Table cells = table(
        new String[] {"P2", "P1", "P1", "P1", "P1", "P1", "P1"},
        new String[] {"A01", "B02", "A01", "B02", "A01", "A01", "B02"}, null,
        new double[] {7, 4, 3, Double.NaN, 1, 2, 6},
        new double[] {Double.NaN, 1, 1, Double.NaN, 1, 1, 2});
    Table w = Aggregate.median(cells);
    assertEquals(List.of("Metadata_Plate", "Metadata_Well", "Cells_F0", "Cells_F1"), w.columnNames());
    assertEquals(List.of("P1", "P1", "P2"), w.stringColumn("Metadata_Plate").asList());
    assertEquals(List.of("A01", "B02", "A01"), w.stringColumn("Metadata_Well").asList());
    assertEquals(List.of(2.0, 5.0, 7.0), w.doubleColumn("Cells_F0").asList());
    assertEquals(1.0, w.doubleColumn("Cells_F1").getDouble(0));
    assertEquals(1.5, w.doubleColumn("Cells_F1").getDouble(1)); // B02: 1, NaN, 2 -> mean of the middle two
    assertTrue(Double.isNaN(w.doubleColumn("Cells_F1").getDouble(2)));
  }

  @Test
  void annotateAddsThePlateMapColumnsBeforeTheFeatures() {
    // JUMP-Target-1: A01 is a compound well, and DMSO wells have an empty broad_sample.
    PlateMap map = PlateMap.jumpTarget1();
    var dmso = map.wells(org.brightpaint.data.MoaGroup.CONTROL).get(0);
    var kinase = map.wells(org.brightpaint.data.MoaGroup.KINASE).get(0);
    Table wells = table(new String[] {"P", "P"}, new String[] {dmso.name(), kinase.name()}, null, new double[] {1, 2});
    Table a = Annotate.platemap(wells, map);
    assertEquals(List.of("Metadata_Plate", "Metadata_Well", "Metadata_broad_sample", "Metadata_pert_iname",
        "Metadata_moa", "Metadata_moa_group", "Cells_F0"), a.columnNames());
    assertEquals("DMSO", a.getString(0, "Metadata_pert_iname"));
    assertEquals("", a.getString(0, "Metadata_broad_sample"));
    assertEquals("Control", a.getString(0, "Metadata_moa_group"));
    assertEquals("Kinase", a.getString(1, "Metadata_moa_group"));
    assertEquals(map.perturbation(kinase).pertIname(), a.getString(1, "Metadata_pert_iname"));
    Table bad = table(new String[] {"P"}, new String[] {"Z99"}, null, new double[] {1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Annotate.platemap(bad, map));
    assertTrue(e.getMessage().contains("Z99"), e.getMessage());
  }

  /** Two plates: P1 DMSO {1, 2, 4} and a compound at 10; P2 DMSO {5, 5, 5} and a compound at 7. */
  private static Table twoPlates() {
    return table(
        new String[] {"P1", "P1", "P1", "P1", "P2", "P2", "P2", "P2"},
        new String[] {"A01", "A02", "A03", "B01", "A01", "A02", "A03", "B01"},
        new String[] {"DMSO", "DMSO", "DMSO", "x", "DMSO", "DMSO", "DMSO", "x"},
        new double[] {1, 2, 4, 10, 5, 5, 5, 7});
  }

  @Test
  void madRobustizePerPlateAgainstDmso() {
    Table n = Normalize.apply(twoPlates(), Normalize.Options.perPlateAgainstDmso(Normalize.Method.MAD_ROBUSTIZE));
    double[] v = n.doubleColumn("Cells_F0").asDoubleArray();
    // P1: median 2, |x - 2| = {1, 0, 2} -> MAD 1, scaled 1 / (1 / 1.4826) = 1.4826.
    double s = 1 / (1 / 1.4826) + 1e-18;
    assertEquals((1 - 2) / s, v[0], 1e-15);
    assertEquals(0.0, v[1]);
    assertEquals((4 - 2) / s, v[2], 1e-15);
    assertEquals(8 / 1.4826, v[3], 1e-12);
    // P2: median 5, MAD 0 -> pycytominer divides by epsilon 1e-18: DMSO 0, compound 2e18.
    assertEquals(0.0, v[4]);
    assertEquals(2e18, v[7], 1e3);
    assertEquals(List.of("DMSO", "DMSO", "DMSO", "x"), n.stringColumn("Metadata_pert_iname").asList().subList(0, 4));
  }

  @Test
  void standardizePerPlateAgainstDmso() {
    Table n = Normalize.apply(twoPlates(), Normalize.Options.perPlateAgainstDmso(Normalize.Method.STANDARDIZE));
    double[] v = n.doubleColumn("Cells_F0").asDoubleArray();
    // P1: mean 7/3, population variance (16/9 + 1/9 + 25/9) / 3 = 14/9, sd sqrt(14)/3;
    // compound (10 - 7/3) / (sqrt(14)/3) = 23 / sqrt(14).
    assertEquals(23 / Math.sqrt(14), v[3], 1e-12);
    assertEquals((1 - 7.0 / 3) / (Math.sqrt(14) / 3), v[0], 1e-12);
    // P2: constant DMSO -> scale 1 (scikit-learn): compound 7 - 5 = 2.
    assertEquals(2.0, v[7], 0);
    assertEquals(0.0, v[4], 0);
  }

  @Test
  void normalizeNeedsControlsOnEveryPlate() {
    Table t = table(new String[] {"P1", "P2"}, new String[] {"A01", "A01"}, new String[] {"DMSO", "x"}, new double[] {1, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Normalize.apply(t, Normalize.Options.perPlateAgainstDmso(Normalize.Method.MAD_ROBUSTIZE)));
    assertTrue(e.getMessage().contains("P2"), e.getMessage());
  }

  private static Table features(String[] names, double[]... cols) {
    Table t = Table.create("t", StringColumn.create("Metadata_Well", java.util.Collections.nCopies(cols[0].length, "A01")));
    for (int j = 0; j < cols.length; j++) {
      t.addColumns(DoubleColumn.create(names[j], cols[j]));
    }
    return t;
  }

  private static FeatureSelect.Options only(FeatureSelect.Operation op, double freq, double unique) {
    return new FeatureSelect.Options(List.of(op), freq, unique, 0.9, 0.05, Set.of());
  }

  @Test
  void varianceThresholdFrequencyAndUniqueness() {
    double[] constant = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    double[] rare = {1, 1, 1, 1, 1, 1, 1, 1, 1, 2}; // second/most common = 1/9 = 0.111; 2 distinct / 10 rows = 0.2
    double[] spread = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; // 1/1, 10/10
    String[] names = {"Cells_C", "Cells_R", "Cells_S"};
    Table t = features(names, constant, rare, spread);
    assertEquals(Set.of("Cells_C"), FeatureSelect.excluded(t, only(FeatureSelect.Operation.VARIANCE_THRESHOLD, 0.05, 0.01)));
    assertEquals(Set.of("Cells_C", "Cells_R"), FeatureSelect.excluded(t, only(FeatureSelect.Operation.VARIANCE_THRESHOLD, 0.12, 0.01)));
    assertEquals(Set.of("Cells_C", "Cells_R"), FeatureSelect.excluded(t, only(FeatureSelect.Operation.VARIANCE_THRESHOLD, 0.05, 0.25)));
    // NaN counts as a row but not as a value: {1, 2, NaN x 8} has 2 values of 1 each (ratio 1) and 2/10 unique.
    double[] sparse = {1, 2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    Table u = features(new String[] {"Nuclei_N"}, sparse);
    assertEquals(Set.of(), FeatureSelect.excluded(u, only(FeatureSelect.Operation.VARIANCE_THRESHOLD, 0.05, 0.2)));
    assertEquals(Set.of("Nuclei_N"), FeatureSelect.excluded(u, only(FeatureSelect.Operation.VARIANCE_THRESHOLD, 0.05, 0.21)));
  }

  @Test
  void correlationThresholdDropsTheMoreCorrelatedOfEachPair() {
    // r(X, Y) = 0.9827 > 0.9; r(X, W) = -1 (signed: kept); sums of |r| over all features:
    // X 3.4299, Y 3.4725, Z 2.4015, W 3.4299 -> Y ranks after X, so Y goes, whatever the column order.
    double[] x = {1, 2, 3, 4};
    double[] y = {1, 2, 3, 5};
    double[] z = {1, -1, 1, -1};
    double[] w = {4, 3, 2, 1};
    FeatureSelect.Options corr = only(FeatureSelect.Operation.CORRELATION_THRESHOLD, 0.05, 0.01);
    Table t = features(new String[] {"Cells_X", "Cells_Y", "Cells_Z", "Cells_W"}, x, y, z, w);
    assertEquals(Set.of("Cells_Y"), FeatureSelect.excluded(t, corr));
    Table swapped = features(new String[] {"Cells_Y", "Cells_X", "Cells_Z", "Cells_W"}, y, x, z, w);
    assertEquals(Set.of("Cells_Y"), FeatureSelect.excluded(swapped, corr));
    assertEquals(0.98270763, FeatureSelect.pearson(x, y), 1e-8);
    // pairwise complete: the NaN row is skipped for this pair only
    assertEquals(1.0, FeatureSelect.pearson(new double[] {1, 2, 3, Double.NaN}, new double[] {2, 4, 6, 0}), 1e-15);
  }

  @Test
  void dropNaColumnsAboveCutoffAndBlocklist() {
    double[] oneNa = new double[20];
    double[] twoNa = new double[20];
    for (int i = 0; i < 20; i++) {
      oneNa[i] = i;
      twoNa[i] = i;
    }
    oneNa[0] = Double.NaN; // 1/20 = 0.05, not above 0.05: kept
    twoNa[0] = Double.NaN; // 2/20 = 0.10: dropped
    twoNa[1] = Double.NaN;
    Table t = features(new String[] {"Cells_A", "Cells_B", "Cytoplasm_C"}, oneNa, twoNa, oneNa.clone());
    assertEquals(Set.of("Cells_B"), FeatureSelect.excluded(t, only(FeatureSelect.Operation.DROP_NA_COLUMNS, 0.05, 0.01)));
    FeatureSelect.Options block = only(FeatureSelect.Operation.BLOCKLIST, 0.05, 0.01).withBlocklist(List.of("Cytoplasm_C", "Nuclei_Absent"));
    assertEquals(Set.of("Cytoplasm_C"), FeatureSelect.excluded(t, block));
    Table kept = FeatureSelect.apply(t, block);
    assertEquals(List.of("Metadata_Well", "Cells_A", "Cells_B"), kept.columnNames());
  }

  @Test
  void featureSelectUnionOfOperationsOnTheSameInput() {
    double[] x = {1, 2, 3, 4};
    double[] y = {1, 2, 3, 5};
    double[] c = {7, 7, 7, 7};
    Table t = features(new String[] {"Cells_X", "Cells_Y", "Nuclei_C"}, x, y, c);
    // C: one distinct value (variance_threshold) and NaN correlations (never above the threshold);
    // Y: correlated with X (|r| sums X 1.9827, Y 1.9827 tie -> table order keeps X first, Y goes).
    Table out = FeatureSelect.apply(t, FeatureSelect.Options.defaults());
    assertEquals(List.of("Metadata_Well", "Cells_X"), out.columnNames());
  }
}
