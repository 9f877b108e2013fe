package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MoaPredictionTest {

  /**
   * Issue 10, observation 3: notebook 11 and 14 showed different F1 for the same cells. Smile's
   * LASVM draws its row order from a thread-local RNG whose state depends on earlier calls.
   */
  @Test
  void sameCellsGiveTheSameF1WhateverTheRngStateBefore() throws Exception {
    Table cells = cells(30, 0.8, 7);
    MoaPrediction.Options o = MoaPrediction.Options.of("moa");
    double[] f1 = new double[4];
    for (int run = 0; run < 4; run++) {
      int r = run;
      Thread t = new Thread(() -> {
        for (int i = 0; i < 1 + 37 * r; i++) smile.math.MathEx.random();
        MoaResult res = MoaPrediction.crossValidate("real", cells, o);
        f1[r] = res.f1SixClass() * 1000 + res.f1Binary();
      });
      t.start();
      t.join();
    }
    for (int run = 1; run < 4; run++) assertEquals(f1[0], f1[run], 0.0, Arrays.toString(f1));
  }

  @Test
  void f1MatchesHandComputedConfusionMatrix() {
    // truth\pred: class0 [5,1,0], class1 [2,3,1], class2 [0,0,4]
    Confusion c = new Confusion(new int[][] {{5, 1, 0}, {2, 3, 1}, {0, 0, 4}});
    // F1_0 = 10/(10+2+1) = 10/13; F1_1 = 6/(6+1+3) = 0.6; F1_2 = 8/(8+1+0) = 8/9
    assertEquals(10.0 / 13, c.f1(0), 1e-12);
    assertEquals(0.6, c.f1(1), 1e-12);
    assertEquals(8.0 / 9, c.f1(2), 1e-12);
    assertEquals((10.0 / 13 + 0.6 + 8.0 / 9) / 3, c.macroF1(), 1e-12);
    assertEquals(12.0 / 16, c.accuracy(), 1e-12);
    Confusion o = Confusion.of(new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 2}, 3);
    assertArrayEquals(new int[] {1, 1, 0}, o.counts()[0]);
  }

  @Test
  void stratifiedFoldsAreStratifiedDisjointAndCovering() {
    int[] y = new int[53];
    for (int i = 0; i < y.length; i++) y[i] = i < 30 ? 0 : (i < 45 ? 1 : 2);
    StratifiedKFold kf = StratifiedKFold.of(y, 5, 1);
    Set<Integer> seen = new HashSet<>();
    for (int f = 0; f < 5; f++) {
      int[] cnt = new int[3];
      for (int i : kf.test(f)) {
        assertTrue(seen.add(i), "index in two test folds: " + i);
        cnt[y[i]]++;
      }
      assertEquals(6, cnt[0]);
      assertEquals(3, cnt[1]);
      assertTrue(cnt[2] == 1 || cnt[2] == 2, Arrays.toString(cnt));
      assertEquals(y.length - kf.test(f).length, kf.train(f).length);
      for (int i : kf.train(f)) assertFalse(Arrays.stream(kf.test(f)).anyMatch(t -> t == i));
    }
    assertEquals(53, seen.size());
    assertArrayEquals(kf.test(2), StratifiedKFold.of(y, 5, 1).test(2), "seeded");
  }

  @Test
  void tooSmallClassesGiveAClearMessageOrFewerFolds() {
    int[] y = {0, 0, 0, 0, 0, 1, 1, 1};
    var e = assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.of(y, 5, 1));
    assertTrue(e.getMessage().contains("Class 1 has only 3 samples"), e.getMessage());
    StratifiedKFold kf = StratifiedKFold.ofAtMost(y, 5, 1);
    assertEquals(3, kf.k());
    assertTrue(kf.note().contains("used 3"));
    assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.ofAtMost(new int[] {0, 0, 1}, 5, 1));
  }

  /** Six classes separated along different features, plus a constant feature. */
  static Table cells(int perClass, double separation, long seed) {
    String[] groups = {"Control", "Epigenetic", "Growth factor", "Kinase", "Lipid", "Protease"};
    Random r = new Random(seed);
    int n = perClass * groups.length;
    String[] label = new String[n];
    double[][] f = new double[8][n];
    for (int i = 0; i < n; i++) {
      int g = i % groups.length;
      label[i] = groups[g];
      for (int j = 0; j < 6; j++) f[j][i] = r.nextGaussian() + (j == g ? separation : 0);
      f[6][i] = r.nextGaussian(); // noise
      f[7][i] = 1.0; // constant
    }
    // 8 wells per class (cell i in well (i / 6) % 8), 4 compounds per treated class (2 wells each)
    String[] well = new String[n];
    String[] compound = new String[n];
    for (int i = 0; i < n; i++) {
      int w = (i / groups.length) % 8;
      well[i] = String.format("%c%02d", (char) ('A' + i % groups.length), w + 1);
      compound[i] = i % groups.length == 0 ? "DMSO" : groups[i % groups.length] + "-" + (w % 4);
    }
    return Table.create("cells", StringColumn.create("moa", label),
        StringColumn.create("Metadata_Plate", n).setMissingTo("P1"), StringColumn.create("Metadata_Well", well),
        StringColumn.create("Metadata_Compound", compound),
        DoubleColumn.create("Cells_Intensity_MeanIntensity_DNA", f[0]), DoubleColumn.create("Cells_Intensity_MeanIntensity_ER", f[1]),
        DoubleColumn.create("Cells_Intensity_MeanIntensity_RNA", f[2]), DoubleColumn.create("Cells_Intensity_MeanIntensity_AGP", f[3]),
        DoubleColumn.create("Nuclei_AreaShape_Area", f[4]), DoubleColumn.create("Cytoplasm_Granularity_1_Mito", f[5]),
        DoubleColumn.create("Cells_Texture_Contrast_DNA_3_00_256", f[6]), DoubleColumn.create("Cells_Neighbors_NumberOfNeighbors_5", f[7]),
        DoubleColumn.create("Cells_Location_Center_X", f[6]));
  }

  @Test
  void separableClassesArePredictedFarAboveChanceAndConstantFeaturesDropped() {
    MoaResult res = MoaPrediction.crossValidate("real", cells(40, 4, 3), MoaPrediction.Options.of("moa"));
    assertTrue(res.f1SixClass() > 0.8, "six-class F1 " + res.f1SixClass());
    assertTrue(res.f1Binary() > 0.8, "binary F1 " + res.f1Binary());
    assertEquals(List.of("Cells_Neighbors_NumberOfNeighbors_5"), res.droppedFeatures());
    assertEquals(5, res.topFeatures().size());
    assertFalse(res.topFeatures().contains("Cells_Texture_Contrast_DNA_3_00_256"), "noise is not decisive: " + res.topFeatures());
    assertEquals(5, res.folds());
    assertEquals(36, res.sixClass().counts().length * res.sixClass().counts().length);
    assertEquals(CvScheme.WELL, res.scheme());
    assertTrue(res.setting().startsWith("well-grouped"), res.setting());
    Table t3 = MoaTable.of(List.of(res));
    assertEquals("real", t3.stringColumn("source").get(0));
    assertEquals("well-grouped", t3.stringColumn("cv").get(0));
  }

  @Test
  void randomLabelsStayNearChanceAndSubsamplingIsStated() {
    Table t = cells(40, 0, 4);
    MoaResult res = MoaPrediction.crossValidate("noise", t, MoaPrediction.Options.of("moa").withMaxCellsPerClass(20));
    assertTrue(res.f1SixClass() < 0.45, "no signal, F1 " + res.f1SixClass());
    assertEquals(20, res.cellsPerClass().get("Kinase"));
  }

  @Test
  void trainOnOneSourceTestOnAnother() {
    MoaResult res = MoaPrediction.transfer("pix2pix", cells(40, 4, 5), cells(40, 4, 6), MoaPrediction.Options.of("moa"));
    assertTrue(res.f1SixClass() > 0.8, "F1 " + res.f1SixClass());
    assertTrue(res.setting().startsWith("train on pix2pix, test on real (well-grouped"), res.setting());
    var cols = MoaPrediction.featureColumns(cells(2, 1, 1).addColumns(
        tech.tablesaw.api.DoubleColumn.create("Cells_AreaShape_BoundingBoxMaximum_X", new double[12]),
        tech.tablesaw.api.DoubleColumn.create("Cells_AreaShape_Center_Y", new double[12])));
    assertFalse(cols.contains("Cells_AreaShape_BoundingBoxMaximum_X"), "positions are not features");
    assertFalse(cols.contains("Cells_AreaShape_Center_Y"));
    assertFalse(cols.contains("Cells_Location_Center_X"));
    assertTrue(cols.contains("Nuclei_AreaShape_Area"));
    var e = assertThrows(IllegalArgumentException.class,
        () -> MoaPrediction.crossValidate("x", cells(40, 4, 5), MoaPrediction.Options.of("nope")));
    assertTrue(e.getMessage().contains("nope"));
  }

  /** Six classes, 4 wells each, no class signal: each well has its own random offset in 12 features. */
  static Table wellEffectsOnly(int cellsPerWell, long seed) {
    String[] groups = {"Control", "Epigenetic", "Growth factor", "Kinase", "Lipid", "Protease"};
    Random r = new Random(seed);
    List<String> label = new java.util.ArrayList<>(), well = new java.util.ArrayList<>(), compound = new java.util.ArrayList<>();
    int d = 12;
    List<double[]> rows = new java.util.ArrayList<>();
    for (int g = 0; g < 6; g++) {
      for (int w = 0; w < 4; w++) {
        double[] offset = new double[d];
        for (int j = 0; j < d; j++) offset[j] = 3 * r.nextGaussian();
        for (int c = 0; c < cellsPerWell; c++) {
          double[] x = new double[d];
          for (int j = 0; j < d; j++) x[j] = offset[j] + 0.3 * r.nextGaussian();
          rows.add(x);
          label.add(groups[g]);
          well.add(String.format("%c%02d", (char) ('A' + g), w + 1));
          compound.add(g == 0 ? "DMSO" : groups[g] + "-" + w);
        }
      }
    }
    Table t = Table.create("wells", StringColumn.create("moa", label), StringColumn.create("Metadata_Plate", label.size()).setMissingTo("P1"),
        StringColumn.create("Metadata_Well", well), StringColumn.create("Metadata_Compound", compound));
    for (int j = 0; j < d; j++) {
      double[] col = new double[rows.size()];
      for (int i = 0; i < col.length; i++) col[i] = rows.get(i)[j];
      t.addColumns(DoubleColumn.create("Cells_Intensity_MeanIntensity_F" + j, col));
    }
    return t;
  }

  @Test
  void groupedFoldsNeverSplitAGroupAndSpreadClasses() {
    int[] y = new int[60];
    String[] g = new String[60];
    for (int i = 0; i < 60; i++) {
      y[i] = i % 3;
      g[i] = "w" + (i % 15); // 15 wells, 5 per class, 4 cells each
    }
    GroupedKFold kf = GroupedKFold.of(g, y, List.of("a", "b", "c"), 5, 1);
    assertEquals(5, kf.k());
    Set<Integer> seen = new HashSet<>();
    for (int f = 0; f < 5; f++) {
      Set<String> testWells = new HashSet<>();
      int[] cnt = new int[3];
      for (int i : kf.test(f)) {
        assertTrue(seen.add(i));
        testWells.add(g[i]);
        cnt[y[i]]++;
      }
      for (int i : kf.train(f)) assertFalse(testWells.contains(g[i]), "well " + g[i] + " in training and test of fold " + f);
      assertArrayEquals(new int[] {4, 4, 4}, cnt, "one well of each class per fold");
    }
    assertEquals(60, seen.size());
    var e = assertThrows(IllegalArgumentException.class,
        () -> GroupedKFold.of(new String[] {"w1", "w1", "w2"}, new int[] {0, 1, 1}, List.of("a", "b"), 2, 1));
    assertTrue(e.getMessage().contains("w1"), e.getMessage());
  }

  @Test
  void wellGroupingRemovesTheLeakThatCellLevelCvHas() {
    // Labels carry no signal beyond the well: cell-level CV recognises wells (leak), grouped CV is at chance.
    Table t = wellEffectsOnly(15, 11);
    MoaPrediction.Options o = MoaPrediction.Options.of("moa").withTopFeatures(0);
    double cell = MoaPrediction.crossValidate("real", t, o, CvScheme.CELL).f1SixClass();
    double well = MoaPrediction.crossValidate("real", t, o, CvScheme.WELL).f1SixClass();
    double compound = MoaPrediction.crossValidate("real", t, o, CvScheme.COMPOUND).f1SixClass();
    System.out.printf("well effects only: cell-level F1 %.3f, well-grouped %.3f, leave-compound-out %.3f%n", cell, well, compound);
    assertTrue(cell > 0.8, "cell-level CV sees the well offsets: " + cell);
    assertTrue(well < 0.4, "well-grouped CV must not: " + well);
    assertTrue(compound < 0.4, "leave-compound-out must not: " + compound);
    var e = assertThrows(IllegalArgumentException.class,
        () -> MoaPrediction.crossValidate("real", t.removeColumns("Metadata_Well"), o, CvScheme.WELL));
    assertTrue(e.getMessage().contains("Metadata_Well"), e.getMessage());
  }

  @Test
  void transferTestsOnTheTestTableAndHoldsOutItsWells() {
    Table train = cells(40, 4, 5);
    // same distribution: high F1
    assertTrue(MoaPrediction.transfer("m", train, cells(40, 4, 6), MoaPrediction.Options.of("moa")).f1SixClass() > 0.8);
    // a test table whose classes sit on other features: a classifier trained on train fails there,
    // while the table itself is well separable (so a transfer that tested on train would score high)
    Table shuffled = cells(40, 4, 7);
    String[] groups = {"Control", "Epigenetic", "Growth factor", "Kinase", "Lipid", "Protease"};
    shuffled.stringColumn("Metadata_Plate").set(shuffled.stringColumn("Metadata_Plate").isNotMissing(), "P2");
    StringColumn moa = shuffled.stringColumn("moa");
    for (int i = 0; i < moa.size(); i++) moa.set(i, groups[(java.util.Arrays.asList(groups).indexOf(moa.get(i)) + 1) % 6]);
    double self = MoaPrediction.crossValidate("x", shuffled, MoaPrediction.Options.of("moa").withTopFeatures(0)).f1SixClass();
    double moved = MoaPrediction.transfer("m", train, shuffled, MoaPrediction.Options.of("moa").withTopFeatures(0)).f1SixClass();
    System.out.printf("transfer to a differently distributed table: F1 %.3f (its own CV %.3f)%n", moved, self);
    assertTrue(self > 0.8, "the test table is separable on its own: " + self);
    assertTrue(moved < 0.2, "transfer must be evaluated on the test table: " + moved);
    // the same wells: training on the test wells' own cells would score high; held out, it cannot
    Table leak = wellEffectsOnly(15, 12);
    double held = MoaPrediction.transfer("m", leak, leak, MoaPrediction.Options.of("moa").withTopFeatures(0)).f1SixClass();
    assertTrue(held < 0.4, "transfer holds out the test wells: " + held);
  }
}
