package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

/** Known answers ported from CellProfiler 4's tests/modules/test_measuregranularity.py. */
class GranularityTest {
  interface Pixel {
    double at(int i, int j);
  }

  static FloatImage image(int h, int w, Pixel f) {
    float[] px = new float[w * h];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        px[i * w + j] = (float) f.at(i, j);
      }
    }
    return new FloatImage(w, h, px);
  }

  static LabelImage halves(int h, int w) {
    int[] lab = new int[w * h];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        lab[i * w + j] = i < h / 2 ? 1 : 2;
      }
    }
    return new LabelImage(w, h, lab, 2);
  }

  static void assertSpectrum(double[] expected, FeatureSet image, double tol) {
    for (int n = 1; n <= 16; n++) {
      assertEquals(expected[n - 1], image.get(FeatureNames.granularity(n, "DNA"))[0], tol, "Granularity_" + n);
    }
  }

  static double[] spectrum(double... head) {
    double[] e = new double[16];
    System.arraycopy(head, 0, e, 0, head.length);
    return e;
  }

  @Test
  void zerosGiveZero() {
    Granularity.Result r = Granularity.measure(FloatImage.zeros(40, 40), "DNA", List.of(halves(40, 40)),
        new Granularity.Options(0.25, 0.25, 10, 16));
    assertSpectrum(spectrum(), r.image(), 1e-7);
    for (int n = 1; n <= 16; n++) {
      assertEquals(0.0, r.objects().get(0).get(FeatureNames.granularity(n, "DNA"))[0], 1e-7);
      assertEquals(0.0, r.objects().get(0).get(FeatureNames.granularity(n, "DNA"))[1], 1e-7);
    }
  }

  @Test
  void constantImageGivesZero() {
    FloatImage c = image(40, 40, (i, j) -> 0.4);
    Granularity.Result r = Granularity.measure(c, "DNA", List.of(), Granularity.Options.cpjump1());
    assertSpectrum(spectrum(), r.image(), 1e-7);
  }

  @Test
  void noScalingCheckerboardStartsAt100() {
    FloatImage img = image(10, 10, (i, j) -> i % 2 == j % 2 ? 1 : 0);
    Granularity.Result r = Granularity.measure(img, "DNA", List.of(), new Granularity.Options(1, 1, 10, 16));
    assertSpectrum(spectrum(100), r.image(), 1e-7);
  }

  @Test
  void noScalingPerObject() {
    FloatImage img = image(40, 30, (i, j) -> i % 2 == j % 2 ? 1 : 0);
    Granularity.Result r = Granularity.measure(img, "DNA", List.of(halves(40, 30)), new Granularity.Options(1, 1, 10, 16));
    assertSpectrum(spectrum(100), r.image(), 1e-7);
    double[] e = spectrum(100);
    for (int n = 1; n <= 16; n++) {
      double[] v = r.objects().get(0).get(FeatureNames.granularity(n, "DNA"));
      assertEquals(e[n - 1], v[0], 1e-7);
      assertEquals(e[n - 1], v[1], 1e-7);
    }
  }

  @Test
  void subsampling() {
    FloatImage img = image(80, 80, (i, j) -> (i / 8) % 2 == (j / 8) % 2 ? 1 : 0);
    Granularity.Result r = Granularity.measure(img, "DNA", List.of(halves(80, 80)), new Granularity.Options(0.5, 1, 10, 16));
    double[] e = spectrum(0, 96, 0, 4);
    assertSpectrum(e, r.image(), 1e-7);
    for (int n = 1; n <= 16; n++) {
      double[] v = r.objects().get(0).get(FeatureNames.granularity(n, "DNA"));
      assertEquals(e[n - 1], v[0], 1.5);
      assertEquals(e[n - 1], v[1], 1.5);
    }
  }

  @Test
  void backgroundSampling() {
    FloatImage img = image(80, 80, (i, j) -> ((i / 4) % 2 == (j / 4) % 2 ? 1 : 0) * 0.5 + 0.5);
    Granularity.Result r = Granularity.measure(img, "DNA", List.of(), new Granularity.Options(1, 0.5, 10, 16));
    assertSpectrum(spectrum(0, 99, 0, 1), r.image(), 1e-7);
  }

  @Test
  void filterBackground() {
    double[][] a = new double[80][80];
    for (int i = 0; i < 80; i++) {
      for (int j = 0; j < 80; j++) {
        a[i][j] = ((i / 4) % 2 == (j / 4) % 2 ? 1 : 0) * 0.5 + 0.2;
        if (j < 2 && a[i][j] < 0.5) {
          a[i][j] = 0;
        }
        if (j == 0 && a[i][j] > 0.5) {
          a[i][j] = 0.5;
        }
      }
    }
    a[0][0] = 0.7;
    FloatImage img = image(80, 80, (i, j) -> a[i][j]);
    Granularity.Result r = Granularity.measure(img, "DNA", List.of(), new Granularity.Options(1, 1, 5, 16));
    assertSpectrum(spectrum(0, 99, 0, 1), r.image(), 1e-7);
  }

  @Test
  void noObjectsGiveZeroLengthColumns() {
    FeatureSet fs = Granularity.measure(FloatImage.zeros(40, 40), "DNA", new LabelImage(40, 40, new int[1600], 0),
        Granularity.Options.cpjump1());
    assertEquals(0, fs.objectCount());
    assertEquals(16, fs.names().size());
    assertEquals("Granularity_16_DNA", fs.names().get(15));
  }

  @Test
  void sizeMismatchIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Granularity.measure(FloatImage.zeros(40, 40), "DNA",
        new LabelImage(30, 40, new int[1200], 0), Granularity.Options.cpjump1()));
  }

  @Test
  void objectsPreparedOnceGiveTheSameBitsForEveryChannel() {
    java.util.Random rnd = new java.util.Random(3);
    Granularity.Options o = new Granularity.Options(0.5, 0.5, 3, 8);
    List<LabelImage> sets = List.of(halves(50, 60), new LabelImage(60, 50, new int[3000], 0));
    Granularity.Objects prepared = Granularity.Objects.of(sets, o);
    for (int c = 0; c < 2; c++) {
      FloatImage img = image(50, 60, (i, j) -> rnd.nextDouble() * (1 + (i / 7 + j / 5) % 3) / 3);
      Granularity.Result direct = Granularity.measure(img, "DNA", sets, o);
      Granularity.Result shared = Granularity.measure(img, "DNA", prepared, o);
      for (String n : direct.image().names()) {
        assertEquals(Double.doubleToRawLongBits(direct.image().get(n)[0]),
            Double.doubleToRawLongBits(shared.image().get(n)[0]), n);
        for (int k = 0; k < sets.size(); k++) {
          double[] a = direct.objects().get(k).get(n);
          double[] b = shared.objects().get(k).get(n);
          assertEquals(a.length, b.length, n);
          for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), n + " object " + i);
          }
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Granularity.measure(FloatImage.zeros(60, 50), "DNA", prepared,
        Granularity.Options.cpjump1()));
  }
}
