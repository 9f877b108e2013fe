package org.brightpaint.features.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.brightpaint.features.ops.PixelHeap;
import org.brightpaint.features.ops.PixelNeighbours;
import org.junit.jupiter.api.Test;

/**
 * {@link Watershed#flood} against the straightforward flood: a double-keyed {@link PixelHeap} and
 * bounds-checked {@link PixelNeighbours#of} for every pixel.
 */
class WatershedTest {

  private static int[] straightforward(float[] image, int[] markers, boolean[] mask, int width, int height, boolean eight) {
    int[] out = markers.clone();
    PixelHeap heap = new PixelHeap(16);
    int[] nb = new int[PixelNeighbours.MAX];
    for (int i = 0; i < out.length; i++) {
      if (out[i] > 0) {
        heap.push(image[i], i);
      }
    }
    while (!heap.isEmpty()) {
      int p = heap.pop();
      int n = PixelNeighbours.of(p, width, height, eight, nb);
      for (int k = 0; k < n; k++) {
        int q = nb[k];
        if (out[q] == 0 && (mask == null || mask[q])) {
          out[q] = out[p];
          heap.push(image[q], q);
        }
      }
    }
    return out;
  }

  @Test
  void sameAsStraightforwardFlood() {
    Random rnd = new Random(5);
    for (int t = 0; t < 1500; t++) {
      int width = 1 + rnd.nextInt(t % 4 == 0 ? 3 : 30);
      int height = 1 + rnd.nextInt(t % 7 == 0 ? 3 : 30);
      int n = width * height;
      int levels = 1 + rnd.nextInt(6); // few levels: many ties, decided by push order
      float[] image = new float[n];
      int[] markers = new int[n];
      boolean[] mask = rnd.nextInt(4) == 0 ? null : new boolean[n];
      double markerRate = rnd.nextDouble() * 0.05;
      for (int i = 0; i < n; i++) {
        image[i] = switch (rnd.nextInt(3)) {
          case 0 -> rnd.nextInt(levels) * 0.25f;
          case 1 -> rnd.nextBoolean() ? -0.0f : 0.0f;
          default -> rnd.nextFloat();
        };
        markers[i] = rnd.nextDouble() < markerRate ? 1 + rnd.nextInt(5) : 0;
        if (mask != null) {
          mask[i] = rnd.nextDouble() < 0.8;
        }
      }
      for (int b = rnd.nextInt(4); b > 0; b--) { // marker objects with an inside
        int x0 = rnd.nextInt(width);
        int y0 = rnd.nextInt(height);
        int label = 1 + rnd.nextInt(5);
        for (int y = y0; y < Math.min(height, y0 + 1 + rnd.nextInt(8)); y++) {
          for (int x = x0; x < Math.min(width, x0 + 1 + rnd.nextInt(8)); x++) {
            markers[y * width + x] = label;
          }
        }
      }
      for (boolean eight : new boolean[] {true, false}) {
        assertArrayEquals(straightforward(image, markers, mask, width, height, eight),
            Watershed.flood(image, markers, mask, width, height, eight),
            "case " + t + " (" + width + " x " + height + ", " + (eight ? 8 : 4) + "-connected)");
      }
    }
  }
}
