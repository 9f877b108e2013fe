package org.brightpaint.features.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PixelNeighboursTest {
  /** Every pixel of small images, border and interior: the raster order of the 3 x 3 window. */
  @Test
  void listsTheWindowInRasterOrder() {
    int[] nb = new int[PixelNeighbours.MAX];
    for (int w = 1; w <= 5; w++) {
      for (int h = 1; h <= 5; h++) {
        for (boolean eight : new boolean[] {true, false}) {
          for (int p = 0; p < w * h; p++) {
            List<Integer> expected = new ArrayList<>();
            for (int dy = -1; dy <= 1; dy++) {
              for (int dx = -1; dx <= 1; dx++) {
                int x = p % w + dx;
                int y = p / w + dy;
                boolean inside = x >= 0 && x < w && y >= 0 && y < h;
                boolean counted = (dx != 0 || dy != 0) && (eight || dx == 0 || dy == 0);
                if (inside && counted) {
                  expected.add(y * w + x);
                }
              }
            }
            int n = PixelNeighbours.of(p, w, h, eight, nb);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
                java.util.Arrays.copyOf(nb, n), w + " x " + h + ", pixel " + p + ", eight " + eight);
          }
        }
      }
    }
  }
}
