package org.brightpaint.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DenoiserUNetTest {

  @org.junit.jupiter.api.BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  /** Two levels, attention at the lower one and in the middle, no zero-init (so every weight is live). */
  static DenoiserConfig tiny(int noisy, Conditioning c, boolean zeroInit) {
    return new DenoiserConfig(noisy, 3, c, 8, List.of(1, 2), 1, Set.of(2), 0f, 8, 8, zeroInit);
  }

  @Test
  void outputHasTheNoisyImagesShapeForBothConditionings() {
    for (Conditioning c : Conditioning.values()) {
      DenoiserUNet net = new DenoiserUNet(tiny(5, c, true), 1);
      try (NDManager m = NDManager.newBaseManager()) {
        net.initialize(m, DataType.FLOAT32, new Shape(1));
        NDArray x = SeededNoise.of(1).normal(m, new Shape(2, 5, 8, 12));
        NDArray cond = SeededNoise.of(2).normal(m, new Shape(2, 3, 8, 12));
        NDArray out = net.predictNoise(x, m.create(new float[] {3, 700}), cond, false);
        assertEquals(new Shape(2, 5, 8, 12), out.getShape(), c.name());
      }
    }
  }

  @Test
  void perChannelModeKeepsChannelsApart() {
    PerChannelDenoiser net = new PerChannelDenoiser(tiny(1, Conditioning.CONCAT, false), 5, 3);
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m, DataType.FLOAT32, new Shape(1));
      NDArray x = SeededNoise.of(1).normal(m, new Shape(1, 5, 8, 8));
      NDArray cond = SeededNoise.of(2).normal(m, new Shape(1, 3, 8, 8));
      NDArray level = m.create(new float[] {10});
      NDArray out = net.predictNoise(x, level, cond, false);
      assertEquals(new Shape(1, 5, 8, 8), out.getShape());
      // changing channel 4 of the input changes only channel 4 of the output
      NDArray x2 = x.duplicate();
      x2.set(new ai.djl.ndarray.index.NDIndex(":, 4"), 0.5f);
      NDArray out2 = net.predictNoise(x2, level, cond, false);
      assertArrayEquals(out.get(":, :4").toFloatArray(), out2.get(":, :4").toFloatArray(), 0f);
      assertTrue(out.get(":, 4").sub(out2.get(":, 4")).abs().max().getFloat() > 0);
    }
  }

  @Test
  void everyParameterReceivesAGradient() {
    for (Conditioning c : Conditioning.values()) {
      DenoiserUNet net = new DenoiserUNet(tiny(5, c, false), 3);
      try (NDManager m = NDManager.newBaseManager()) {
        net.initialize(m, DataType.FLOAT32, new Shape(1));
        NDArray x = SeededNoise.of(1).normal(m, new Shape(2, 5, 8, 8));
        NDArray cond = SeededNoise.of(2).normal(m, new Shape(2, 3, 8, 8));
        NDArray eps = SeededNoise.of(3).normal(m, new Shape(2, 5, 8, 8));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray out = net.predictNoise(x, m.create(new float[] {5, 50}), cond, true);
          gc.backward(out.sub(eps).square().mean());
        }
        int n = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
          float g = p.getValue().getArray().getGradient().abs().sum().getFloat();
          assertTrue(g > 0, c + ": no gradient reaches " + p.getKey());
          n++;
        }
        assertTrue(n > 40, "only " + n + " parameters");
      }
    }
  }

  @Test
  void spadeEncoderNeverSeesTheCondition() {
    // SPADE-Diffusion has no input concatenation: its first conv takes only the noisy channels
    DenoiserUNet spade = new DenoiserUNet(tiny(5, Conditioning.SPADE, true), 1);
    DenoiserUNet concat = new DenoiserUNet(tiny(5, Conditioning.CONCAT, true), 1);
    try (NDManager m = NDManager.newBaseManager()) {
      spade.initialize(m, DataType.FLOAT32, new Shape(1));
      concat.initialize(m, DataType.FLOAT32, new Shape(1));
      assertEquals(new Shape(8, 5, 3, 3), weight(spade, "inConv").getArray().getShape());
      assertEquals(new Shape(8, 8, 3, 3), weight(concat, "inConv").getArray().getShape());
    }
  }

  private static Parameter weight(DenoiserUNet net, String child) {
    for (Pair<String, ai.djl.nn.Block> c : net.getChildren()) {
      if (c.getKey().endsWith(child)) {
        return c.getValue().getParameters().get("weight");
      }
    }
    throw new AssertionError("no child " + child);
  }

  @Test
  void rejectsWrongShapesWithTheShapeInTheMessage() {
    DenoiserUNet net = new DenoiserUNet(tiny(5, Conditioning.CONCAT, true), 1);
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m, DataType.FLOAT32, new Shape(1));
      NDArray bad = m.zeros(new Shape(1, 4, 8, 8));
      NDArray cond = m.zeros(new Shape(1, 3, 8, 8));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> net.predictNoise(bad, m.create(new float[] {1}), cond, false));
      assertTrue(e.getMessage().contains("(1, 4, 8, 8)"), e.getMessage());
      NDArray odd = m.zeros(new Shape(1, 5, 7, 8));
      assertThrows(IllegalArgumentException.class,
          () -> net.predictNoise(odd, m.create(new float[] {1}), cond, false));
    }
  }

  @Test
  void groupCountsFollowTheReferenceOrTheLargestDivisor() {
    assertEquals(32, Layer.groupsFor(64));
    assertEquals(16, Layer.groupsFor(16));
    assertEquals(24, Layer.groupsFor(48));
    assertEquals(22, Layer.groupsFor(66));
  }

  @Test
  void sinusoidalEmbeddingIsCosThenSin() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] e = TimestepEmbedding.sinusoidal(m.create(new float[] {2f}), 4).toFloatArray();
      // frequencies 1 and 10000^(-1/2) = 0.01
      assertArrayEquals(new float[] {(float) Math.cos(2), (float) Math.cos(0.02),
          (float) Math.sin(2), (float) Math.sin(0.02)}, e, 1e-6f);
    }
  }

  @Test
  void blockwiseAttentionEqualsTheFullAttention() {
    SelfAttention attn = new SelfAttention(8, 4, false, new java.util.SplittableRandom(3));
    try (NDManager m = NDManager.newBaseManager()) {
      attn.initialize(m, DataType.FLOAT32, new Shape(1));
      // 48 x 48 = 2304 positions: three blocks of at most 1024 queries
      NDArray x = SeededNoise.of(5).normal(m, new Shape(1, 8, 48, 48));
      float[] blocked = attn.apply(x).toFloatArray();
      assertArrayEquals(attn.apply(x, Long.MAX_VALUE).toFloatArray(), blocked, 1e-4f);
    }
  }

  @Test
  void upsamplingRepeatsEachPixelInA2x2Block() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
      assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
          ResBlock.upsample(x).toFloatArray(), 0f);
    }
  }
}
