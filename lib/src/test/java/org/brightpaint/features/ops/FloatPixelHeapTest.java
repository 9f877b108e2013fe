package org.brightpaint.features.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FloatPixelHeap} pops in the order of {@link PixelHeap} given the same pushes. */
class FloatPixelHeapTest {

  private static float randomValue(Random rnd) {
    return switch (rnd.nextInt(7)) {
      case 0 -> -0.0f;
      case 1 -> 0.0f;
      case 2 -> rnd.nextInt(4) - 1.5f; // many ties
      case 3 -> (float) (rnd.nextGaussian() * 1e-40); // subnormal
      case 4 -> rnd.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
      case 5 -> (float) (rnd.nextGaussian() * 1e30);
      default -> (float) rnd.nextGaussian();
    };
  }

  @Test
  void popsInTheOrderOfPixelHeap() {
    Random rnd = new Random(11);
    for (int t = 0; t < 200; t++) {
      PixelHeap expected = new PixelHeap(1);
      FloatPixelHeap actual = new FloatPixelHeap(1);
      int pixel = 0;
      int pops = 0;
      int steps = rnd.nextInt(3000);
      for (int s = 0; s < steps || !expected.isEmpty(); s++) {
        assertEquals(expected.isEmpty(), actual.isEmpty());
        if (s < steps && (expected.isEmpty() || rnd.nextInt(3) != 0)) {
          float v = randomValue(rnd);
          expected.push(v, pixel);
          actual.push(v, pixel);
          pixel++;
        } else {
          assertEquals(expected.pop(), actual.pop(), "case " + t + ", step " + s);
          pops++;
        }
      }
      assertTrue(actual.isEmpty());
      assertEquals(pixel, pops);
    }
  }

  @Test
  void refusesNaN() {
    assertThrows(IllegalArgumentException.class, () -> new FloatPixelHeap(4).push(Float.NaN, 0));
  }
}
