package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

/**
 * Three 3x3 squares on a 20x3 strip: A (label 1) x 0..2, B (2) x 3..5 touching A, C (3) x 9..11.
 * Centroids (1,1), (4,1), (10,1).
 */
class NeighborsTest {
  static final int W = 20;
  static final int H = 3;

  static int[] strip(boolean withD) {
    int[] lab = new int[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int l = x <= 2 ? 1 : x <= 5 ? 2 : (x >= 9 && x <= 11) ? 3 : (withD && x >= 12 && x <= 14) ? 4 : 0;
        lab[y * W + x] = l;
      }
    }
    return lab;
  }

  @Test
  void withinFivePixels() {
    FeatureSet fs = Neighbors.measure(new LabelImage(W, H, strip(false), 3), Neighbors.Options.within(5));
    assertArrayEquals(new double[] {1, 2, 1}, fs.get("Neighbors_NumberOfNeighbors_5"));
    assertArrayEquals(new double[] {2, 1, 2}, fs.get("Neighbors_FirstClosestObjectNumber_5"));
    assertArrayEquals(new double[] {3, 3, 6}, fs.get("Neighbors_FirstClosestDistance_5"), 1e-12);
    assertArrayEquals(new double[] {3, 3, 1}, fs.get("Neighbors_SecondClosestObjectNumber_5"));
    assertArrayEquals(new double[] {9, 6, 9}, fs.get("Neighbors_SecondClosestDistance_5"), 1e-12);
    assertArrayEquals(new double[] {0, 180, 0}, fs.get("Neighbors_AngleBetweenNeighbors_5"), 1e-9);
    // outlines have 8 pixels; within radius 5.5 of another object: A all, B all, C the 5 with x <= 10
    assertArrayEquals(new double[] {100, 100, 62.5}, fs.get("Neighbors_PercentTouching_5"), 1e-12);
    assertEquals(Neighbors.featureNames(Neighbors.Options.within(5)), fs.names());
  }

  @Test
  void adjacent() {
    FeatureSet fs = Neighbors.measure(new LabelImage(W, H, strip(false), 3), Neighbors.Options.adjacent());
    assertArrayEquals(new double[] {1, 1, 0}, fs.get("Neighbors_NumberOfNeighbors_Adjacent"));
    assertArrayEquals(new double[] {37.5, 37.5, 0}, fs.get("Neighbors_PercentTouching_Adjacent"), 1e-12);
  }

  @Test
  void discardedObjectsCountAsNeighboursButNotAsClosestNumbers() {
    LabelImage kept = new LabelImage(W, H, strip(false), 3);
    LabelImage all = new LabelImage(W, H, strip(true), 4);
    FeatureSet fs = Neighbors.measure(kept, all, Neighbors.Options.adjacent());
    assertArrayEquals(new double[] {1, 1, 1}, fs.get("Neighbors_NumberOfNeighbors_Adjacent"));
    assertArrayEquals(new double[] {2, 1, 2}, fs.get("Neighbors_FirstClosestObjectNumber_Adjacent"));
    // C's nearest centroid is the discarded D at (13, 1)
    assertEquals(3.0, fs.get("Neighbors_FirstClosestDistance_Adjacent")[2], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Neighbors.measure(all, kept, Neighbors.Options.adjacent()));
  }

  @Test
  void singleObjectAndNoObjects() {
    int[] lab = new int[W * H];
    lab[5] = 1;
    FeatureSet one = Neighbors.measure(new LabelImage(W, H, lab, 1), Neighbors.Options.within(1));
    for (String n : one.names()) {
      assertEquals(0.0, one.get(n)[0], n);
    }
    FeatureSet none = Neighbors.measure(new LabelImage(W, H, new int[W * H], 0), Neighbors.Options.within(1));
    assertEquals(7, none.names().size());
    assertEquals(0, none.objectCount());
  }
}
