package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

class ColocalizationTest {
  @Test
  void pearsonOfARampWithItselfIsOneAndWithItsReverseMinusOne() {
    float[] ramp = new float[20];
    float[] rev = new float[20];
    for (int i = 0; i < 20; i++) {
      ramp[i] = i / 19f;
      rev[i] = 1 - i / 19f;
    }
    int[] lab = new int[20];
    java.util.Arrays.fill(lab, 1);
    LabelImage l = new LabelImage(5, 4, lab, 1);
    FeatureSet same = Colocalization.measurePair(new FloatImage(5, 4, ramp), "DNA", new FloatImage(5, 4, ramp.clone()), "ER",
        l, Colocalization.Options.cpjump1());
    assertEquals(1.0, same.get("Correlation_Correlation_DNA_ER")[0], 1e-12);
    assertEquals(1.0, same.get("Correlation_Overlap_DNA_ER")[0], 1e-12);
    assertEquals(1.0, same.get("Correlation_Manders_DNA_ER")[0], 1e-12);
    assertEquals(1.0, same.get("Correlation_RWC_ER_DNA")[0], 1e-12);
    FeatureSet opposite = Colocalization.measurePair(new FloatImage(5, 4, ramp), "DNA", new FloatImage(5, 4, rev), "ER",
        l, Colocalization.Options.cpjump1());
    assertEquals(-1.0, opposite.get("Correlation_Correlation_DNA_ER")[0], 1e-12);
  }

  @Test
  void mandersRwcOverlapAndKOfAKnownCase() {
    // one object of 4 pixels: f = 1 everywhere, s = 1, 1, 0, 0; background pixel 0
    FloatImage f = new FloatImage(5, 1, new float[] {1, 1, 1, 1, 0});
    FloatImage s = new FloatImage(5, 1, new float[] {1, 1, 0, 0, 0});
    LabelImage l = new LabelImage(5, 1, new int[] {1, 1, 1, 1, 0}, 1);
    FeatureSet fs = Colocalization.measurePair(f, "A", s, "B", l, Colocalization.Options.cpjump1());
    assertEquals(0.5, fs.get("Correlation_Manders_A_B")[0], 1e-12);
    assertEquals(1.0, fs.get("Correlation_Manders_B_A")[0], 1e-12);
    // ranks: f all 0, s = 1, 1, 0, 0 -> R = 2, weight of the both-above pixels = (2 - 1) / 2
    assertEquals(0.25, fs.get("Correlation_RWC_A_B")[0], 1e-12);
    assertEquals(0.5, fs.get("Correlation_RWC_B_A")[0], 1e-12);
    assertEquals(1.0, fs.get("Correlation_Overlap_A_B")[0], 1e-12);
    assertEquals(1.0, fs.get("Correlation_K_A_B")[0], 1e-12);
    assertEquals(1.0, fs.get("Correlation_K_B_A")[0], 1e-12);
    assertTrue(Double.isNaN(fs.get("Correlation_Correlation_A_B")[0]), "constant f: Pearson undefined");
  }

  @Test
  void gapLabelIsNaNAndNamesCoverEveryPair() {
    Map<String, FloatImage> m = new LinkedHashMap<>();
    m.put("AGP", new FloatImage(3, 1, new float[] {0.1f, 0.5f, 0.2f}));
    m.put("DNA", new FloatImage(3, 1, new float[] {0.3f, 0.2f, 0.9f}));
    m.put("Mito", new FloatImage(3, 1, new float[] {0.7f, 0.1f, 0.4f}));
    LabelImage l = new LabelImage(3, 1, new int[] {1, 1, 0}, 2);
    FeatureSet fs = Colocalization.measure(m, l, Colocalization.Options.cpjump1());
    assertEquals(24, fs.names().size());
    assertTrue(fs.columns().containsKey("Correlation_RWC_Mito_DNA"));
    assertTrue(fs.columns().containsKey("Correlation_Overlap_AGP_Mito"));
    for (String n : fs.names()) {
      assertTrue(Double.isNaN(fs.get(n)[1]), n);
    }
    FeatureSet empty = Colocalization.measure(m, new LabelImage(3, 1, new int[3], 0), Colocalization.Options.cpjump1());
    assertEquals(24, empty.names().size());
    assertEquals(0, empty.objectCount());
  }

  @Test
  void denseRanksShareTies() {
    float[] v = {0.5f, -1f, 0.5f, 2f, 0f, -0f};
    assertArrayEquals(new int[] {2, 0, 2, 3, 1, 1}, Colocalization.denseRanks(v, new int[] {0, 1, 2, 3, 4, 5}));
  }

  @Test
  void mismatchedSizesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Colocalization.measurePair(
        FloatImage.zeros(3, 3), "A", FloatImage.zeros(4, 3), "B", new LabelImage(3, 3, new int[9], 0),
        Colocalization.Options.cpjump1()));
    assertTrue(e.getMessage().contains("4 x 3"), e.getMessage());
  }
}
