package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.brightpaint.models.blocks.GroupNorm;
import org.brightpaint.models.blocks.InstanceNorm;
import org.brightpaint.models.blocks.Layers;
import org.junit.jupiter.api.Test;

/** The hand-built norms and resizes against hand-computed answers. */
class BlocksTest {

  @Test
  void instanceNormOfOneTwoThreeFour() {
    try (NDManager m = NDManager.newBaseManager()) {
      // mean 2.5, variance 1.25: (x - 2.5) / sqrt(1.25 + 1e-5)
      float[] y = InstanceNorm.normalise(m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2))).toFloatArray();
      double s = Math.sqrt(1.25 + 1e-5);
      assertArrayEquals(new float[] {(float) (-1.5 / s), (float) (-0.5 / s), (float) (0.5 / s), (float) (1.5 / s)}, y,
          1e-6f);
    }
  }

  @Test
  void groupNormPoolsChannelsOfAGroup() {
    try (NDManager m = NDManager.newBaseManager()) {
      // two channels [1, 1] and [3, 3] in one group: mean 2, variance 1
      float[] y = GroupNorm.normalise(m.create(new float[] {1, 1, 3, 3}, new Shape(1, 2, 1, 2)), 1).toFloatArray();
      float v = (float) (1 / Math.sqrt(1 + 1e-5));
      assertArrayEquals(new float[] {-v, -v, v, v}, y, 1e-6f);
      // two groups of one channel each: constant channels normalise to 0
      assertArrayEquals(new float[] {0, 0, 0, 0},
          GroupNorm.normalise(m.create(new float[] {1, 1, 3, 3}, new Shape(1, 2, 1, 2)), 2).toFloatArray(), 1e-6f);
    }
    assertThrows(IllegalArgumentException.class, () -> new GroupNorm(3, 8, true));
  }

  @Test
  void nearestResizesRepeatPixels() {
    try (NDManager m = NDManager.newBaseManager()) {
      var x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
      float[] expected = {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4};
      assertArrayEquals(expected, Layers.upsample2x(x).toFloatArray());
      assertArrayEquals(expected, Layers.resizeNearest(x, 4, 4).toFloatArray());
      assertEquals(new Shape(1, 1, 3, 5), Layers.resizeNearest(x, 3, 5).getShape());
    }
  }
}
