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

  /**
   * A 4 x 4 image, object 1 = rows 1..2 (all columns). The image border is not an edge, so every
   * object pixel is at distance 1 from background (rows 0 and 3): 8 tied maxima. CellProfiler:
   * {@code maximum_position} argsorts the 16 flattened distances; 16 elements are below NumPy's
   * quicksort threshold (pr - pl = 15 is not &gt; 15), so the whole array is insertion-sorted,
   * which keeps equal values in raster order; the last label-1 pixel in that order is flat index
   * 11 = (row 2, col 3), and that is CellProfiler's centre. (The first raster maximum would be
   * (1, 0).) From (2, 3): geodesic c = 0, 1, 1, sqrt2, 2, 1 + sqrt2, 3, 2 + sqrt2 for (2,3),
   * (2,2), (1,3), (1,2), (2,1), (1,1), (2,0), (1,0); e = 1; bin = floor(4 c / (c + 1.001)) = 0,
   * 1, 1, 2, 2, 2, 2, 3. All intensity (1.0) at (2, 3): FracAtD_1of4 = 1, MeanFrac_1of4 = 1 /
   * (1/8 + eps) = 8 (to 1e-12), FracAtD_4of4 = 0. With the centre at (1, 0) the bright pixel
   * would be in bin 4 instead.
   */
  @Test
  void tiedCentreIsTheLastInNumpysOrderForASmallImage() {
    int[] lab = new int[16];
    for (int p = 4; p < 12; p++) {
      lab[p] = 1;
    }
    float[] px = new float[16];
    px[2 * 4 + 3] = 1f;
    FeatureSet fs = RadialDistribution.measure(new FloatImage(4, 4, px), "DNA",
        new LabelImage(4, 4, lab, 1), RadialDistribution.Options.cpjump1());
    assertEquals(1.0, fs.get("RadialDistribution_FracAtD_DNA_1of4")[0], 0.0);
    assertEquals(8.0, fs.get("RadialDistribution_MeanFrac_DNA_1of4")[0], 1e-12);
    assertEquals(0.0, fs.get("RadialDistribution_FracAtD_DNA_4of4")[0], 0.0);
  }

  /**
   * A 3 x 6 image (18 pixels, so NumPy partitions once), object 1 = column 1, rows 0..2: each of
   * its pixels is at distance 1 from columns 0 and 2 (the top and bottom are image border, not
   * edges): a three-way tie at flat indices 1, 7, 13. NumPy's argsort of the 18 distances (0
   * except those three): pl = 0, pr = 17, pm = 8; the median of three (0, 0, 0) swaps nothing;
   * pivot 0 parked at 16; the scan swaps positions (1,15), (2,14), (3,12) (pj skips index 13,
   * value 1 &gt; 0), (4,11), (5,10), (6,9), (7,8) and stops at pi = 8; the pivot goes back to 8,
   * leaving positions 9..17 = [6, 5, 4, 3, 13, 2, 1, 7, 17]; the right part (9 elements) is
   * insertion-sorted, which keeps 13, 1, 7 in that order. The last label-1 position is 7 = (row
   * 1, col 1): CellProfiler's centre is the middle pixel, neither the first (0, 1) nor the last
   * (2, 1) in raster order (checked with scipy 1.17 {@code maximum_position} on NumPy 2.4.6 with
   * its SIMD sort disabled). Intensities 1, 0, 3 down the column: from (1, 1) c = 1, 0, 1, bins
   * 1, 0, 1, so FracAtD_1of4 = 0 and FracAtD_2of4 = 4/4 = 1; sectors of (0, 1) and (2, 1) are 4
   * and 5, means 1 and 3, RadialCV_2of4 = std/mean = 1/2.
   */
  @Test
  void tiedCentreFollowsNumpysUnstableQuicksort() {
    int[] lab = new int[18];
    lab[1] = 1;
    lab[7] = 1;
    lab[13] = 1;
    float[] px = new float[18];
    px[1] = 1f;
    px[13] = 3f;
    FeatureSet fs = RadialDistribution.measure(new FloatImage(6, 3, px), "DNA",
        new LabelImage(6, 3, lab, 1), RadialDistribution.Options.cpjump1());
    assertEquals(0.0, fs.get("RadialDistribution_FracAtD_DNA_1of4")[0], 0.0);
    assertEquals(1.0, fs.get("RadialDistribution_FracAtD_DNA_2of4")[0], 0.0);
    assertEquals(0.5, fs.get("RadialDistribution_RadialCV_DNA_2of4")[0], 1e-15);
  }
}
