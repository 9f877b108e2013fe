package org.brightpaint.features.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Labels#fillHoles} (background runs joined by union-find) against the straightforward
 * definition: label the 4-connected background with {@link Labels#components}, then give each
 * region that does not touch the border and whose 8-neighbouring object pixels carry one label
 * that label.
 */
class LabelsFillHolesTest {

  /** The definition, pixel by pixel. */
  private static int[] straightforward(int[] labels, int width, int height) {
    boolean[] bg = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      bg[i] = labels[i] == 0;
    }
    int[] comp = Labels.components(bg, width, height, false);
    int[] owner = new int[Labels.max(comp) + 1];
    boolean[] invalid = new boolean[owner.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int c = comp[y * width + x];
        if (c == 0) {
          continue;
        }
        if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
          invalid[c] = true;
          continue;
        }
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int l = labels[(y + dy) * width + x + dx];
            if (l != 0 && owner[c] == 0) {
              owner[c] = l;
            } else if (l != 0 && owner[c] != l) {
              invalid[c] = true;
            }
          }
        }
      }
    }
    int[] out = labels.clone();
    for (int i = 0; i < out.length; i++) {
      int c = comp[i];
      if (c != 0 && !invalid[c] && owner[c] > 0) {
        out[i] = owner[c];
      }
    }
    return out;
  }

  /** Rings (some cut by the border, some split between two labels), discs inside rings, noise. */
  private static int[] randomLabels(Random rnd, int width, int height) {
    int[] labels = new int[width * height];
    int shapes = 1 + rnd.nextInt(12);
    int next = 1;
    for (int s = 0; s < shapes; s++) {
      int cx = rnd.nextInt(width);
      int cy = rnd.nextInt(height);
      double outer = 1 + rnd.nextDouble() * Math.max(width, height) / 2.0;
      double inner = rnd.nextDouble() * outer;
      int a = next++;
      int b = rnd.nextInt(3) == 0 ? next++ : a; // a ring in two halves: its hole borders two objects
      boolean nested = rnd.nextBoolean();
      int core = next++;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          double d = Math.hypot(x - cx, y - cy);
          if (d <= outer && d >= inner) {
            labels[y * width + x] = x < cx ? a : b;
          } else if (nested && d < inner / 3) {
            labels[y * width + x] = core; // an object inside another's hole
          }
        }
      }
    }
    double noise = rnd.nextDouble() * 0.5;
    for (int i = 0; i < labels.length; i++) {
      if (rnd.nextDouble() < noise) {
        labels[i] = rnd.nextDouble() < 0.7 ? 1 + rnd.nextInt(next) : 0;
      }
    }
    return labels;
  }

  @Test
  void sameAsStraightforwardOnRandomLabels() {
    Random rnd = new Random(20240611);
    int filled = 0;
    for (int t = 0; t < 3000; t++) {
      int width = 1 + rnd.nextInt(t % 3 == 0 ? 4 : 40);
      int height = 1 + rnd.nextInt(t % 5 == 0 ? 4 : 40);
      int[] labels = randomLabels(rnd, width, height);
      int[] expected = straightforward(labels, width, height);
      assertArrayEquals(expected, Labels.fillHoles(labels, width, height),
          "case " + t + " (" + width + " x " + height + ")");
      if (!java.util.Arrays.equals(expected, labels)) {
        filled++;
      }
    }
    assertTrue(filled > 500, "too few cases with a hole filled: " + filled);
  }

  @Test
  void holesTouchingTheBorderOrTwoObjectsStayOpen() {
    // 0 = background; hole of 1 at (1,1); hole between 2 and 3 at (5,1); open notch of 4 on the left
    int[] labels = {
      1, 1, 1, 2, 2, 3, 3, 0,
      1, 0, 1, 2, 0, 0, 3, 0,
      1, 1, 1, 2, 2, 3, 3, 0,
      0, 4, 4, 4, 0, 0, 0, 0,
      0, 0, 0, 4, 0, 5, 5, 5,
      4, 4, 4, 4, 0, 5, 0, 5,
      0, 0, 0, 0, 0, 5, 5, 5,
    };
    int[] out = Labels.fillHoles(labels, 8, 7);
    int[] expected = labels.clone();
    expected[8 + 1] = 1;
    expected[5 * 8 + 6] = 5;
    assertArrayEquals(expected, out);
    assertArrayEquals(straightforward(labels, 8, 7), out);
  }
}
