package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known GLCMs of the classic 4x4 example (scikit-image docs, mahotas) and Haralick features. */
class GlcmTest {
  /** The scikit-image {@code graycomatrix} docstring image. */
  static final int[] IMAGE = {0, 0, 1, 1, 0, 0, 1, 1, 0, 2, 2, 2, 2, 2, 3, 3};

  static final int[][] DIRS = {{0, 1}, {1, 1}, {1, 0}, {1, -1}};

  /**
   * Symmetric matrices C + C^T counted by hand for directions 00, 01, 02, 03; scikit-image 0.19.3
   * {@code graycomatrix(image, [1], [0, pi/4, pi/2, 3pi/4], levels=4, symmetric=True)} gives the same.
   */
  static final long[][][] EXPECTED = {
    {{4, 2, 1, 0}, {2, 4, 0, 0}, {1, 0, 6, 1}, {0, 0, 1, 2}},
    {{2, 1, 3, 0}, {1, 2, 1, 0}, {3, 1, 0, 2}, {0, 0, 2, 0}},
    {{6, 0, 2, 0}, {0, 4, 2, 0}, {2, 2, 2, 2}, {0, 0, 2, 0}},
    {{4, 1, 0, 0}, {1, 2, 2, 0}, {0, 2, 4, 1}, {0, 0, 1, 0}},
  };

  @Test
  void classicImageEveryDirection() {
    for (int d = 0; d < 4; d++) {
      Glcm g = Glcm.of(IMAGE, 4, 4, DIRS[d][0], DIRS[d][1], 4, false);
      long[][] m = g.symmetricMatrix();
      for (int i = 0; i < 4; i++) {
        assertArrayEquals(EXPECTED[d][i], m[i], "direction " + d + " row " + i);
      }
    }
  }

  @Test
  void horizontalMatrixMatchesScikitImageNonSymmetricCounts() {
    // skimage graycomatrix(image, [1], [0], levels=4)[:, :, 0, 0] = [[2,2,1,0],[0,2,0,0],[0,0,3,1],[0,0,0,1]]
    long[][] c = {{2, 2, 1, 0}, {0, 2, 0, 0}, {0, 0, 3, 1}, {0, 0, 0, 1}};
    long[][] m = Glcm.of(IMAGE, 4, 4, 0, 1, 4, false).symmetricMatrix();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(c[i][j] + c[j][i], m[i][j]);
      }
    }
  }

  @Test
  void ignoreZerosClearsRowAndColumnZero() {
    long[][] m = Glcm.of(IMAGE, 4, 4, 0, 1, 4, true).symmetricMatrix();
    long[][] e = {{0, 0, 0, 0}, {0, 4, 0, 0}, {0, 0, 6, 1}, {0, 0, 1, 2}};
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(e[i], m[i]);
    }
  }

  @Test
  void handComputedFeaturesOfHorizontalMatrix() {
    double[] f = Glcm.of(IMAGE, 4, 4, 0, 1, 4, false).haralick(4);
    // p = M / 24; sum M^2 = 84
    assertEquals(84.0 / 576.0, f[0], 1e-12, "ASM");
    // (i-j)^2 weights: (0,1) 2x2x1, (0,2) 2x1x4, (2,3) 2x1x1 -> 14/24
    assertEquals(14.0 / 24.0, f[1], 1e-12, "Contrast");
    // px = row sums / 24 = [7, 6, 8, 3] / 24
    double ux = (0 * 7 + 1 * 6 + 2 * 8 + 3 * 3) / 24.0;
    double vx = (0 * 7 + 1 * 6 + 4 * 8 + 9 * 3) / 24.0 - ux * ux;
    assertEquals(vx, f[3], 1e-12, "Variance");
    // IDM: diagonal 16/24, |i-j|=1: (2+2+1+1)/2/24, |i-j|=2: (1+1)/5/24
    assertEquals((16 + 6 / 2.0 + 2 / 5.0) / 24.0, f[4], 1e-12, "IDM");
    // Entropy over entries 4,2,1,2,4,1,6,1,1,2
    double h = 0;
    for (int v : new int[] {4, 2, 1, 2, 4, 1, 6, 1, 1, 2}) {
      double p = v / 24.0;
      h -= p * Math.log(p) / Math.log(2);
    }
    assertEquals(h, f[8], 1e-12, "Entropy");
  }

  @Test
  void sparseFeaturesMatchDenseMahotasFormulas() {
    Random r = new Random(7);
    for (int trial = 0; trial < 40; trial++) {
      int levels = 2 + r.nextInt(30);
      int w = 3 + r.nextInt(12);
      int h = 3 + r.nextInt(12);
      int[] img = new int[w * h];
      int max = 0;
      for (int i = 0; i < img.length; i++) {
        img[i] = r.nextInt(trial % 3 == 0 ? 3 : levels);
        max = Math.max(max, img[i]);
      }
      boolean ignore = trial % 2 == 0;
      for (int[] d : DIRS) {
        Glcm g = Glcm.of(img, w, h, d[0], d[1], levels, ignore);
        if (g.pairCount() == 0) {
          continue;
        }
        double[] fast = g.haralick(max + 1);
        double[] ref = DenseHaralick.features(g.symmetricMatrix(), max + 1);
        for (int k = 0; k < 13; k++) {
          assertEquals(ref[k], fast[k], 1e-9 * Math.max(1, Math.abs(ref[k])), "feature " + k + " trial " + trial);
        }
      }
    }
  }

  /** {@link Glcm#add} records each unordered cell once, at its first pair, and counts every pair. */
  @Test
  void addKeepsFirstOccurrenceOrder() {
    Random r = new Random(3);
    for (int trial = 0; trial < 50; trial++) {
      int levels = 2 + r.nextInt(trial % 2 == 0 ? 4 : 300);
      Glcm g = Glcm.create(levels);
      java.util.Map<java.util.List<Integer>, Integer> expected = new java.util.LinkedHashMap<>();
      for (int k = r.nextInt(2000); k > 0; k--) {
        int a = r.nextInt(levels);
        int b = r.nextInt(levels);
        g.add(a, b);
        expected.merge(java.util.List.of(Math.min(a, b), Math.max(a, b)), 1, Integer::sum);
      }
      int[][] cells = g.cells();
      assertEquals(expected.size(), cells.length);
      int i = 0;
      for (java.util.Map.Entry<java.util.List<Integer>, Integer> e : expected.entrySet()) {
        assertArrayEquals(new int[] {e.getKey().get(0), e.getKey().get(1), e.getValue()}, cells[i++], "trial " + trial);
      }
    }
  }

  /**
   * {@link Glcm#addImagePairs} (ordered counts in two tables, folded) records the same cells in the
   * same first-occurrence order with the same counts as {@link Glcm#add} on every pair in raster
   * order, also on top of earlier pairs and for displacements as large as the image.
   */
  @Test
  void imagePairsEqualPairByPairAddition() {
    Random r = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      int levels = 2 + r.nextInt(trial % 4 == 0 ? 3 : 300);
      int w = 1 + r.nextInt(12);
      int h = 1 + r.nextInt(12);
      int[] img = new int[w * h];
      for (int i = 0; i < img.length; i++) {
        img[i] = r.nextInt(trial % 3 == 0 ? Math.min(levels, 3) : levels);
      }
      Glcm fast = Glcm.forImage(img, w, h, levels);
      Glcm slow = Glcm.create(levels);
      for (int k = r.nextInt(4); k > 0; k--) {
        int a = r.nextInt(levels);
        int b = r.nextInt(levels);
        fast.add(a, b);
        slow.add(a, b);
      }
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        int dy = r.nextInt(h + 1) * (r.nextInt(4) == 0 ? -1 : 1);
        int dx = r.nextInt(w + 1) * (r.nextBoolean() ? -1 : 1);
        fast.addImagePairs(img, w, h, dy, dx);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            if (y + dy >= 0 && y + dy < h && x + dx >= 0 && x + dx < w) {
              slow.add(img[y * w + x], img[(y + dy) * w + x + dx]);
            }
          }
        }
        assertEquals(slow.pairCount(), fast.pairCount(), "trial " + trial);
        assertTrue(java.util.Arrays.deepEquals(slow.cells(), fast.cells()), "trial " + trial);
      }
      // a cleared matrix keeps nothing of the ordered tables
      fast.clear();
      Glcm fresh = Glcm.forImage(img, w, h, levels);
      fast.addImagePairs(img, w, h, 0, 1);
      fresh.addImagePairs(img, w, h, 0, 1);
      assertTrue(java.util.Arrays.deepEquals(fresh.cells(), fast.cells()), "trial " + trial);
    }
  }

  @Test
  void emptyMatrixGivesNaN() {
    double[] f = Glcm.create(8).haralick(8);
    for (double v : f) {
      assertTrue(Double.isNaN(v));
    }
  }

  @Test
  void constantRegionHasCorrelationOneAndZeroContrast() {
    int[] img = {5, 5, 5, 5, 5, 5};
    double[] f = Glcm.of(img, 3, 2, 0, 1, 8, false).haralick(6);
    assertEquals(1.0, f[0], 0.0);
    assertEquals(0.0, f[1], 0.0);
    assertEquals(1.0, f[2], 0.0);
    assertEquals(0.0, f[8], 0.0);
  }
}
