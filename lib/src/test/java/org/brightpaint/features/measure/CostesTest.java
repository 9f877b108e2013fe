package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

class CostesTest {

  /** Python 3: 65534 // 1.2 = 54611.0, 0.3 // 0.1 = 2.0 (0.3 / 0.1 = 2.9999999999999996), 7 // 2.0 = 3.0. */
  @Test
  void floorDivisionIsPythons() {
    assertEquals(54611.0, Costes.floorDiv(65534, 1.2), 0.0);
    assertEquals(2.0, Costes.floorDiv(0.3, 0.1), 0.0);
    assertEquals(3.0, Costes.floorDiv(7, 2.0), 0.0);
  }

  /** scipy.stats.pearsonr: constant input gives NaN, two points give the sign product, one point an error. */
  @Test
  void pearsonConventionsAreScipys() {
    assertTrue(Double.isNaN(Costes.pearsonOrThrow(new float[] {1, 1, 1}, new float[] {1, 2, 3}, null)));
    assertEquals(-1.0, Costes.pearsonOrThrow(new float[] {1, 2}, new float[] {5, 3}, null), 0.0);
    assertEquals(1.0, Costes.pearsonOrThrow(new float[] {1, 2, 3}, new float[] {2, 4, 6}, null), 1e-15);
    assertThrows(IllegalArgumentException.class,
        () -> Costes.pearsonOrThrow(new float[] {1, 2}, new float[] {1, 2}, new boolean[] {true, false}));
  }

  /** Costes is off by default (CPJUMP1) and adds two columns per pair when on, named as CellProfiler's. */
  @Test
  void switchedOnAddsCellProfilersColumns() {
    int w = 8;
    float[] a = new float[w * w];
    float[] b = new float[w * w];
    int[] lab = new int[w * w];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i % 7) / 10f;
      b[i] = (i % 5) / 10f + a[i] / 2;
      lab[i] = i < 32 ? 1 : 2;
    }
    Map<String, FloatImage> m = new LinkedHashMap<>();
    m.put("DNA", new FloatImage(w, w, a));
    m.put("RNA", new FloatImage(w, w, b));
    LabelImage l = new LabelImage(w, w, lab, 2);
    assertEquals(8, Colocalization.measure(m, l, Colocalization.Options.cpjump1()).names().size());
    FeatureSet on = Colocalization.measure(m, l, new Colocalization.Options(15, Costes.Method.FASTER, 65535));
    assertEquals(List.of("Correlation_Costes_DNA_RNA", "Correlation_Costes_RNA_DNA"),
        on.names().subList(8, 10));
  }
}
