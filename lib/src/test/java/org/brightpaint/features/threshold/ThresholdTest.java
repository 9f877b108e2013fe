package org.brightpaint.features.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Illumination;
import org.junit.jupiter.api.Test;

class ThresholdTest {

  @Test
  void liOfTwoLevelsIsBetweenThem() {
    // shifted values {0,0,1,1}: t0 = 0.5, background mean 0 stops the iteration -> 0.5 + min
    assertEquals(1.5, MinimumCrossEntropy.threshold(new float[] {1, 1, 2, 2}), 1e-12);
  }

  @Test
  void liIteratesToTheCrossEntropyFixedPoint() {
    float[] v = {0.1f, 0.1f, 0.1f, 0.1f, 0.2f, 0.6f, 0.7f, 0.8f};
    double t = MinimumCrossEntropy.threshold(v);
    // fixed point: t = (mb - mf) / (ln mb - ln mf) on values shifted by the minimum 0.1
    double mb = (0 + 0 + 0 + 0 + 0.1) / 5.0;
    double mf = (0.5 + 0.6 + 0.7) / 3.0;
    assertEquals((mb - mf) / (Math.log(mb) - Math.log(mf)) + 0.1, t, 1e-6);
  }

  @Test
  void constantValuesGiveThatValue() {
    assertEquals(0.25, MinimumCrossEntropy.threshold(new float[] {0.25f, 0.25f}), 0);
    assertEquals(0.25, Otsu.threshold(new float[] {0.25f, 0.25f}), 0);
  }

  @Test
  void otsuSplitsTwoClusters() {
    float[] v = new float[200];
    for (int i = 0; i < 100; i++) {
      v[i] = 0.1f + 0.001f * (i % 10);
      v[100 + i] = 0.8f + 0.001f * (i % 10);
    }
    double t = Otsu.threshold(v);
    assertTrue(t > 0.109 && t < 0.8, "t = " + t);
  }

  @Test
  void correctionFactorAndBoundsApply() {
    FloatImage im = new FloatImage(4, 1, new float[] {0, 0, 1, 1});
    GlobalThreshold.Result r = GlobalThreshold.apply(im, GlobalThreshold.Options.li(0, 1.25, 0.0, 1.0));
    assertEquals(0.5, r.original(), 1e-12);
    assertEquals(0.625, r.threshold(), 1e-12);
    assertArrayEquals(new boolean[] {false, false, true, true}, r.foreground());
    GlobalThreshold.Result bounded = GlobalThreshold.apply(im, GlobalThreshold.Options.li(0, 1, 0.7, 0.9));
    assertEquals(0.7, bounded.threshold(), 1e-12);
  }

  @Test
  void allZeroImageHasThresholdZero() {
    GlobalThreshold.Result r = GlobalThreshold.apply(FloatImage.zeros(5, 5), GlobalThreshold.Options.li(3, 1, 0, 1));
    assertEquals(0, r.original());
  }

  @Test
  void invalidOptionsAreRejectedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GlobalThreshold.Options.li(0, -1, 0, 1));
    assertTrue(e.getMessage().contains("-1"));
  }

  @Test
  void backgroundOfConstantImageIsTheConstant() {
    FloatImage im = new FloatImage(60, 40, filled(60 * 40, 0.3f));
    FloatImage bg = BackgroundIllumination.compute(im, 30, 50);
    for (float v : bg.pixels()) {
      assertEquals(0.3, v, 1e-5);
    }
    for (float v : BackgroundIllumination.subtract(im, bg).pixels()) {
      assertEquals(0, v, 1e-5);
    }
  }

  @Test
  void backgroundIsTheBlockMinimumBeforeSmoothing() {
    float[] p = filled(60 * 30, 0.5f);
    p[0] = 0.1f; // block (0,0) of 30x30
    FloatImage bg = BackgroundIllumination.compute(new FloatImage(60, 30, p), 30, 0);
    assertEquals(0.1, bg.at(29, 29), 1e-7);
    assertEquals(0.5, bg.at(30, 0), 1e-7);
  }

  @Test
  void regularIlluminationOfFlatPlateIsOne() {
    Illumination.Accumulator a = new Illumination.Accumulator(50, 50);
    a.add(new FloatImage(50, 50, filled(2500, 0.2f)));
    a.add(new FloatImage(50, 50, filled(2500, 0.4f)));
    FloatImage f = a.result();
    for (float v : f.pixels()) {
      assertEquals(1.0, v, 1e-5);
    }
  }

  private static float[] filled(int n, float v) {
    float[] p = new float[n];
    java.util.Arrays.fill(p, v);
    return p;
  }
}
