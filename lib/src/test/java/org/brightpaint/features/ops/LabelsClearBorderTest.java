package org.brightpaint.features.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Labels#clearBorder} against a table of every label in the image. */
class LabelsClearBorderTest {

  @Test
  void sameAsTableOfEveryLabel() {
    Random rnd = new Random(31);
    for (int t = 0; t < 2000; t++) {
      int width = 1 + rnd.nextInt(12);
      int height = 1 + rnd.nextInt(12);
      int[] labels = new int[width * height];
      int top = rnd.nextInt(30);
      for (int i = 0; i < labels.length; i++) {
        labels[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(top + 1);
      }
      boolean[] touch = new boolean[Labels.max(labels) + 1];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
            touch[labels[y * width + x]] = true;
          }
        }
      }
      int[] expected = labels.clone();
      for (int i = 0; i < expected.length; i++) {
        if (expected[i] != 0 && touch[expected[i]]) {
          expected[i] = 0;
        }
      }
      Labels.clearBorder(labels, width, height);
      assertArrayEquals(expected, labels, "case " + t + " (" + width + " x " + height + ")");
    }
  }
}
