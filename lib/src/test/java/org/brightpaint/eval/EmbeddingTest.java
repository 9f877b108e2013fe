package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class EmbeddingTest {

  @Test
  void energyDistanceHandCases() {
    assertEquals(2.0, EnergyDistance.of(new double[][] {{0}}, new double[][] {{1}}), 1e-12);
    assertEquals(0.0, EnergyDistance.of(new double[][] {{0}, {1}}, new double[][] {{1}, {0}}), 1e-12);
    // X = {0, 2}, Y = {1}: 2 * 1 - (0 + 2 + 2 + 0) / 4 - 0 = 1
    assertEquals(1.0, EnergyDistance.of(new double[][] {{0}, {2}}, new double[][] {{1}}), 1e-12);
  }

  @Test
  void embedsSourcesAndRanksTheShiftedOneFurther() {
    Map<String, Table> src = new LinkedHashMap<>();
    src.put("real", MoaPredictionTest.cells(20, 3, 1));
    src.put("close", MoaPredictionTest.cells(20, 3, 2));
    Table far = MoaPredictionTest.cells(20, 3, 3);
    DoubleColumn dna = far.doubleColumn("Cells_Intensity_MeanIntensity_DNA");
    far.replaceColumn(dna.name(), dna.add(5).setName(dna.name()));
    src.put("far", far);
    Embedding e = Embedding.of(src, new Embedding.Options("real", "moa", 100, 10, 250, 1));
    assertEquals(300, e.points().rowCount()); // 100 of 120 cells per source
    // the floor is measured (two disjoint halves of real), not 0; a sample from real's own
    // distribution ("close") sits near it, the shifted one far above
    double floor = e.energyDistance().get("real");
    System.out.println("energy distance: " + e.energyDistance() + " (" + e.energySample() + " cells per sample)");
    assertTrue(floor > 0, "real vs real is measured: " + floor);
    assertEquals(floor, e.energyFloor());
    assertEquals(60, e.energySample());
    assertTrue(e.energyDistance().get("close") < 2 * floor, e.energyDistance().toString());
    assertTrue(e.energyDistance().get("far") > 3 * e.energyDistance().get("close"), e.energyDistance().toString());
    Table d = e.distanceTable();
    assertEquals(floor, d.doubleColumn("real_vs_real_floor").get(2));
    assertEquals(e.energyDistance().get("far") - floor, d.doubleColumn("above_floor").get(2), 1e-12);
    assertEquals(3, e.bySource().getTraces().length);
    assertEquals(6, e.byLabel().getTraces().length);
    assertFalse(e.features().contains("Cells_Neighbors_NumberOfNeighbors_5"), "constant in real: dropped");
  }

  /** Cells with {@code features} Gaussian measurement columns (the real run has about a thousand) and a MoA label. */
  static Table wide(int cells, int features, double shift, long seed) {
    Random r = new Random(seed);
    Table t = Table.create("cells", tech.tablesaw.api.StringColumn.create("moa"));
    for (int i = 0; i < cells; i++) t.stringColumn("moa").append(i % 2 == 0 ? "Control" : "Kinase");
    for (int j = 0; j < features; j++) {
      double[] v = new double[cells];
      for (int i = 0; i < cells; i++) v[i] = r.nextGaussian() + shift;
      t.addColumns(DoubleColumn.create("Cells_Intensity_MeanIntensity_F" + j, v));
    }
    return t;
  }

  /** Issue 10, observation 1: every t-SNE point was NaN with the real run's ~1,000 features. */
  @Test
  void manyFeaturesGiveFiniteCoordinates() {
    Map<String, Table> src = new LinkedHashMap<>();
    src.put("real", wide(60, 1200, 0, 1));
    src.put("model", wide(60, 1200, 0.5, 2));
    Embedding e = Embedding.of(src, new Embedding.Options("real", "moa", 60, 20, 250, 1));
    for (String c : new String[] {"x", "y"}) {
      for (double v : e.points().doubleColumn(c).asDoubleArray()) assertTrue(Double.isFinite(v), c + " = " + v);
    }
    assertTrue(Double.isFinite(e.cost()), "cost " + e.cost());
  }
}
