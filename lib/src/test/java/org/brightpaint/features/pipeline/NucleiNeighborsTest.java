package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.measure.Neighbors;
import org.brightpaint.features.segment.DeclumpMethod;
import org.brightpaint.features.segment.FillHoles;
import org.brightpaint.features.segment.PrimaryObjects;
import org.brightpaint.features.threshold.GlobalThreshold;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;

/** Which discarded nuclei take part in Neighbors (issue 11, observation 3). */
class NucleiNeighborsTest {

  private static void square(float[] p, int w, int x0, int y0, int size) {
    for (int y = y0; y < y0 + size; y++) {
      for (int x = x0; x < x0 + size; x++) {
        p[y * w + x] = 0.9f;
      }
    }
  }

  /**
   * A 30 x 20 image, background 0.05, bright squares at 0.9 (no declumping; diameters 3..6 px,
   * so areas 7.07..28.27 px are kept; border objects discarded):
   * <ul>
   *   <li>A: 4 x 4 at x 5..8, y 8..11: kept (nucleus 1);</li>
   *   <li>B: 4 x 4 at x 0..3, y 8..11: touches the left border, discarded; one pixel from A;</li>
   *   <li>C: 7 x 7 at x 20..26, y 1..7: area 49, too large, discarded;</li>
   *   <li>D: 4 x 4 at x 20..23, y 9..12: kept (nucleus 2); one pixel below C;</li>
   *   <li>E: 2 x 2 at x 25..26, y 10..11: area 4, too small, discarded; one pixel right of D.</li>
   * </ul>
   * Neighbours within 2 px (the rule does not depend on the distance; within 1 px nothing that
   * is labelled apart can be a neighbour without declumping). CellProfiler 4.0.6 measures
   * {@code small_removed_segmented} = objects after the border filter and the small-object
   * filter: A, C, D. So A has 0 neighbours (B left the set at the border filter) and D has 1 (C,
   * which was removed only later as too large; E was removed as too small). Counting every
   * discarded object (the rule before) gives A 1 and D 2.
   */
  @Test
  void onlyTooLargeNucleiTakePartAsDiscardedNeighbours() {
    int w = 30;
    int h = 20;
    float[] p = new float[w * h];
    java.util.Arrays.fill(p, 0.05f);
    square(p, w, 5, 8, 4);
    square(p, w, 0, 8, 4);
    square(p, w, 20, 1, 7);
    square(p, w, 20, 9, 4);
    square(p, w, 25, 10, 2);
    PrimaryObjects.Options o = new PrimaryObjects.Options(3, 6, true, true, DeclumpMethod.NONE,
        DeclumpMethod.NONE, Double.NaN, Double.NaN, FillHoles.AFTER_BOTH, GlobalThreshold.Options.li(0, 1, 0, 1), Double.NaN);
    PrimaryObjects.Result nuclei = PrimaryObjects.identify(new FloatImage(w, h, p), o);
    assertEquals(2, nuclei.labels().count());
    // A, C and D are left after the border and small-object filters
    assertEquals(3, java.util.Arrays.stream(nuclei.smallRemoved().labels()).filter(l -> l != 0).distinct().count());
    FeatureSet fs = Neighbors.measure(nuclei.labels(), FamilyWiring.nucleiWithDiscarded(nuclei),
        Neighbors.Options.within(2));
    assertArrayEquals(new double[] {0, 1}, fs.get("Neighbors_NumberOfNeighbors_2"));
  }
}
