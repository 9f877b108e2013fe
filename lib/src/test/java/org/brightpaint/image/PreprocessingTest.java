package org.brightpaint.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

  static FloatImage ramp(int w, int h) {
    float[] p = new float[w * h];
    for (int i = 0; i < p.length; i++) {
      p[i] = i;
    }
    return new FloatImage(w, h, p);
  }

  @Test
  void percentilesMatchNumpyLinear() {
    float[] v = {1, 2, 3, 4};
    // numpy.percentile([1,2,3,4], [0, 50, 25, 100]) = [1, 2.5, 1.75, 4]
    assertArrayEquals(new double[] {1, 2.5, 1.75, 4}, Percentiles.of(v, new double[] {0, 50, 25, 100}), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new float[] {1, Float.NaN}, 50));
  }

  @Test
  void normalisationMapsPercentilesToPlusMinusOneAndInverts() {
    FloatImage img = new FloatImage(5, 1, new float[] {0, 10, 20, 30, 40});
    PercentileNormalization n = new PercentileNormalization(0, 100, false);
    PercentileNormalization.Scaling s = n.fit(img);
    assertEquals(0, s.low());
    assertEquals(40, s.high());
    FloatImage y = n.apply(img, s);
    assertArrayEquals(new float[] {-1, -0.5f, 0, 0.5f, 1}, y.pixels());
    assertEquals(img, PercentileNormalization.invert(y, s));

    FloatImage r = ramp(50, 40);
    PercentileNormalization paper = PercentileNormalization.paper();
    PercentileNormalization.Scaling ps = paper.fit(r);
    FloatImage back = PercentileNormalization.invert(paper.apply(r, ps), ps);
    for (int i = 0; i < r.pixels().length; i++) {
      float x = r.pixels()[i];
      float expected = (float) Math.max(ps.low(), Math.min(ps.high(), x));
      assertEquals(expected, back.pixels()[i], 1e-3, "pixel " + i);
    }
    assertThrows(IllegalArgumentException.class, () -> new PercentileNormalization(99, 1, true));
  }

  @Test
  void areaAverageAveragesBlocksAndKeepsTheMean() {
    FloatImage img = new FloatImage(4, 2, new float[] {1, 3, 5, 7, 1, 3, 5, 7});
    assertEquals(new FloatImage(2, 1, new float[] {2, 6}), Resize.areaAverage(img, 2, 1));
    FloatImage r = ramp(1080, 7);
    FloatImage s = Resize.areaAverage(r, 512, 3);
    double m1 = 0;
    for (float v : r.pixels()) {
      m1 += v;
    }
    double m2 = 0;
    for (float v : s.pixels()) {
      m2 += v;
    }
    assertEquals(m1 / r.pixels().length, m2 / s.pixels().length, 1e-2);
    // 3 px -> 2 px: out0 = (a + b/2) / 1.5
    FloatImage t = Resize.areaAverage(new FloatImage(3, 1, new float[] {3, 6, 9}), 2, 1);
    assertArrayEquals(new float[] {4, 8}, t.pixels(), 1e-5f);
  }

  @Test
  void tilingStitchIsExactWhereTilesAgree() {
    FloatImage img = ramp(37, 29);
    for (int[] cfg : new int[][] {{16, 4}, {10, 0}, {40, 8}, {8, 7}}) {
      Tiling t = Tiling.of(37, 29, cfg[0], cfg[1]);
      assertEquals(img, t.stitch(t.extractAll(img)), "tile " + cfg[0] + " overlap " + cfg[1]);
    }
    Tiling t = Tiling.of(10, 1, 6, 2);
    assertEquals(List.of(new Tiling.Tile(0, 0, 6, 1), new Tiling.Tile(4, 0, 6, 1)), t.tiles());
    // two constant tiles 0 and 1 blend linearly across the overlap (columns 4 and 5)
    FloatImage a = new FloatImage(6, 1, new float[6]);
    FloatImage b = new FloatImage(6, 1, new float[] {1, 1, 1, 1, 1, 1});
    float[] s = t.stitch(List.of(a, b)).pixels();
    assertArrayEquals(new float[] {0, 0, 0, 0, 1f / 3, 2f / 3, 1, 1, 1, 1}, s, 1e-6f);
  }

  @Test
  void rotationsAndFlipsMatchNumpy() {
    FloatImage img = new FloatImage(3, 2, new float[] {1, 2, 3, 4, 5, 6});
    // numpy.rot90([[1,2,3],[4,5,6]]) = [[3,6],[2,5],[1,4]]
    assertEquals(new FloatImage(2, 3, new float[] {3, 6, 2, 5, 1, 4}), Augmentation.rotate90(img, 1));
    assertEquals(img, Augmentation.rotate90(img, 4));
    assertEquals(new FloatImage(3, 2, new float[] {3, 2, 1, 6, 5, 4}), Augmentation.flipHorizontal(img));
    assertEquals(new FloatImage(3, 2, new float[] {4, 5, 6, 1, 2, 3}), Augmentation.flipVertical(img));
    FloatImage[] a = Augmentation.random(new FloatImage[] {ramp(8, 8), ramp(8, 8)}, 4, true, new SplittableRandom(1));
    assertEquals(a[0], a[1]);
    assertEquals(4, a[0].width());
  }

  @Test
  void illuminationFunctionRecoversAFalloffAndFlattens() {
    int n = 400;
    float[] fall = new float[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        double r2 = ((x - 200.0) * (x - 200.0) + (y - 200.0) * (y - 200.0)) / (200.0 * 200.0);
        fall[y * n + x] = (float) (1 - 0.4 * r2);
      }
    }
    SplittableRandom rnd = new SplittableRandom(3);
    List<FloatImage> imgs = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      float[] p = new float[n * n];
      for (int i = 0; i < p.length; i++) {
        p[i] = (float) (fall[i] * 1000 * (1 + 0.05 * rnd.nextGaussian()));
      }
      imgs.add(new FloatImage(n, n, p));
    }
    FloatImage f = Illumination.compute(imgs);
    for (float v : f.pixels()) {
      assertTrue(v >= 1 && Float.isFinite(v));
    }
    // the centre/edge ratio of the function follows the falloff: at r^2 = 0.64 it is 1 / (1 - 0.4 * 0.64)
    double centre = f.at(200, 200);
    double edge = f.at(200, 40);
    assertEquals(1 / (1 - 0.4 * 0.64), centre / edge, 0.05);
    FloatImage corrected = Illumination.apply(imgs.get(0), f);
    assertTrue(Math.abs(corrected.at(200, 200) / corrected.at(200, 40) - 1) < 0.06);
    assertThrows(IllegalArgumentException.class, () -> Illumination.apply(imgs.get(0), FloatImage.zeros(n, n)));
  }

  @Test
  void gaussianKeepsConstantsAndMedianRemovesSpikes() {
    FloatImage c = new FloatImage(5, 4, new float[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
    FloatImage g = Filters.gaussian(c, 1.5);
    for (float v : g.pixels()) {
      assertEquals(2, v, 1e-6);
    }
    float[] p = new float[25];
    p[12] = 100;
    assertEquals(0, Filters.medianDisk(new FloatImage(5, 5, p), 1).at(2, 2));
  }
}
