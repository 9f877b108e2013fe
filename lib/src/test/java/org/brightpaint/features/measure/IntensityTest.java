package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

class IntensityTest {
  @Test
  void sortedDeviationsEqualSortingTheDeviations() {
    java.util.Random rnd = new java.util.Random(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = rnd.nextInt(40);
      double[] v = new double[n + 3];
      for (int k = 0; k < v.length; k++) {
        v[k] = rnd.nextInt(6) / 65535f + (trial % 2 == 0 ? rnd.nextFloat() : 0);
      }
      java.util.Arrays.sort(v, 0, n);
      double centre = n == 0 ? 0 : Intensity.quantile(v, n, 0.5);
      double[] expected = new double[n];
      for (int k = 0; k < n; k++) {
        expected[k] = Math.abs(v[k] - centre);
      }
      java.util.Arrays.sort(expected);
      assertArrayEquals(expected, Intensity.sortedDeviations(v, n, centre), 0.0, "trial " + trial);
    }
  }


  @Test
  void twoByTwoObjectHasCellProfilerQuantiles() {
    // object 1 = 2x2 block at (1,1)..(2,2) with values 1,2 / 3,4
    float[] p = new float[16];
    int[] l = new int[16];
    p[5] = 1;
    p[6] = 2;
    p[9] = 3;
    p[10] = 4;
    l[5] = l[6] = l[9] = l[10] = 1;
    FeatureSet f = Intensity.measure(new FloatImage(4, 4, p), LabelImage.of(4, 4, l), "DNA");
    assertEquals(10, f.get("Intensity_IntegratedIntensity_DNA")[0], 1e-12);
    assertEquals(2.5, f.get("Intensity_MeanIntensity_DNA")[0], 1e-12);
    assertEquals(Math.sqrt(1.25), f.get("Intensity_StdIntensity_DNA")[0], 1e-12);
    // n = 4: q = 1, 2, 3 -> v[1], v[2], v[3] (no interpolation needed; no next value for q = 3)
    assertEquals(2, f.get("Intensity_LowerQuartileIntensity_DNA")[0], 1e-12);
    assertEquals(3, f.get("Intensity_MedianIntensity_DNA")[0], 1e-12);
    assertEquals(4, f.get("Intensity_UpperQuartileIntensity_DNA")[0], 1e-12);
    // |v - 3| = 2,1,0,1 -> sorted 0,1,1,2 -> q = 2 -> 1
    assertEquals(1, f.get("Intensity_MADIntensity_DNA")[0], 1e-12);
    // every pixel of a 2x2 object is an edge pixel
    assertEquals(10, f.get("Intensity_IntegratedIntensityEdge_DNA")[0], 1e-12);
    // centroid (1.5, 1.5); weighted ((1*1+2*2+3*1+4*2)/10, (1*1+2*1+3*2+4*2)/10) = (1.6, 1.7)
    assertEquals(Math.hypot(0.1, 0.2), f.get("Intensity_MassDisplacement_DNA")[0], 1e-6);
    assertEquals(1.6, f.get("Location_CenterMassIntensity_X_DNA")[0], 1e-6);
    assertEquals(2, f.get("Location_MaxIntensity_X_DNA")[0]);
    assertEquals(2, f.get("Location_MaxIntensity_Y_DNA")[0]);
    assertEquals(21, f.names().size());
  }

  @Test
  void interpolatesBetweenSortedValues() {
    double[] v = {1, 2, 3, 4, 5};
    // n = 5, f = 0.25: q = 1.25 -> 2 * 0.75 + 3 * 0.25
    assertEquals(2.25, Intensity.quantile(v, 5, 0.25), 1e-12);
  }

  @Test
  void saturatedObjectHasZeroSpread() {
    float[] p = new float[9];
    java.util.Arrays.fill(p, 1f);
    int[] l = new int[9];
    l[4] = 1;
    FeatureSet f = Intensity.measure(new FloatImage(3, 3, p), LabelImage.of(3, 3, l), "RNA");
    assertEquals(1, f.get("Intensity_MaxIntensity_RNA")[0]);
    assertEquals(0, f.get("Intensity_StdIntensity_RNA")[0]);
    assertEquals(0, f.get("Intensity_MADIntensity_RNA")[0]);
  }

  @Test
  void gapsAreNaNAndSizesMustMatch() {
    int[] l = new int[4];
    l[0] = 2;
    FeatureSet f = Intensity.measure(new FloatImage(2, 2, new float[4]), new LabelImage(2, 2, l, 2), "ER");
    assertEquals(0, f.get("Intensity_IntegratedIntensity_ER")[0]);
    assertTrue(Double.isNaN(f.get("Intensity_MeanIntensity_ER")[0]));
    assertEquals(0, f.get("Intensity_MeanIntensity_ER")[1]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Intensity.measure(new FloatImage(3, 2, new float[6]), new LabelImage(2, 2, l, 2), "ER"));
    assertTrue(e.getMessage().contains("ER"));
  }
}
