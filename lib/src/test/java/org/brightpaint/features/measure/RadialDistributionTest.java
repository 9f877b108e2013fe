package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

class RadialDistributionTest {
  static LabelImage disk(int size, double radius) {
    int[] lab = new int[size * size];
    double c = (size - 1) / 2.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if ((x - c) * (x - c) + (y - c) * (y - c) <= radius * radius) {
          lab[y * size + x] = 1;
        }
      }
    }
    return new LabelImage(size, size, lab, 1);
  }

  @Test
  void uniformDiskHasRingAreaFractionsAndMeanFracOne() {
    int size = 81;
    LabelImage l = disk(size, 30);
    float[] px = new float[size * size];
    java.util.Arrays.fill(px, 0.5f);
    FeatureSet fs = RadialDistribution.measure(new FloatImage(size, size, px), "Mito", l, RadialDistribution.Options.cpjump1());
    double sum = 0;
    for (int b = 1; b <= 4; b++) {
      double frac = fs.get("RadialDistribution_FracAtD_Mito_" + b + "of4")[0];
      sum += frac;
      // rings of a disk of radius R at R/4 steps: areas 1, 3, 5, 7 sixteenths
      assertEquals((2 * b - 1) / 16.0, frac, 0.03, "bin " + b);
      assertEquals(1.0, fs.get("RadialDistribution_MeanFrac_Mito_" + b + "of4")[0], 1e-9, "bin " + b);
      assertEquals(0.0, fs.get("RadialDistribution_RadialCV_Mito_" + b + "of4")[0], 1e-6, "bin " + b);
    }
    assertEquals(1.0, sum, 1e-12);
  }

  @Test
  void brightCentreConcentratesInTheInnerBin() {
    int size = 41;
    LabelImage l = disk(size, 15);
    float[] px = new float[size * size];
    px[20 * size + 20] = 1f;
    FeatureSet fs = RadialDistribution.measure(new FloatImage(size, size, px), "DNA", l, RadialDistribution.Options.cpjump1());
    assertEquals(1.0, fs.get("RadialDistribution_FracAtD_DNA_1of4")[0], 1e-12);
    assertEquals(0.0, fs.get("RadialDistribution_FracAtD_DNA_4of4")[0], 0.0);
    assertTrue(fs.get("RadialDistribution_MeanFrac_DNA_1of4")[0] > 4);
  }

  @Test
  void zeroIntensityAndGapsAreNaNAndEmptyLabelsGiveAllNames() {
    LabelImage l = new LabelImage(4, 1, new int[] {1, 1, 0, 0}, 2);
    FeatureSet fs = RadialDistribution.measure(FloatImage.zeros(4, 1), "ER", l, RadialDistribution.Options.cpjump1());
    assertTrue(Double.isNaN(fs.get("RadialDistribution_FracAtD_ER_1of4")[0]));
    assertTrue(Double.isNaN(fs.get("RadialDistribution_MeanFrac_ER_2of4")[1]));
    assertEquals(0.0, fs.get("RadialDistribution_RadialCV_ER_2of4")[1]);
    FeatureSet empty = RadialDistribution.measure(FloatImage.zeros(4, 1), "ER", new LabelImage(4, 1, new int[4], 0),
        RadialDistribution.Options.cpjump1());
    assertEquals(12, empty.names().size());
    assertEquals(0, empty.objectCount());
  }

  @Test
  void edtAndGeodesicOnSmallShapes() {
    // 5x5 block inside a 7x7 frame: centre distance 3 (to the frame)
    boolean[] in = new boolean[49];
    for (int y = 1; y < 6; y++) {
      for (int x = 1; x < 6; x++) {
        in[y * 7 + x] = true;
      }
    }
    double[] d = Edt.squared(in, 7, 7, false);
    assertEquals(9.0, d[3 * 7 + 3], 0.0);
    assertEquals(1.0, d[1 * 7 + 1], 0.0);
    assertEquals(4.0, d[2 * 7 + 3], 0.0);
    // L shape: geodesic distance goes around the corner
    boolean[] l = {
      true, false, false,
      true, false, false,
      true, true, true};
    double[] g = RadialDistribution.geodesic(l, 3, 3, 0);
    assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1,
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 2, 1 + Math.sqrt(2), 2 + Math.sqrt(2)}, g, 1e-12);
  }
}
