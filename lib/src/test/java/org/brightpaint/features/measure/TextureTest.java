package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

class TextureTest {
  static final int W = 14;
  static final int H = 12;

  static LabelImage twoObjects() {
    int[] lab = new int[W * H];
    for (int y = 1; y < 9; y++) {
      for (int x = 1; x < 7; x++) {
        lab[y * W + x] = 1;
      }
    }
    for (int y = 2; y < 11; y++) {
      for (int x = 7; x < 13; x++) {
        if ((x - 10) * (x - 10) + (y - 6) * (y - 6) <= 12) {
          lab[y * W + x] = 2;
        }
      }
    }
    return new LabelImage(W, H, lab, 2);
  }

  static FloatImage randomImage(long seed) {
    Random r = new Random(seed);
    float[] px = new float[W * H];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextInt(6) / 255f; // grey values 0..5, zeros included
    }
    return new FloatImage(W, H, px);
  }

  @Test
  void objectFeaturesEqualMahotasOnTheMaskedBoundingBox() {
    FloatImage img = randomImage(3);
    LabelImage lab = twoObjects();
    Texture.Options opt = new Texture.Options(List.of(1, 2), 256, false);
    FeatureSet fs = Texture.measure(img, "ER", lab, opt);
    int[] grey = Texture.quantize(img, 256);
    for (int l = 1; l <= 2; l++) {
      int x0 = W, x1 = -1, y0 = H, y1 = -1;
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          if (lab.at(x, y) == l) {
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
          }
        }
      }
      int cw = x1 - x0 + 1;
      int ch = y1 - y0 + 1;
      int[] crop = new int[cw * ch];
      int max = 0;
      for (int y = 0; y < ch; y++) {
        for (int x = 0; x < cw; x++) {
          int i = (y + y0) * W + x + x0;
          crop[y * cw + x] = lab.labels()[i] == l ? grey[i] : 0;
          max = Math.max(max, crop[y * cw + x]);
        }
      }
      for (int s : List.of(1, 2)) {
        for (int d = 0; d < 4; d++) {
          Glcm g = Glcm.of(crop, cw, ch, GlcmTest.DIRS[d][0] * s, GlcmTest.DIRS[d][1] * s, 256, true);
          double[] ref = DenseHaralick.features(g.symmetricMatrix(), max + 1);
          for (int f = 0; f < 13; f++) {
            String name = FeatureNames.texture(FeatureNames.HARALICK.get(f), "ER", s, d, 256);
            assertEquals(ref[f], fs.get(name)[l - 1], 1e-9 * Math.max(1, Math.abs(ref[f])), name + " object " + l);
          }
        }
      }
    }
  }

  /**
   * The per-object pass (pair validity shared per scale, four directions at once) gives bit for bit
   * the values of the straightforward computation: per object, scale and direction, one matrix fed
   * by {@link Glcm#add} in raster order with every pair whose two pixels are in the object, inside
   * the image and non-zero; objects touch the image border and each other, grey values include 0.
   */
  @Test
  void objectPassEqualsPairByPairMatricesBitForBit() {
    Random r = new Random(5);
    for (int trial = 0; trial < 30; trial++) {
      int w = 5 + r.nextInt(30);
      int h = 5 + r.nextInt(30);
      int n = 1 + r.nextInt(6);
      int[] lab = new int[w * h];
      for (int i = 0; i < lab.length; i++) {
        // blocky objects so that pairs at larger scales exist
        int bx = (i % w) / 4;
        int by = (i / w) / 4;
        int v = Math.floorMod(bx * 7 + by * 13 + trial, n + 2);
        lab[i] = v > n ? 0 : v;
        if (r.nextInt(10) == 0) {
          lab[i] = r.nextInt(n + 1);
        }
      }
      int levels = trial % 2 == 0 ? 256 : 2 + r.nextInt(40);
      float[] px = new float[w * h];
      for (int i = 0; i < px.length; i++) {
        px[i] = r.nextInt(5) == 0 ? 0f : r.nextFloat();
      }
      FloatImage img = new FloatImage(w, h, px);
      LabelImage labels = new LabelImage(w, h, lab, n);
      Texture.Options opt = new Texture.Options(List.of(1, 2, 3), levels, trial % 3 == 0);
      FeatureSet fs = Texture.measure(img, "ER", labels, opt);
      int[] grey = Texture.Grey.of(img, "ER", levels).levels();
      for (int l = 1; l <= n; l++) {
        int max = 0;
        for (int i = 0; i < lab.length; i++) {
          if (lab[i] == l) {
            max = Math.max(max, grey[i]);
          }
        }
        for (int s : opt.scales()) {
          double[][] feats = new double[4][];
          boolean empty = false;
          for (int d = 0; d < 4; d++) {
            Glcm g = Glcm.create(levels);
            for (int y = 0; y < h; y++) {
              for (int x = 0; x < w; x++) {
                int x2 = x + GlcmTest.DIRS[d][1] * s;
                int y2 = y + GlcmTest.DIRS[d][0] * s;
                if (lab[y * w + x] == l && x2 >= 0 && x2 < w && y2 < h && lab[y2 * w + x2] == l
                    && grey[y * w + x] != 0 && grey[y2 * w + x2] != 0) {
                  g.add(grey[y * w + x], grey[y2 * w + x2]);
                }
              }
            }
            empty |= g.pairCount() == 0;
            feats[d] = g.haralick(max + 1);
          }
          for (int d = 0; d < 4; d++) {
            for (int f = 0; f < 13; f++) {
              double e = empty ? Double.NaN : feats[d][f];
              if (opt.zeroNonFinite() && !Double.isFinite(e)) {
                e = 0.0;
              }
              String name = FeatureNames.texture(FeatureNames.HARALICK.get(f), "ER", s, d, levels);
              assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(fs.get(name)[l - 1]),
                  name + " object " + l + " trial " + trial);
            }
          }
        }
      }
    }
  }

  @Test
  void namesFollowCellProfiler() {
    FeatureSet fs = Texture.measure(randomImage(1), "ER", twoObjects(), Texture.Options.cpjump1());
    assertEquals(156, fs.names().size());
    assertEquals("Texture_AngularSecondMoment_ER_3_00_256", fs.names().get(0));
    assertTrue(fs.columns().containsKey("Texture_SumEntropy_ER_3_00_256"));
    assertTrue(fs.columns().containsKey("Texture_InfoMeas2_ER_10_03_256"));
  }

  @Test
  void severalChannelsConcatenateInMapOrder() {
    java.util.Map<String, FloatImage> m = new java.util.LinkedHashMap<>();
    m.put("Mito", randomImage(1));
    m.put("AGP", randomImage(2));
    FeatureSet fs = Texture.measure(m, twoObjects(), Texture.Options.cpjump1());
    assertEquals(312, fs.names().size());
    assertEquals("Texture_AngularSecondMoment_Mito_3_00_256", fs.names().get(0));
    assertEquals("Texture_AngularSecondMoment_AGP_3_00_256", fs.names().get(156));
    assertEquals(Texture.measure(randomImage(2), "AGP", twoObjects(), Texture.Options.cpjump1())
        .get("Texture_Entropy_AGP_5_02_256")[1], fs.get("Texture_Entropy_AGP_5_02_256")[1], 0.0);
  }

  @Test
  void objectSmallerThanScaleIsZeroAsCellProfilerStoresOrNaN() {
    int[] lab = new int[W * H];
    lab[5 * W + 5] = 1;
    lab[5 * W + 6] = 1;
    LabelImage l = new LabelImage(W, H, lab, 1);
    FloatImage img = randomImage(5);
    img.pixels()[5 * W + 5] = 0.5f;
    img.pixels()[5 * W + 6] = 0.5f;
    FeatureSet zero = Texture.measure(img, "DNA", l, Texture.Options.cpjump1());
    FeatureSet nan = Texture.measure(img, "DNA", l, new Texture.Options(List.of(3), 256, false));
    assertEquals(0.0, zero.get("Texture_Contrast_DNA_3_00_256")[0], 0.0);
    assertTrue(Double.isNaN(nan.get("Texture_Contrast_DNA_3_00_256")[0]));
    // at scale 1 the horizontal direction has a pair but the vertical has none: all NaN for the scale
    FeatureSet s1 = Texture.measure(img, "DNA", l, new Texture.Options(List.of(1), 256, false));
    assertTrue(Double.isNaN(s1.get("Texture_Contrast_DNA_1_00_256")[0]));
  }

  @Test
  void emptyLabelsGiveZeroLengthColumnsWithAllNames() {
    FeatureSet fs = Texture.measure(randomImage(1), "ER", new LabelImage(W, H, new int[W * H], 0), Texture.Options.cpjump1());
    assertEquals(0, fs.objectCount());
    assertEquals(156, fs.names().size());
  }

  @Test
  void badInputIsRejectedWithClearMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Texture.measure(FloatImage.zeros(5, 5), "ER", twoObjects(), Texture.Options.cpjump1()));
    assertTrue(e.getMessage().contains("5 x 5") && e.getMessage().contains("14 x 12"), e.getMessage());
    FloatImage img = randomImage(1);
    img.pixels()[17] = Float.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> Texture.measure(img, "ER", twoObjects(), Texture.Options.cpjump1()));
    assertTrue(e.getMessage().contains("ER") && e.getMessage().contains("x=3, y=1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Texture.Options(List.of(3, 3), 256, true));
  }

  @Test
  void wholeImageTextureUsesEveryPair() {
    float[] px = new float[16];
    for (int i = 0; i < 16; i++) {
      px[i] = GlcmTest.IMAGE[i] / 255f;
    }
    FeatureSet fs = Texture.measureImage(new FloatImage(4, 4, px), "DNA", new Texture.Options(List.of(1), 256, true));
    assertEquals(1, fs.objectCount());
    assertEquals(84.0 / 576.0, fs.get("Texture_AngularSecondMoment_DNA_1_00_256")[0], 1e-12);
    assertEquals(14.0 / 24.0, fs.get("Texture_Contrast_DNA_1_00_256")[0], 1e-12);
  }

  /**
   * {@link Texture#quantize} (clip, then rint) equals rint(255 x) clipped to 0..255 (then floor(u
   * (L-1) / 255)) on floats around every half-way point and on about a million bit patterns spread
   * over all floats (negative, above 1, infinite, NaN).
   */
  @Test
  void quantisationEqualsClippedRint() {
    float[] px = new float[257 * 9 + (1 << 20)];
    int n = 0;
    for (int k = -1; k <= 255; k++) {
      float half = (k + 0.5f) / 255f;
      for (int ulps = -4; ulps <= 4; ulps++) {
        px[n++] = Float.intBitsToFloat(Float.floatToRawIntBits(half) + ulps);
      }
    }
    for (long bits = 0; n < px.length; bits += 4099) {
      px[n++] = Float.intBitsToFloat((int) bits);
    }
    for (int levels : new int[] {256, 255, 100, 8, 2}) {
      int[] q = Texture.quantize(new FloatImage(px.length, 1, px), levels);
      for (int i = 0; i < px.length; i++) {
        double u = Math.rint(255.0 * px[i]);
        int v = u <= 0 ? 0 : (u >= 255 ? 255 : (int) u);
        if (levels != 256) {
          v = (int) (v / 255.0 * (levels - 1));
        }
        assertEquals(v, q[i], "x = " + px[i] + " levels " + levels);
      }
    }
  }

  @Test
  void quantisationIsRintOf255TimesValue() {
    FloatImage img = new FloatImage(4, 1, new float[] {0f, 0.003f, 1f, 0.7f});
    int[] g = Texture.quantize(img, 256);
    assertEquals(0, g[0]);
    assertEquals(1, g[1]); // rint(0.765) = 1
    assertEquals(255, g[2]);
    assertEquals(178, g[3]); // 0.7f * 255 = 178.49999... -> 178
  }
}
